import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLTestClient } from '../test/graphql-client.js';
import { startTestPortico, type TestPortico } from '../test/harness.js';
import { kbIndexJob } from './kb.search.js';
import type { JobHelpers } from 'graphile-worker';

const CREATE_CUSTOMER = 'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }';
const CREATE_CONTACT = 'mutation($input: CreateContactInput!) { createContact(input: $input) { username password } }';
const CREATE_ARTICLE = 'mutation($input: CreateKbArticleInput!) { createKbArticle(input: $input) { id } }';
const UPDATE_ARTICLE = 'mutation($input: UpdateKbArticleInput!) { updateKbArticle(input: $input) { id title body } }';
const SET_STATUS = 'mutation($id: ID!, $status: KbArticleStatus!) { setKbArticleStatus(id: $id, status: $status) { id status } }';
const RESTORE = 'mutation($a: ID!, $r: ID!) { restoreKbRevision(articleId: $a, revisionId: $r) { id title body } }';
const REVISIONS = 'query($id: ID!) { kbArticle(id: $id) { revisions { id title body authorName } } }';
const STATS = 'query($id: ID!) { kbArticle(id: $id) { stats { views helpfulVotes notHelpfulVotes deflections } } }';
const READ = 'query($id: ID!, $language: Language) { kbArticle(id: $id, language: $language) { id language title } }';
const VOTE = 'mutation($id: ID!, $helpful: Boolean!) { voteKbArticle(id: $id, helpful: $helpful) }';
const DEFLECT = 'mutation($id: ID!) { recordKbDeflection(articleId: $id) }';
const SEARCH = 'query($q: String!) { kbSearch(query: $q) { article { id } } }';
const UNANSWERED = '{ kbUnansweredSearches { query language count } }';
const CATEGORY = 'mutation($input: KbCategoryInput!) { createKbCategory(input: $input) { id } }';
const IN_CATEGORY = 'query($c: ID) { kbArticles(categoryId: $c) { id } }';
const FOR_TICKET = 'query($t: ID!) { kbSuggestionsForTicket(ticketId: $t) { article { id } } }';
const PREFERENCES = 'mutation($input: UpdateMyPreferencesInput!) { updateMyPreferences(input: $input) { __typename } }';

