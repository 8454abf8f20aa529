import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLTestClient } from '../test/graphql-client.js';
import { startTestPortico, type TestPortico } from '../test/harness.js';
import { scriptCapable, XSS_PAYLOADS } from './xss-payloads.js';

const CREATE_CUSTOMER = 'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }';
const CREATE_CONTACT = 'mutation($input: CreateContactInput!) { createContact(input: $input) { username password } }';
const CREATE_ARTICLE = 'mutation($input: CreateKbArticleInput!) { createKbArticle(input: $input) { id translationGroupId } }';
const UPDATE_ARTICLE = 'mutation($input: UpdateKbArticleInput!) { updateKbArticle(input: $input) { id title } }';
const SET_STATUS = 'mutation($id: ID!, $status: KbArticleStatus!) { setKbArticleStatus(id: $id, status: $status) { id status } }';
const SEARCH = 'query($q: String!) { kbSearch(query: $q) { article { id title language } snippetHtml } }';
const SUGGEST = 'query($t: String!) { kbSuggestions(text: $t) { article { id } } }';
const ARTICLE = 'query($id: ID!) { kbArticle(id: $id) { id title html translations { id language } } }';
const ARTICLES = 'query($c: ID) { kbArticles(categoryId: $c) { id } }';

interface Hit {
  article: { id: string; title: string; language: string };
  snippetHtml: string;
}

