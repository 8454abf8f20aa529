import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLTestClient } from '../server/src/test/graphql-client.js';
import { ADMIN_PASSWORD, ADMIN_USERNAME, startTestPortico, type TestPortico } from '../server/src/test/harness.js';
import { signInToConsole, uniqueSuffix } from './admin-helpers.js';
import { launchBrowser, newContext, screenshot } from './browser.js';
import { createCustomerWithContact } from './fixtures.js';
import { sessionSubscriptionSent, signInThroughPortal, submitSignIn } from './portal-helpers.js';

const CREATE_TECHNICIAN = 'mutation($input: CreateTechnicianInput!) { createTechnician(input: $input) { username password technician { id name } } }';

// A contact has the portal open; a technician deactivates it in the console; the portal page signs
// out at once; the admin finds the change in the audit log with its filters.
describe('deactivation and the audit log (browser)', { timeout: 90_000 }, () => {
  let portico: TestPortico;
  let browser: Browser;
  let admin: GraphQLTestClient;
  const contexts: BrowserContext[] = [];

  async function trackedConsole(username: string, password: string, path?: string): Promise<Page> {
    const page = await signInToConsole(browser, portico.url, username, password, { path });
    contexts.push(page.context());
    return page;
  }

  beforeAll(async () => {
    portico = await startTestPortico();
    browser = await launchBrowser();
    admin = await portico.admin();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await portico?.stop();
  });

  it('signs the open portal page out at once when a technician deactivates the contact, and the audit log shows who did it', async () => {
    const suffix = uniqueSuffix();
    const { username, password, contactId } = await createCustomerWithContact(admin, { contactName: `Erika Brandt ${suffix}`, language: 'EN' });
    const contactName = `Erika Brandt ${suffix}`;
    const { createTechnician } = await admin.ok<{ createTechnician: { username: string; password: string; technician: { id: string; name: string } } }>(CREATE_TECHNICIAN, {
      input: { name: `Tom Tech ${suffix}`, email: `tom.${suffix}@msp.example`, username: `tom.${suffix}`, role: 'TECHNICIAN', language: 'EN' },
    });

    // The contact has the portal open.
    const portalContext = await newContext(browser);
    contexts.push(portalContext);
    const portal = await portalContext.newPage();
    const subscribed = sessionSubscriptionSent(portal);
    await signInThroughPortal(portal, portico.url, username, password);
    await subscribed;
    await portal.waitForTimeout(300); // the server sets the subscription up after receiving it

    // A technician (not an admin) deactivates the contact on its page, after confirming.
    const consolePage = await trackedConsole(createTechnician.username, createTechnician.password, `/contacts/${contactId}`);
    expect(await consolePage.getByTestId('nav-audit').count()).toBe(0);
    await consolePage.getByTestId('contact-title').waitFor();
    expect(await consolePage.getByTestId('contact-deactivated').count()).toBe(0);
    await consolePage.getByTestId('deactivate-button').click();
    expect(await consolePage.getByTestId('deactivate-confirm').textContent()).toContain(`Deactivate ${contactName}?`);
    const deactivatedAt = Date.now();
    await consolePage.getByTestId('deactivate-confirm-button').click();
    await consolePage.getByTestId('contact-deactivated').waitFor();
    expect(await consolePage.getByTestId('contact-deactivated').textContent()).toBe('Deactivated');
    expect(await consolePage.getByTestId('activation-done').textContent()).toBe('Deactivated. Every session ended at once.');
    expect(await consolePage.getByTestId('reactivate-button').isVisible()).toBe(true);
    await screenshot(consolePage, 'deactivation-console-contact');

    // The open portal page drops to the sign-in page with the session-ended notice, without a reload.
    await portal.getByTestId('signin-notice').waitFor({ timeout: 5_000 });
    expect(Date.now() - deactivatedAt).toBeLessThan(5_000);
    expect(new URL(portal.url()).pathname).toBe('/signin');
    expect(await portal.getByTestId('signin-notice').getAttribute('data-notice')).toBe('sessionEnded');
    expect(await portal.getByTestId('home-greeting').count()).toBe(0);
    await screenshot(portal, 'deactivation-portal-signed-out');
    // Signing in again answers like a wrong password.
    await submitSignIn(portal, username, password);
    await portal.getByTestId('signin-error').waitFor();
    expect(await portal.getByTestId('signin-error').textContent()).toBe('Wrong username or password.');
    await screenshot(portal, 'deactivation-portal-signin-refused');

    // The lists mark it, and filter by it.
    await consolePage.goto(`${portico.url}/admin/contacts`);
    await consolePage.getByTestId('contact-activation').selectOption('DEACTIVATED');
    await consolePage.getByTestId('contact-search').fill(contactName);
    const row = consolePage.getByTestId('contact-row').filter({ hasText: contactName });
    await row.waitFor();
    expect(await row.getByTestId('contact-row-deactivated').textContent()).toBe('Deactivated');
    await consolePage.getByTestId('contact-activation').selectOption('ACTIVE');
    await consolePage.getByTestId('contact-empty').waitFor();
    await consolePage.getByTestId('contact-activation').selectOption('DEACTIVATED');
    await row.waitFor();
    await screenshot(consolePage, 'deactivation-contact-list');

    // The admin opens the audit log, narrows it to contact deactivations and to the contact, and sees the change.
    const adminPage = await trackedConsole(ADMIN_USERNAME, ADMIN_PASSWORD);
    // Noise that the filters must remove: another customer's deactivation and a reactivation by the admin.
    await admin.ok('mutation($id: ID!) { deactivateCustomer(id: $id) { id } }', { id: (await createCustomerWithContact(admin)).customer.id });
    await adminPage.getByTestId('nav-audit').click();
    await adminPage.getByTestId('audit-table').waitFor();
    await adminPage.locator('[data-testid="audit-row"][data-action="customer.deactivated"]').first().waitFor();
    await adminPage.getByTestId('audit-action').selectOption('contact.deactivated');
    await adminPage.waitForFunction(() => [...document.querySelectorAll('[data-testid="audit-row"]')].every((r) => r.getAttribute('data-action') === 'contact.deactivated'));
    const event = adminPage.getByTestId('audit-row').filter({ hasText: contactName });
    await event.waitFor();
    await event.getByTestId('audit-row-subject').click();
    await adminPage.getByTestId('audit-person').waitFor();
    expect(await adminPage.getByTestId('audit-person-name').textContent()).toBe(`By or about ${contactName}`);
    expect(new URL(adminPage.url()).searchParams.get('person')).toBe(contactId);
    const today = new Date();
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    await adminPage.getByTestId('audit-from').fill(day);
    await adminPage.getByTestId('audit-to').fill(day);
    await adminPage.waitForFunction(() => new URL(location.href).searchParams.get('to') !== null);
    await adminPage.waitForFunction(() => document.querySelectorAll('[data-testid="audit-row"]').length === 1);
    const only = adminPage.getByTestId('audit-row');
    expect(await only.getByTestId('audit-row-what').textContent()).toBe('Contact deactivated');
    expect(await only.getByTestId('audit-row-actor').textContent()).toBe(createTechnician.technician.name);
    expect(await only.getByTestId('audit-row-who').textContent()).toContain('Technician');
    expect(await only.getByTestId('audit-row-about').textContent()).toContain(contactName);
    expect(await only.getByTestId('audit-row-ip').textContent()).toMatch(/127\.0\.0\.1/);
    expect(await only.getByTestId('audit-row-details').textContent()).toContain(`Username: ${username}`);
    expect(await adminPage.getByTestId('audit-pager-total').textContent()).toContain('1 in total');
    await screenshot(adminPage, 'audit-log-filtered');

    // Another day has none of it; clearing the person and kind shows the customer's deactivation again.
    const tomorrow = new Date(today.getTime() + 86_400_000);
    const nextDay = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
    await adminPage.getByTestId('audit-to').fill(nextDay);
    await adminPage.getByTestId('audit-from').fill(nextDay);
    await adminPage.getByTestId('audit-empty').waitFor();
    await adminPage.getByTestId('audit-from').fill('');
    await adminPage.getByTestId('audit-person-clear').click();
    await adminPage.getByTestId('audit-action').selectOption('');
    await adminPage.locator('[data-testid="audit-row"][data-action="customer.deactivated"]').first().waitFor();
    expect(await adminPage.getByTestId('audit-person-none').isVisible()).toBe(true);

    // The contact's page links to its audit log (admins only), and reactivation lets it in with the same password.
    await adminPage.goto(`${portico.url}/admin/contacts/${contactId}`);
    await adminPage.getByTestId('contact-audit-link').click();
    await adminPage.getByTestId('audit-person').waitFor();
    expect(new URL(adminPage.url()).searchParams.get('person')).toBe(contactId);
    await adminPage.locator('[data-testid="audit-row"][data-action="contact.deactivated"]').waitFor();
    await consolePage.goto(`${portico.url}/admin/contacts/${contactId}`);
    await consolePage.getByTestId('reactivate-button').click();
    await consolePage.getByTestId('deactivate-button').waitFor();
    expect(await consolePage.getByTestId('contact-deactivated').count()).toBe(0);
    await submitSignIn(portal, username, password);
    await portal.getByTestId('home-greeting').waitFor();
  });

  it('deactivates a customer from its page, marks it in the list, and keeps an admin from deactivating itself', async () => {
    const suffix = uniqueSuffix();
    const { customer, username, password } = await createCustomerWithContact(admin, { customerName: `Hansen Logistik ${suffix}`, language: 'EN' });
    const page = await trackedConsole(ADMIN_USERNAME, ADMIN_PASSWORD, `/customers/${customer.id}`);
    await page.getByTestId('customer-title').waitFor();
    await page.getByTestId('deactivate-button').click();
    expect(await page.getByTestId('deactivate-confirm').textContent()).toContain('All its contacts are signed out at once');
    // Cancelling changes nothing.
    await page.getByTestId('deactivate-cancel').click();
    expect(await page.getByTestId('customer-deactivated').count()).toBe(0);
    await page.getByTestId('deactivate-button').click();
    await page.getByTestId('deactivate-confirm-button').click();
    await page.getByTestId('customer-deactivated').waitFor();
    await screenshot(page, 'deactivation-console-customer');
    expect((await portico.anonymous().request('mutation($input: SignInInput!) { signIn(input: $input) { token } }', { input: { username, password } })).errors?.[0]?.message).toBe('Wrong username or password.');

    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customer-activation').selectOption('DEACTIVATED');
    await page.getByTestId('customer-search').fill(customer.name);
    const row = page.getByTestId('customer-row').filter({ hasText: customer.name });
    await row.waitFor();
    expect(await row.getByTestId('customer-row-deactivated').textContent()).toBe('Deactivated');
    await screenshot(page, 'deactivation-customer-list');

    // One's own technician page offers no deactivation.
    await page.getByTestId('nav-technicians').click();
    await page.getByTestId('technician-search').fill(ADMIN_USERNAME);
    await page.getByTestId('technician-row').filter({ hasText: ADMIN_USERNAME }).getByTestId('technician-row-name').click();
    await page.getByTestId('activation-blocked').waitFor();
    expect(await page.getByTestId('activation-blocked').textContent()).toBe('You cannot deactivate your own account. Another administrator can.');
    expect(await page.getByTestId('deactivate-button').count()).toBe(0);
    await screenshot(page, 'deactivation-own-technician');
  });
});