// Issue 13 (PRODUCT.md F3): what technicians write (revisions, translations, categories) and what
// contacts leave behind (views, votes, deflections, searches that found nothing).
describe('knowledge base editing and usage', () => {
  let portico: TestPortico;
  let admin: GraphQLTestClient;
  let contact: GraphQLTestClient;
  let customerId: string;
  let otherCustomerId: string;

  const create = async (input: Record<string, unknown>, publish = true) => {
    const { createKbArticle } = await admin.ok<{ createKbArticle: { id: string } }>(CREATE_ARTICLE, { input });
    if (publish) await admin.ok(SET_STATUS, { id: createKbArticle.id, status: 'PUBLISHED' });
    return createKbArticle.id;
  };
  const stats = async (id: string) => (await admin.ok(STATS, { id })).kbArticle.stats;
  const found = async (client: GraphQLTestClient, q: string) => (await client.ok<{ kbSearch: Array<{ article: { id: string } }> }>(SEARCH, { q })).kbSearch.map((hit) => hit.article.id);

  beforeAll(async () => {
    portico = await startTestPortico();
    admin = await portico.admin();
    ({ createCustomer: { id: customerId } } = await admin.ok(CREATE_CUSTOMER, { input: { name: 'Plover GmbH', domains: ['plover.example'] } }));
    ({ createCustomer: { id: otherCustomerId } } = await admin.ok(CREATE_CUSTOMER, { input: { name: 'Curlew Inc', domains: ['curlew.example'] } }));
    const { createContact } = await admin.ok(CREATE_CONTACT, { input: { customerId, name: 'Pia Plover', email: 'pia@plover.example', language: 'EN' } });
    contact = await GraphQLTestClient.signIn(portico.url, createContact.username, createContact.password);
    await create({ title: 'Welcome', body: 'Opens the section.', language: 'EN' });
  });

  afterAll(async () => {
    await portico?.stop();
  });

  it('keeps a revision for each change of title or text, and restores an earlier one as a new revision', async () => {
    const id = await create({ title: 'Scanner setup', body: 'Install the TWAIN driver.', language: 'EN' });
    await admin.ok(UPDATE_ARTICLE, { input: { id, title: 'Scanner setup (2026)', body: 'Install the WIA driver.' } });
    await admin.ok(UPDATE_ARTICLE, { input: { id, audience: 'CUSTOMERS' } }); // no new title or text: no revision
    const revisions = (await admin.ok(REVISIONS, { id })).kbArticle.revisions;
    expect(revisions.map((r: { title: string }) => r.title)).toEqual(['Scanner setup (2026)', 'Scanner setup']);
    expect(revisions[0].authorName).not.toBe('');

    const { restoreKbRevision } = await admin.ok(RESTORE, { a: id, r: revisions[1].id });
    expect(restoreKbRevision).toMatchObject({ title: 'Scanner setup', body: 'Install the TWAIN driver.' });
    const after = (await admin.ok(REVISIONS, { id })).kbArticle.revisions;
    expect(after).toHaveLength(3); // nothing lost: the restore is a revision of its own
    expect(after[0]).toMatchObject({ title: 'Scanner setup', body: 'Install the TWAIN driver.' });

    await portico.jobs.drain();
    expect(await found(contact, 'twain')).toContain(id);
    expect(await found(contact, 'wia')).not.toContain(id);

    // A revision of another article does not restore here; contacts see no revisions at all.
    const other = await create({ title: 'Other', body: 'Other text.', language: 'EN' });
    const foreign = (await admin.ok(REVISIONS, { id: other })).kbArticle.revisions[0].id;
    expect((await admin.errorOf(RESTORE, { a: id, r: foreign })).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'revisionId' });
    expect((await contact.ok(REVISIONS, { id })).kbArticle.revisions).toEqual([]);
    expect((await contact.errorOf(RESTORE, { a: id, r: revisions[1].id })).extensions?.code).toBe('FORBIDDEN');
  });

  it('counts a contact’s views, votes and deflections (one row per deflection), never a technician’s, and shows the counts to technicians only', async () => {
    const id = await create({ title: 'Headset pairing', body: 'Hold the button for five seconds.', language: 'EN' });
    await contact.ok(READ, { id });
    await contact.ok(READ, { id });
    await admin.ok(READ, { id });
    await contact.ok(VOTE, { id, helpful: true });
    await contact.ok(VOTE, { id, helpful: false });
    await contact.ok(VOTE, { id, helpful: true });
    await contact.ok(DEFLECT, { id });
    expect(await stats(id)).toEqual({ views: 2, helpfulVotes: 2, notHelpfulVotes: 1, deflections: 1 });
    expect((await contact.ok(STATS, { id })).kbArticle.stats).toBeNull();

    const rows = await portico.orm.em.fork().getConnection().execute<Array<{ name: string }>>('select c.name from kb_deflections d join contacts c on c.id = d.contact_id where d.article_id = ?', [id]);
    expect(rows.map((row) => row.name)).toEqual(['Pia Plover']);

    // Technicians neither vote nor deflect; contacts cannot count on what they may not read.
    expect((await admin.errorOf(VOTE, { id, helpful: true })).extensions?.code).toBe('FORBIDDEN');
    const draft = await create({ title: 'Headset draft', body: 'Soon.', language: 'EN' }, false);
    expect((await contact.errorOf(VOTE, { id: draft, helpful: true })).extensions?.code).toBe('NOT_FOUND');
    expect((await contact.errorOf(DEFLECT, { id: draft })).extensions?.code).toBe('NOT_FOUND');
    expect((await contact.errorOf(READ, { id: draft })).extensions?.code).toBe('NOT_FOUND');
    expect(await stats(draft)).toEqual({ views: 0, helpfulVotes: 0, notHelpfulVotes: 0, deflections: 0 });
  });

  it('lists contacts’ searches that found nothing, most frequent first, for technicians only', async () => {
    await portico.jobs.drain();
    await found(contact, 'Teleporter');
    await found(contact, 'teleporter ');
    await found(contact, 'quantum fax');
    await found(contact, 'headset'); // found something: not listed
    await found(admin, 'xylophone'); // technicians' searches are not kept
    const { kbUnansweredSearches } = await admin.ok(UNANSWERED);
    // Earlier tests' misses come after these: fewer (teleporter) or older (quantum fax).
    expect(kbUnansweredSearches.slice(0, 2)).toEqual([
      { query: 'teleporter', language: 'EN', count: 2 },
      { query: 'quantum fax', language: 'EN', count: 1 },
    ]);
    const queries = kbUnansweredSearches.map((search: { query: string }) => search.query);
    expect(queries).not.toContain('headset');
    expect(queries).not.toContain('xylophone');
    expect((await contact.errorOf(UNANSWERED)).extensions?.code).toBe('FORBIDDEN');
  });

  it('answers in the language asked for when the caller may read that translation, else with the article asked for', async () => {
    const en = await create({ title: 'Wi-Fi password', body: 'Ask reception.', language: 'EN' });
    const de = await create({ title: 'WLAN-Passwort', body: 'Fragen Sie am Empfang.', language: 'DE', translationOfId: en });
    const fr = await create({ title: 'Mot de passe Wi-Fi', body: 'Demandez à l’accueil.', language: 'FR', translationOfId: en }, false);
    expect((await contact.ok(READ, { id: en, language: 'DE' })).kbArticle).toMatchObject({ id: de, language: 'DE' });
    expect((await contact.ok(READ, { id: de, language: 'EN' })).kbArticle).toMatchObject({ id: en, language: 'EN' });
    expect((await contact.ok(READ, { id: de, language: 'IT' })).kbArticle).toMatchObject({ id: de }); // none in Italian
    expect((await contact.ok(READ, { id: en, language: 'FR' })).kbArticle).toMatchObject({ id: en }); // the French one is a draft
    expect((await admin.ok(READ, { id: en, language: 'FR' })).kbArticle).toMatchObject({ id: fr });
    expect((await admin.errorOf(CREATE_ARTICLE, { input: { title: 'Noch eins', body: 'x', language: 'DE', translationOfId: en } })).extensions).toMatchObject({ code: 'CONFLICT', field: 'language' });
  });

  it('lists a category’s articles within the caller’s scope, and keeps categories one level deep (translated refusal)', async () => {
    const { createKbCategory: parent } = await admin.ok(CATEGORY, { input: { name: 'Hardware' } });
    const { createKbCategory: child } = await admin.ok(CATEGORY, { input: { name: 'Printers', parentId: parent.id } });
    const refusal = await admin.errorOf(CATEGORY, { input: { name: 'Laser', parentId: child.id } });
    expect(refusal.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId' });
    expect(refusal.message).toBe('Categories nest one level: choose a category that is not itself inside another.');
    await admin.ok(PREFERENCES, { input: { language: 'DE' } });
    try {
      expect((await admin.errorOf(CATEGORY, { input: { name: 'Laser', parentId: child.id } })).message).toMatch(/^Kategorien sind nur eine Ebene tief/);
    } finally {
      await admin.ok(PREFERENCES, { input: { language: 'EN' } });
    }

    const visible = await create({ title: 'Toner', body: 'Shake it.', language: 'EN', categoryId: child.id });
    const hidden = [
      await create({ title: 'Toner draft', body: 'x', language: 'EN', categoryId: child.id }, false),
      await create({ title: 'Toner stock', body: 'x', language: 'EN', categoryId: child.id, audience: 'INTERNAL' }),
      await create({ title: 'Curlew toner', body: 'x', language: 'EN', categoryId: child.id, customerIds: [otherCustomerId] }),
    ];
    const ids = async (client: GraphQLTestClient) => (await client.ok(IN_CATEGORY, { c: child.id })).kbArticles.map((a: { id: string }) => a.id);
    expect(await ids(contact)).toEqual([visible]);
    expect((await ids(admin)).sort()).toEqual([visible, ...hidden].sort());

    // A shelf holding only what the contact may not read is not shown to it, nor is its name;
    // a parent stays when a sub-category holds something readable.
    const { createKbCategory: curlewOnly } = await admin.ok(CATEGORY, { input: { name: 'Curlew plant floor' } });
    await create({ title: 'Curlew floor printers', body: 'x', language: 'EN', categoryId: curlewOnly.id, customerIds: [otherCustomerId] });
    const names = async (client: GraphQLTestClient) => (await client.ok('{ kbCategories { name } }')).kbCategories.map((c: { name: string }) => c.name);
    expect(await names(contact)).toEqual(['Hardware', 'Printers']);
    expect((await names(admin)).sort()).toEqual(['Curlew plant floor', 'Hardware', 'Printers']);
  });

  it('answers FORBIDDEN on every path to a contact whose customer the section is not open to', async () => {
    const article = await create({ title: 'Badge reader', body: 'Hold the badge still.', language: 'EN' });
    const setScope = async (mode: string, customerIds?: string[]) => {
      const { portalSettings } = await admin.ok('{ portalSettings { ... on PortalSettings { version } } }');
      await admin.ok('mutation($input: UpdatePortalSettingsInput!) { updatePortalSettings(input: $input) { version } }', {
        input: { version: portalSettings.version, sectionScopes: [{ section: 'KNOWLEDGE_BASE', mode, customerIds }] },
      });
    };
    const probes: Array<[string, Record<string, unknown>]> = [
      ['{ kbCategories { id } }', {}],
      [IN_CATEGORY, { c: null }],
      [READ, { id: article }],
      [SEARCH, { q: 'badge' }],
      ['query($t: String!) { kbSuggestions(text: $t) { article { id } } }', { t: 'badge' }],
      [VOTE, { id: article, helpful: true }],
      [DEFLECT, { id: article }],
    ];
    await setScope('SELECTED_CUSTOMERS', [otherCustomerId]);
    try {
      for (const [query, variables] of probes) expect((await contact.errorOf(query, variables)).extensions?.code, query).toBe('FORBIDDEN');
      expect((await admin.ok(READ, { id: article })).kbArticle.id).toBe(article); // technicians are not gated
    } finally {
      await setScope('ALL_CUSTOMERS');
    }
    for (const [query, variables] of probes) expect((await contact.request(query, variables)).errors, query).toBeUndefined();
  });

  it('suggests for a ticket only what the ticket’s contact may read', async () => {
    const open = await create({ title: 'Monitor flickers', body: 'Replace the monitor cable.', language: 'EN' });
    const hidden = [
      await create({ title: 'Monitor flickers (draft)', body: 'Replace the monitor cable.', language: 'EN' }, false),
      await create({ title: 'Monitor flickers (internal)', body: 'Replace the monitor cable.', language: 'EN', audience: 'INTERNAL' }),
      await create({ title: 'Monitor flickers at Curlew', body: 'Replace the monitor cable.', language: 'EN', customerIds: [otherCustomerId] }),
    ];
    await portico.jobs.drain();
    const { openTicket } = await contact.ok('mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }', { input: { title: 'My monitor flickers', description: 'Since this morning.' } });
    const suggested = (await admin.ok(FOR_TICKET, { t: openTicket.id })).kbSuggestionsForTicket.map((hit: { article: { id: string } }) => hit.article.id);
    expect(suggested).toContain(open);
    for (const id of hidden) expect(suggested).not.toContain(id);
    // The technician's own search does find them: the filter above is the ticket contact's scope.
    const staff = await found(admin, 'monitor flickers');
    for (const id of hidden) expect(staff).toContain(id);
  });
});