// The knowledge base (issue 13, PRODUCT.md F3): search in five languages with typos, and a scope
// that keeps drafts, technicians-only and other customers' articles from contacts by every path.
describe('knowledge base', () => {
  let portico: TestPortico;
  let admin: GraphQLTestClient;
  let contact: GraphQLTestClient;
  let germanContact: GraphQLTestClient;
  let customerId: string;
  let otherCustomerId: string;
  const ids: Record<string, string> = {};

  async function newContact(customer: string, language: string) {
    const suffix = Math.random().toString(36).slice(2, 8);
    const { createContact } = await admin.ok(CREATE_CONTACT, { input: { customerId: customer, name: `Kim ${suffix}`, email: `kim.${suffix}@k${suffix}.example`, language } });
    return GraphQLTestClient.signIn(portico.url, createContact.username, createContact.password);
  }

  async function article(key: string, input: Record<string, unknown>, publish = true) {
    const { createKbArticle } = await admin.ok(CREATE_ARTICLE, { input });
    if (publish) await admin.ok(SET_STATUS, { id: createKbArticle.id, status: 'PUBLISHED' });
    ids[key] = createKbArticle.id;
    return createKbArticle as { id: string; translationGroupId: string };
  }

  const search = async (client: GraphQLTestClient, q: string) => (await client.ok<{ kbSearch: Hit[] }>(SEARCH, { q })).kbSearch;
  const found = async (client: GraphQLTestClient, q: string) => (await search(client, q)).map((hit) => hit.article.id);

  beforeAll(async () => {
    portico = await startTestPortico();
    admin = await portico.admin();
    ({ createCustomer: { id: customerId } } = await admin.ok(CREATE_CUSTOMER, { input: { name: 'Kestrel AG', domains: ['kestrel.example'] } }));
    ({ createCustomer: { id: otherCustomerId } } = await admin.ok(CREATE_CUSTOMER, { input: { name: 'Osprey SA', domains: ['osprey.example'] } }));
    contact = await newContact(customerId, 'EN');
    germanContact = await newContact(customerId, 'DE');

    const password = await article('passwordEn', { title: 'How to reset your password', body: 'Open **Settings**, choose *Security* and follow the steps to reset the password.', language: 'EN' });
    await article('passwordDe', { title: 'Passwort zurücksetzen', body: 'Öffnen Sie die Einstellungen und setzen Sie Ihr Passwort zurück.', language: 'DE', translationOfId: password.id });
    await article('printerFr', { title: 'L’imprimante n’imprime pas', body: 'Vérifiez que l’imprimante est allumée et reliée au réseau.', language: 'FR' });
    await article('printerDe', { title: 'Drucker druckt nicht', body: 'Prüfen Sie, ob die Drucker eingeschaltet und mit dem Netzwerk verbunden sind.', language: 'DE' });
    await article('vpnEs', { title: 'Conectarse a la VPN', body: 'Las conexiones remotas necesitan la aplicación VPN instalada.', language: 'ES' });
    await article('mailIt', { title: 'Configurare la posta elettronica', body: 'Le caselle di posta si configurano dalle impostazioni del telefono.', language: 'IT' });
    // What a contact of Kestrel must never get, by any path:
    await article('draft', { title: 'Secret password policy draft', body: 'Password rotation plan, not final.', language: 'EN' }, false);
    await article('internal', { title: 'Password vault for technicians', body: 'Where the admin password lives.', language: 'EN', audience: 'INTERNAL' });
    await article('otherCustomer', { title: 'Osprey password portal', body: 'Reset the password in the Osprey portal.', language: 'EN', customerIds: [otherCustomerId] });
    await article('ownCustomer', { title: 'Kestrel password kiosk', body: 'Reset the password at the Kestrel kiosk.', language: 'EN', customerIds: [customerId] });
    await portico.jobs.drain();
  });

  afterAll(async () => {
    await portico?.stop();
  });

  it('stems in each language: German, French, Spanish and Italian forms find their article', async () => {
    expect(await found(contact, 'drucken')).toContain(ids.printerDe);
    expect(await found(contact, 'imprimantes')).toContain(ids.printerFr);
    expect(await found(contact, 'conexión vpn')).toContain(ids.vpnEs);
    expect(await found(contact, 'configurazione posta')).toContain(ids.mailIt);
    expect(await found(contact, 'resetting passwords')).toContain(ids.passwordEn);
  });

  it('corrects typos: "pasword reset" and "imprimant" still find their articles', async () => {
    expect(await found(contact, 'pasword reset')).toContain(ids.passwordEn);
    expect(await found(contact, 'imprimant')).toContain(ids.printerFr);
    expect(await found(contact, 'drukcer')).toContain(ids.printerDe);
  });

  it('puts the caller’s language first: a German contact with a typo gets the German article first', async () => {
    const hits = await search(germanContact, 'pasword');
    expect(hits[0].article.id).toBe(ids.passwordDe);
    expect(hits.map((hit) => hit.article.id)).toContain(ids.passwordEn);
    const english = await search(contact, 'password');
    expect(english[0].article.language).toBe('EN');
  });

  it('highlights the match in an escaped snippet', async () => {
    const [hit] = await search(contact, 'printer network');
    expect(hit).toBeUndefined(); // English words do not match the French or German text…
    const [fr] = await search(contact, 'réseau');
    expect(fr.snippetHtml).toContain('<mark>réseau</mark>');
    expect(fr.snippetHtml.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    // Characters that Markdown keeps as text are escaped once, not twice ("&#38;", never "&amp;amp;").
    await article('literal', { title: 'Laborscanner', body: 'Der Scanner im Labor & die Freigabe "Scans".', language: 'DE' });
    await portico.jobs.drain();
    const [literal] = await search(contact, 'freigabe');
    expect(literal.article.id).toBe(ids.literal);
    expect(literal.snippetHtml).toContain('Labor &#38; die <mark>Freigabe</mark>');
    expect(literal.snippetHtml).not.toContain('&amp;');
  });

  it('never shows a contact a draft, an internal article or another customer’s article, by any path; a technician sees them all', async () => {
    const hidden = [ids.draft, ids.internal, ids.otherCustomer];
    const contactSearch = await found(contact, 'password');
    expect(contactSearch).toContain(ids.ownCustomer);
    for (const id of hidden) expect(contactSearch).not.toContain(id);
    const suggestions = (await contact.ok<{ kbSuggestions: Array<{ article: { id: string } }> }>(SUGGEST, { t: 'password policy vault portal' })).kbSuggestions.map((hit) => hit.article.id);
    for (const id of hidden) expect(suggestions).not.toContain(id);
    const list = (await contact.ok<{ kbArticles: Array<{ id: string }> }>(ARTICLES, { c: null })).kbArticles.map((a) => a.id);
    expect(list).toContain(ids.ownCustomer);
    for (const id of hidden) {
      expect(list).not.toContain(id);
      const byId = await contact.request(ARTICLE, { id });
      expect(byId.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    const missing = await contact.request(ARTICLE, { id: '00000000-0000-4000-8000-000000000000' });
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(missing.errors?.[0].message).toBe((await contact.request(ARTICLE, { id: ids.draft })).errors?.[0].message);

    // The same probes find them for a technician: the check above can fail.
    const staffSearch = await found(admin, 'password');
    for (const id of hidden) expect(staffSearch).toContain(id);
    for (const id of hidden) expect((await admin.ok(ARTICLE, { id })).kbArticle.id).toBe(id);
  });

  it('links translations, only those the caller may read', async () => {
    const { kbArticle } = await germanContact.ok(ARTICLE, { id: ids.passwordDe });
    expect(kbArticle.translations).toEqual([{ id: ids.passwordEn, language: 'EN' }]);
  });

  it('indexes through the job: a new article is found once it ran, a changed one by its new words and no longer by its old ones', async () => {
    const { id } = await article('late', { title: 'Projector flickers', body: 'Replace the HDMI cable.', language: 'EN' });
    await portico.jobs.drain();
    expect(await found(contact, 'projector')).toContain(id);
    await admin.ok(UPDATE_ARTICLE, { input: { id, body: 'Swap the DisplayPort adapter.' } });
    await portico.jobs.drain();
    expect(await found(contact, 'displayport')).toContain(id);
    expect(await found(contact, 'hdmi')).not.toContain(id);
  });

  it('serves an article’s images inline and other files as downloads, to whoever may read the article only', async () => {
    const upload = async (name: string, type: string, body: Uint8Array<ArrayBuffer>) => {
      const response = await fetch(`${portico.url}/uploads`, { method: 'POST', headers: { authorization: `Bearer ${admin.token}`, 'content-type': type, 'x-upload-filename': name }, body });
      return ((await response.json()) as { id: string }).id;
    };
    const attach = async (articleId: string, uploadId: string) =>
      (await admin.ok<{ attachKbFile: { id: string } }>('mutation($a: ID!, $u: ID!) { attachKbFile(articleId: $a, uploadId: $u) { id } }', { a: articleId, u: uploadId })).attachKbFile.id;
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const image = await attach(ids.ownCustomer, await upload('kiosk.png', 'image/png', png));
    const svg = await attach(ids.ownCustomer, await upload('logo.svg', 'image/svg+xml', new TextEncoder().encode('<svg onload="alert(1)"/>')));
    const foreign = await attach(ids.otherCustomer, await upload('osprey.png', 'image/png', png));
    const get = (client: GraphQLTestClient | null, id: string) => fetch(`${portico.url}/kb-files/${id}`, { headers: client ? { authorization: `Bearer ${client.token}` } : {} });

    const shown = await get(contact, image);
    expect(shown.status).toBe(200);
    expect(shown.headers.get('content-type')).toBe('image/png');
    expect(shown.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(shown.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await shown.arrayBuffer())).toEqual(Buffer.from(png));
    const script = await get(contact, svg);
    expect(script.headers.get('content-type')).toBe('application/octet-stream');
    expect(script.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect((await get(contact, foreign)).status).toBe(404);
    expect((await get(contact, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await get(null, image)).status).toBe(401);
    expect((await get(admin, foreign)).status).toBe(200);
  });

  it('renders every known XSS payload harmless (no script, handler, foreign scheme or outside image), keeping the text', async () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(25);
    const failures: string[] = [];
    for (const payload of XSS_PAYLOADS) {
      const { createKbArticle } = await admin.ok(CREATE_ARTICLE, { input: { title: 'Payload', body: `Before\n\n${payload}\n\nAfter`, language: 'EN' } });
      const { kbArticle } = await admin.ok<{ kbArticle: { html: string } }>(ARTICLE, { id: createKbArticle.id });
      const dangerous = scriptCapable(kbArticle.html);
      if (dangerous) failures.push(`${payload} -> ${dangerous}`);
      expect(kbArticle.html).toContain('After');
    }
    expect(failures).toEqual([]);
    // The checker itself recognises what it looks for.
    for (const html of ['<script>x</script>', '<a href="javascript:x">a</a>', '<img src="https://evil.example/x.png">', '<p onclick="x">p</p>', '<a href="&#106;avascript:x">a</a>', '<img src="/graphql?query=x">']) {
      expect(scriptCapable(html), html).not.toBeNull();
    }
    expect(scriptCapable('<p><a href="https://example.com" rel="noopener">ok</a> <img src="/kb-files/0b0e8a1e-8b4e-4d0f-9d7e-2f1e0c3a4b5c" alt=""></p>')).toBeNull();
  });
});

// PRODUCT.md F3 / issue 13: contacts never meet an empty knowledge base.
describe('knowledge base section', () => {
  const SECTIONS = '{ portalSettings { ... on ContactPortalSettings { availableSections } } }';
  const SETTINGS = '{ portalSettings { ... on PortalSettings { version sectionScopes { section mode } } } }';
  const UPDATE = 'mutation($input: UpdatePortalSettingsInput!) { updatePortalSettings(input: $input) { version } }';
  let portico: TestPortico;
  let admin: GraphQLTestClient;

  beforeAll(async () => {
    portico = await startTestPortico();
    admin = await portico.admin();
  });
  afterAll(() => portico?.stop());

  const publish = async (title: string) => {
    const { createKbArticle } = await admin.ok(CREATE_ARTICLE, { input: { title, body: 'Text.', language: 'EN' } });
    await admin.ok(SET_STATUS, { id: createKbArticle.id, status: 'PUBLISHED' });
  };
  const kbMode = async () => (await admin.ok(SETTINGS)).portalSettings.sectionScopes.find((scope: { section: string }) => scope.section === 'KNOWLEDGE_BASE').mode;
  const setKbMode = async (mode: string) =>
    admin.ok(UPDATE, { input: { version: (await admin.ok(SETTINGS)).portalSettings.version, sectionScopes: [{ section: 'KNOWLEDGE_BASE', mode }] } });

  it('is off until the first article is published, then open to every customer', async () => {
    const { createCustomer } = await admin.ok(CREATE_CUSTOMER, { input: { name: 'Heron Ltd', domains: ['heron.example'] } });
    const { createContact } = await admin.ok(CREATE_CONTACT, { input: { customerId: createCustomer.id, name: 'Hal', email: 'hal@heron.example', language: 'EN' } });
    const contact = await GraphQLTestClient.signIn(portico.url, createContact.username, createContact.password);
    expect((await contact.ok(SECTIONS)).portalSettings.availableSections).not.toContain('KNOWLEDGE_BASE');
    expect((await contact.request(SEARCH, { q: 'anything' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');

    await admin.ok(CREATE_ARTICLE, { input: { title: 'A draft', body: 'Not yet.', language: 'EN' } });
    expect(await kbMode()).toBe('OFF'); // a draft opens nothing
    await publish('First answer');
    expect(await kbMode()).toBe('ALL_CUSTOMERS');
    expect((await contact.ok(SECTIONS)).portalSettings.availableSections).toContain('KNOWLEDGE_BASE');
    expect((await contact.ok(SEARCH, { q: 'answer' })).kbSearch).toHaveLength(1);
  });

  it('keeps the scope an admin chose, whatever is published', async () => {
    await setKbMode('OFF');
    await publish('Second answer');
    expect(await kbMode()).toBe('OFF');
  });
});

