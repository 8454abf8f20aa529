import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { de } from '../admin-client/src/i18n/de.js';
import { en } from '../admin-client/src/i18n/en.js';
import { es } from '../admin-client/src/i18n/es.js';
import { fr } from '../admin-client/src/i18n/fr.js';
import { it as italian } from '../admin-client/src/i18n/it.js';
import { ADMIN_PASSWORD, ADMIN_USERNAME, startTestPortico, type TestPortico } from '../server/src/test/harness.js';
import { GraphQLTestClient } from '../server/src/test/graphql-client.js';
import { signInToConsole, submitSignIn, translationKeysUsed, uniqueSuffix } from './admin-helpers.js';
import { launchBrowser, newContext, screenshot } from './browser.js';
import { sharedMessageKeys } from './catalogs.js';
import { createCustomerWithContact } from './fixtures.js';

const CREATE_CUSTOMER = 'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id name } }';
const CREATE_TECHNICIAN = 'mutation($input: CreateTechnicianInput!) { createTechnician(input: $input) { username password technician { id } } }';
const SIGN_IN = 'mutation($input: SignInInput!) { signIn(input: $input) { token } }';
const ME = '{ me { __typename ... on Technician { username language } ... on Contact { username } } }';

describe('admin console', () => {
  let portico: TestPortico;
  let browser: Browser;
  let admin: GraphQLTestClient;
  const pages: Page[] = [];

  beforeAll(async () => {
    portico = await startTestPortico();
    browser = await launchBrowser();
    admin = await portico.admin();
  });

  // Each page holds a WebSocket (sessionEnded); close them so the server does not keep them all.
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.context().close();
  });

  afterAll(async () => {
    await browser?.close();
    await portico?.stop();
  });

  async function signInAsAdmin(path?: string): Promise<Page> {
    const page = await signInToConsole(browser, portico.url, ADMIN_USERNAME, ADMIN_PASSWORD, { path });
    pages.push(page);
    return page;
  }

  async function createTechnicianViaApi(role: 'ADMIN' | 'TECHNICIAN', language: string | null = null) {
    const suffix = uniqueSuffix();
    const { createTechnician } = await admin.ok<{ createTechnician: { username: string; password: string; technician: { id: string } } }>(CREATE_TECHNICIAN, {
      input: { name: `Tech ${suffix}`, email: `tech.${suffix}@msp.example`, username: `tech.${suffix}`, role, language },
    });
    return createTechnician;
  }

  it('lets an admin sign in and create a customer with two domains', async () => {
    const page = await signInAsAdmin();
    expect(await page.getByTestId('nav-technicians').count()).toBe(1);

    const name = `Acme Widgets ${uniqueSuffix()}`;
    await page.getByTestId('new-customer-button').click();
    await page.getByTestId('customer-form-name').fill(name);
    await page.getByTestId('customer-form-domains').fill('acme-widgets.example, Acme-Widgets.CH');
    await page.getByTestId('customer-form-submit').click();

    await page.getByTestId('customer-created').waitFor();
    const row = page.getByTestId('customer-row').filter({ hasText: name });
    await row.waitFor();
    expect(await row.getByTestId('customer-row-domains').innerText()).toMatch(/acme-widgets\.ch[\s\S]*acme-widgets\.example|acme-widgets\.example[\s\S]*acme-widgets\.ch/);
    expect(await page.getByTestId('customer-pager-total').innerText()).toMatch(/\d+ in total/);

    // The API agrees: the customer exists with both domains, lower-cased.
    const { customers } = await admin.ok<{ customers: { edges: Array<{ node: { name: string; domains: string[] } }> } }>(
      'query($search: String) { customers(search: $search) { edges { node { name domains } } } }',
      { search: name },
    );
    expect(customers.edges.map((edge) => edge.node)).toEqual([{ name, domains: ['acme-widgets.ch', 'acme-widgets.example'] }]);
    await screenshot(page, 'admin-customers');
  });

  it('creates a contact on the customer page and shows working credentials once', async () => {
    const suffix = uniqueSuffix();
    const { createCustomer } = await admin.ok<{ createCustomer: { id: string } }>(CREATE_CUSTOMER, { input: { name: `Contoso ${suffix}`, domains: [`contoso${suffix}.example`] } });
    const page = await signInAsAdmin(`/customers/${createCustomer.id}`);
    await page.getByTestId('customer-title').filter({ hasText: `Contoso ${suffix}` }).waitFor();

    await page.getByTestId('new-contact-button').click();
    await page.getByTestId('contact-form-name').fill('Pat Example');
    await page.getByTestId('contact-form-email').fill(`pat@contoso${suffix}.example`);
    await page.getByTestId('contact-form-primary').check();
    await page.getByTestId('contact-form-submit').click();

    const panel = page.getByTestId('credentials-panel');
    await panel.waitFor();
    const username = (await panel.getByTestId('credentials-username').innerText()).trim();
    const password = (await panel.getByTestId('credentials-password').innerText()).trim();
    expect(username.length).toBeGreaterThan(2);
    expect(password.length).toBeGreaterThanOrEqual(10);
    expect(await panel.getByTestId('credentials-warning').innerText()).toMatch(/only this once/);

    const contactRow = page.getByTestId('contact-row').filter({ hasText: 'Pat Example' });
    await contactRow.waitFor();
    expect(await contactRow.getByTestId('contact-row-primary').count()).toBe(1);

    const contact = await GraphQLTestClient.signIn(portico.url, username, password);
    const { me } = await contact.ok<{ me: { __typename: string; username: string } }>(ME);
    expect(me).toEqual({ __typename: 'Contact', username });
    await screenshot(page, 'admin-contact-credentials');
  });

  it('shows the server error beside the name when the customer name is taken, and adds nothing', async () => {
    const name = `Globex ${uniqueSuffix()}`;
    await admin.ok(CREATE_CUSTOMER, { input: { name, domains: [] } });
    const page = await signInAsAdmin();
    await page.getByTestId('customer-search').fill(name);
    await expect.poll(() => page.getByTestId('customer-row').count()).toBe(1);

    await page.getByTestId('new-customer-button').click();
    await page.getByTestId('customer-form-name').fill(name.toUpperCase());
    await page.getByTestId('customer-form-domains').fill(`globex-${uniqueSuffix()}.example`);
    await page.getByTestId('customer-form-submit').click();

    const error = page.getByTestId('customer-form-name-field-error');
    await error.waitFor();
    expect(await error.innerText()).toBe('A customer with this name already exists.');
    // The form stays open with what was typed, and the list still holds just the one customer.
    expect(await page.getByTestId('customer-form-name').inputValue()).toBe(name.toUpperCase());
    expect(await page.getByTestId('customer-row').count()).toBe(1);
    const { customers } = await admin.ok<{ customers: { totalCount: number } }>('query($search: String) { customers(search: $search) { totalCount } }', { search: name });
    expect(customers.totalCount).toBe(1);
    await screenshot(page, 'admin-customer-error');
  });

  it('narrows the customer list as one types in the search box', async () => {
    const tag = uniqueSuffix();
    for (const name of [`Searchable Alpha ${tag}`, `Searchable Alphabet ${tag}`, `Searchable Beta ${tag}`]) {
      await admin.ok(CREATE_CUSTOMER, { input: { name, domains: [] } });
    }
    const page = await signInAsAdmin();
    const rows = page.getByTestId('customer-row-name');

    await page.getByTestId('customer-search').fill(`${tag}`);
    await expect.poll(() => rows.allInnerTexts()).toEqual([`Searchable Alpha ${tag}`, `Searchable Alphabet ${tag}`, `Searchable Beta ${tag}`]);
    await page.getByTestId('customer-search').fill(`Searchable Alpha`);
    await expect.poll(async () => (await rows.allInnerTexts()).filter((text) => text.endsWith(tag))).toEqual([`Searchable Alpha ${tag}`, `Searchable Alphabet ${tag}`]);
    await page.getByTestId('customer-search').fill(`Beta ${tag}`);
    await expect.poll(() => rows.allInnerTexts()).toEqual([`Searchable Beta ${tag}`]);
    await page.getByTestId('customer-search').fill(`nothing-like-this-${tag}`);
    await page.getByTestId('customer-empty').waitFor();
    expect(await rows.count()).toBe(0);
  });

  it('pages through customers with Next and Previous', async () => {
    const tag = uniqueSuffix();
    const names = Array.from({ length: 23 }, (_, index) => `Paged ${tag} ${String(index).padStart(2, '0')}`);
    for (const name of names) await admin.ok(CREATE_CUSTOMER, { input: { name, domains: [] } });
    const page = await signInAsAdmin();
    const rows = page.getByTestId('customer-row-name');
    await page.getByTestId('customer-search').fill(`Paged ${tag}`);
    await expect.poll(() => rows.allInnerTexts()).toEqual(names.slice(0, 20));
    expect(await page.getByTestId('customer-pager-total').innerText()).toMatch(/^23 in total/);

    await page.getByTestId('customer-pager-next').click();
    await expect.poll(() => rows.allInnerTexts()).toEqual(names.slice(20));
    expect(await page.getByTestId('customer-pager-next').isDisabled()).toBe(true);
    await page.getByTestId('customer-pager-previous').click();
    await expect.poll(() => rows.allInnerTexts()).toEqual(names.slice(0, 20));
    expect(await page.getByTestId('customer-pager-previous').isDisabled()).toBe(true);
  });

  it('re-issues a contact’s credentials: the new password works, the old one does not', async () => {
    const { contactId, username, password: oldPassword } = await createCustomerWithContact(admin);
    const page = await signInAsAdmin(`/contacts/${contactId}`);
    await page.getByTestId('contact-username').filter({ hasText: username }).waitFor();

    await page.getByTestId('reissue-button').click();
    await page.getByTestId('reissue-confirm').waitFor();
    await page.getByTestId('reissue-confirm-button').click();
    const panel = page.getByTestId('credentials-panel');
    await panel.waitFor();
    expect((await panel.getByTestId('credentials-username').innerText()).trim()).toBe(username);
    const newPassword = (await panel.getByTestId('credentials-password').innerText()).trim();
    expect(newPassword).not.toBe(oldPassword);
    expect(await panel.getByTestId('credentials-note').innerText()).toMatch(/sessions have been ended/);

    await GraphQLTestClient.signIn(portico.url, username, newPassword);
    const refused = await portico.anonymous().request(SIGN_IN, { input: { username, password: oldPassword } });
    expect(refused.data?.signIn ?? null).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('edits a contact and reports the server’s field errors', async () => {
    const { contactId } = await createCustomerWithContact(admin, { contactName: 'Robin Before' });
    const page = await signInAsAdmin(`/contacts/${contactId}`);
    await page.getByTestId('contact-title').filter({ hasText: 'Robin Before' }).waitFor();

    await page.getByTestId('contact-edit-phone').fill('not a phone');
    await page.getByTestId('contact-edit-submit').click();
    await page.getByTestId('contact-edit-phone-field-error').waitFor();

    await page.getByTestId('contact-edit-name').fill('Robin After');
    await page.getByTestId('contact-edit-phone').fill('+41 44 123 45 67');
    await page.getByTestId('contact-edit-language').selectOption('IT');
    await page.getByTestId('contact-edit-submit').click();
    await page.getByTestId('contact-edit-saved').waitFor();
    const { contact } = await admin.ok<{ contact: { name: string; language: string; phone: string } }>('query($id: ID!) { contact(id: $id) { name language phone } }', { id: contactId });
    expect(contact).toMatchObject({ name: 'Robin After', language: 'IT' });
    expect(contact.phone.replace(/\s/g, '')).toBe('+41441234567');
  });

  it('lets an admin create a technician, who sees no technician management', async () => {
    const suffix = uniqueSuffix();
    const page = await signInAsAdmin();
    await page.getByTestId('nav-technicians').click();
    await page.getByTestId('new-technician-button').click();
    await page.getByTestId('technician-form-name').fill(`Sam Support ${suffix}`);
    await page.getByTestId('technician-form-email').fill(`sam.${suffix}@msp.example`);
    await page.getByTestId('technician-form-username').fill(`sam.${suffix}`);
    expect(await page.getByTestId('technician-form-role').inputValue()).toBe('TECHNICIAN');
    await page.getByTestId('technician-form-submit').click();

    const panel = page.getByTestId('credentials-panel');
    await panel.waitFor();
    expect((await panel.getByTestId('credentials-username').innerText()).trim()).toBe(`sam.${suffix}`);
    const password = (await panel.getByTestId('credentials-password').innerText()).trim();
    await page.getByTestId('technician-row').filter({ hasText: `sam.${suffix}` }).waitFor();

    const technicianPage = await signInToConsole(browser, portico.url, `sam.${suffix}`, password);
    pages.push(technicianPage);
    expect(await technicianPage.getByTestId('viewer-name').innerText()).toBe(`Sam Support ${suffix}`);
    expect(await technicianPage.getByTestId('nav-technicians').count()).toBe(0);
    await technicianPage.goto(`${portico.url}/admin/technicians`);
    const forbidden = technicianPage.getByTestId('forbidden');
    await forbidden.waitFor();
    expect(await forbidden.innerText()).toMatch(/Only administrators/);
    expect(await technicianPage.getByTestId('technician-table').count()).toBe(0);
    await screenshot(technicianPage, 'admin-technician-forbidden');
  });

  it('shows the server’s refusal to demote the last admin', async () => {
    const { me } = await admin.ok<{ me: { id: string } }>('{ me { ... on Technician { id } } }');
    const page = await signInAsAdmin(`/technicians/${me.id}`);
    // Other tests may have created admins; demote them through the API first so this one is the last.
    const { technicians } = await admin.ok<{ technicians: { edges: Array<{ node: { id: string; role: string } }> } }>('{ technicians(first: 100) { edges { node { id role } } } }');
    for (const { node } of technicians.edges) {
      if (node.role === 'ADMIN' && node.id !== me.id) await admin.ok('mutation($input: UpdateTechnicianInput!) { updateTechnician(input: $input) { id } }', { input: { id: node.id, role: 'TECHNICIAN' } });
    }
    // One's own credentials are changed on the account page, not re-issued (that would end this session).
    await page.getByTestId('reissue-own').waitFor();
    expect(await page.getByTestId('reissue-button').count()).toBe(0);
    await page.getByTestId('technician-edit-role').selectOption('TECHNICIAN');
    await page.getByTestId('technician-edit-submit').click();
    const error = page.getByTestId('technician-edit-role-field-error');
    await error.waitFor();
    expect(await error.innerText()).toBe('At least one administrator must remain.');
  });

  it('re-issues a technician’s credentials from the technician page', async () => {
    const technician = await createTechnicianViaApi('TECHNICIAN');
    const page = await signInAsAdmin(`/technicians/${technician.technician.id}`);
    await page.getByTestId('technician-username').filter({ hasText: technician.username }).waitFor();
    await page.getByTestId('reissue-button').click();
    await page.getByTestId('reissue-confirm-button').click();
    const password = (await page.getByTestId('credentials-password').innerText()).trim();
    expect(password).not.toBe(technician.password);
    await GraphQLTestClient.signIn(portico.url, technician.username, password);
    const refused = await portico.anonymous().request(SIGN_IN, { input: { username: technician.username, password: technician.password } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('shows a not-found view for an unknown id', async () => {
    const page = await signInAsAdmin('/customers/00000000-0000-4000-8000-000000000000');
    await page.getByTestId('not-found').waitFor();
    await page.goto(`${portico.url}/admin/contacts/not-an-id`);
    await page.getByTestId('not-found').waitFor();
    expect(await page.getByTestId('not-found').innerText()).toMatch(/Not found/);
  });

  it('turns contacts away with a pointer to the portal, and signs them out', async () => {
    const { username, password } = await createCustomerWithContact(admin);
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${portico.url}/admin/`);
    await submitSignIn(page, username, password);
    const notice = page.getByTestId('signin-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toContain(`portal at ${portico.url}/`);
    await screenshot(page, 'admin-signin-contact');
    await page.reload();
    await page.getByTestId('signin-form').waitFor();
    expect(await page.getByTestId('signin-notice').count()).toBe(0);
    await context.close();
  });

  it('translates sign-in errors into the language picked on the sign-in page', async () => {
    const context = await newContext(browser, { locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto(`${portico.url}/admin/`);
    expect(await page.getByTestId('signin-language').inputValue()).toBe('FR');
    await page.getByTestId('signin-language').selectOption('DE');
    expect(await page.getByTestId('signin-submit').innerText()).toBe('Anmelden');
    await submitSignIn(page, ADMIN_USERNAME, 'wrong-password-here');
    const error = page.getByTestId('signin-error');
    await error.waitFor();
    expect(await error.innerText()).toBe('Benutzername oder Passwort ist falsch.');
    await context.close();
  });

  it('drops to the sign-in page with a notice when the session is ended elsewhere', async () => {
    const technician = await createTechnicianViaApi('TECHNICIAN', 'EN');
    const page = await signInToConsole(browser, portico.url, technician.username, technician.password);
    pages.push(page);
    await admin.ok('mutation($id: ID!) { reissueTechnicianCredentials(id: $id) { username } }', { id: technician.technician.id });
    const notice = page.getByTestId('signin-notice');
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.innerText()).toBe('Your session has ended. Please sign in again.');
    expect(await page.getByTestId('nav-customers').count()).toBe(0);
  });

  it('changes the own password and signs out on all devices', async () => {
    const technician = await createTechnicianViaApi('TECHNICIAN', 'EN');
    const page = await signInToConsole(browser, portico.url, technician.username, technician.password, { path: '/account' });
    const otherDevice = await signInToConsole(browser, portico.url, technician.username, technician.password);
    pages.push(page, otherDevice);

    await page.getByTestId('password-current').fill(technician.password);
    await page.getByTestId('password-new').fill('a-brand-new-password');
    await page.getByTestId('password-repeat').fill('a-different-password');
    await page.getByTestId('password-submit').click();
    expect(await page.getByTestId('password-repeat').locator('xpath=..').getByRole('alert').innerText()).toBe('The two new passwords differ.');

    await page.getByTestId('password-repeat').fill('a-brand-new-password');
    await page.getByTestId('password-submit').click();
    await page.getByTestId('password-saved').waitFor();
    await GraphQLTestClient.signIn(portico.url, technician.username, 'a-brand-new-password');
    // The other device's session was ended by the change; its console noticed.
    await otherDevice.getByTestId('signin-notice').waitFor({ timeout: 10_000 });

    await page.getByTestId('account-sign-out-everywhere').click();
    const notice = page.getByTestId('signin-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toBe('You are signed out on all devices.');
    await page.reload();
    await page.getByTestId('signin-form').waitFor();
  });

  it('switches the console to German from the account page at once, and keeps it', async () => {
    const technician = await createTechnicianViaApi('ADMIN', 'EN');
    const page = await signInToConsole(browser, portico.url, technician.username, technician.password);
    pages.push(page);
    expect(await page.getByTestId('nav-customers').innerText()).toBe('Customers');
    await page.getByTestId('nav-account').click();
    await page.getByTestId('account-language').selectOption('DE');
    await page.getByTestId('account-language-saved').waitFor();
    expect(await page.getByTestId('nav-customers').innerText()).toBe('Kunden');
    expect(await page.getByTestId('nav-contacts').innerText()).toBe('Kontakte');
    expect(await page.getByTestId('nav-technicians').innerText()).toBe('Techniker');
    expect(await page.getByTestId('account-language-saved').innerText()).toBe('Sprache gespeichert.');
    await screenshot(page, 'admin-account-de');

    const saved = await GraphQLTestClient.signIn(portico.url, technician.username, technician.password);
    expect((await saved.ok<{ me: { language: string } }>(ME)).me.language).toBe('DE');
    await page.reload();
    await page.getByTestId('nav-customers').filter({ hasText: 'Kunden' }).waitFor();
  });
});

describe('admin console catalogs', () => {
  const sourceDir = join(process.cwd(), 'admin-client', 'src');
  const sources = (function walk(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === 'gql' || name === 'i18n' ? [] : walk(path);
      return /\.(ts|tsx)$/.test(name) ? [path] : [];
    });
  })(sourceDir);
  const used = new Set(sources.flatMap((path) => translationKeysUsed(readFileSync(path, 'utf8'))));

  it('uses only keys the English catalog has, and every key it has', () => {
    const known = Object.keys(en);
    const shared = sharedMessageKeys();
    expect([...used].filter((key) => !known.includes(key) && !shared.includes(key)).sort()).toEqual([]);
    expect(known.filter((key) => !used.has(key)).sort()).toEqual([]);
  });

  it('never calls t with anything but a string literal', () => {
    const computed = sources.flatMap((path) => [...readFileSync(path, 'utf8').matchAll(/\bt\(\s*[^'\s)]/g)].map((match) => `${path}: ${match[0]}`));
    expect(computed).toEqual([]);
  });

  it('has every key, non-empty and with the same placeholders, in all five languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    for (const catalog of [fr, de, es, italian]) {
      expect(Object.keys(catalog).sort()).toEqual(Object.keys(en).sort());
      for (const [key, text] of Object.entries(en)) {
        const translated = catalog[key as keyof typeof en];
        expect(translated.trim(), key).not.toBe('');
        expect(placeholders(translated), key).toEqual(placeholders(text));
      }
    }
  });
});