// The search reads only what the `kb-index` job wrote: a save queues the job in its own transaction
// and answers without indexing; the job makes the article findable.
describe('knowledge base indexing', () => {
  let portico: TestPortico;
  afterAll(async () => {
    await portico?.stop();
  });

  it('finds a saved article only once its kb-index job ran', async () => {
    portico = await startTestPortico();
    const admin = await portico.admin();
    await portico.jobs.stop(); // no worker: the queued job waits for us
    const { createKbArticle } = await admin.ok<{ createKbArticle: { id: string } }>(CREATE_ARTICLE, { input: { title: 'Docking station', body: 'Update the dock firmware.', language: 'EN' } });
    const id = createKbArticle.id;
    expect(await found(admin, 'docking')).toEqual([]);
    const connection = portico.orm.em.fork().getConnection();
    const [queued] = await connection.execute<Array<{ count: string }>>('select count(*) from graphile_worker.jobs where task_identifier = ? and key = ?', ['kb-index', `kb-index:${id}`]);
    expect(queued.count).toBe('1');

    await kbIndexJob(portico.orm)({ articleId: id }, {} as JobHelpers);
    expect(await found(admin, 'docking')).toEqual([id]);
    expect(await found(admin, 'dokcing')).toEqual([id]); // its words joined the lexicon

    async function found(client: GraphQLTestClient, q: string) {
      return (await client.ok<{ kbSearch: Array<{ article: { id: string } }> }>(SEARCH, { q })).kbSearch.map((hit) => hit.article.id);
    }
  });
});
