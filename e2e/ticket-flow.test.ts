import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, ADMIN_USERNAME, startTestPortico, type TestPortico } from '../server/src/test/harness.js';
import { SmtpTestServer } from '../server/src/test/smtp-test-server.js';
import { signInToConsole } from './admin-helpers.js';
import { launchBrowser, newContext, screenshot } from './browser.js';
import { createCustomerWithContact } from './fixtures.js';
import { signInThroughPortal } from './portal-helpers.js';

/**
 * The whole loop across both apps (issue "Ticketing", done when): a contact opens a ticket in the
 * portal, a technician answers in the console, the contact's open page shows the answer without a
 * reload and the contact gets an email; a field the admin hides disappears from the contact's page.
 */
describe('a ticket from portal to console and back', () => {
  const smtp = new SmtpTestServer();
  let portico: TestPortico;
  let browser: Browser;

  beforeAll(async () => {
    await smtp.start();
    portico = await startTestPortico({ smtpUrl: smtp.url, publicUrl: 'https://support.msp.example' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await portico?.stop();
    await smtp.stop();
  });

  it('contact opens, technician replies in the console, the portal page updates live and an email arrives', async () => {
    const admin = await portico.admin();
    const person = await createCustomerWithContact(admin, { contactName: 'Clara Kunde', language: 'EN' });
    const email = (await admin.ok<{ contact: { email: string } }>('query($id: ID!) { contact(id: $id) { email } }', { id: person.contactId })).contact.email;

    const portal = await (await newContext(browser)).newPage();
    await signInThroughPortal(portal, portico.url, person.username, person.password);
    await portal.goto(`${portico.url}/tickets/new`);
    await portal.getByTestId('ticket-title').fill('Outlook asks for the password again and again');
    await portal.getByTestId('ticket-description').fill('Since the update this morning.');
    await portal.getByTestId('ticket-priority').selectOption('HIGH');
    await portal.getByTestId('ticket-new-submit').click();
    await portal.getByTestId('ticket-detail').waitFor();
    const number = (await portal.getByTestId('ticket-number').textContent())!.replace(/\D/g, '');
    await portal.evaluate(() => ((window as unknown as { __noReload: number }).__noReload = 1));

    const console = await signInToConsole(browser, portico.url, ADMIN_USERNAME, ADMIN_PASSWORD, { path: '/tickets' });
    await console.getByTestId('ticket-row').filter({ hasText: 'Outlook asks for the password' }).first().getByRole('link').first().click();
    await console.getByTestId('ticket-composer-body').fill('Please remove the old account profile; we will call you at 2 pm.');
    await console.getByTestId('ticket-composer-submit').click();
    await console.getByTestId('ticket-composer-sent').waitFor();
    await screenshot(console, 'flow-console-reply');

    await portal.getByText('we will call you at 2 pm').waitFor({ timeout: 10_000 });
    expect(await portal.evaluate(() => (window as unknown as { __noReload?: number }).__noReload)).toBe(1);
    await screenshot(portal, 'flow-portal-live-reply');

    const mail = await smtp.waitFor(email, 15_000, (m) => (m.subject ?? '').startsWith('[#'));
    expect(mail.subject).toBe(`[#${number}] Outlook asks for the password again and again`);
    expect(mail.text).toContain('we will call you at 2 pm');
    expect(mail.text).toContain('https://support.msp.example/tickets/');

    // The admin hides PRIORITY: the contact's next page load no longer shows it.
    expect(await portal.getByTestId('ticket-field-priority').count()).toBe(1);
    await admin.ok('mutation { updateStandardFieldVisibility(input: [{ field: PRIORITY, visibility: HIDDEN }]) { field } }');
    try {
      await portal.reload();
      await portal.getByTestId('ticket-detail').waitFor();
      expect(await portal.getByTestId('ticket-field-priority').count()).toBe(0);
      expect(await portal.content()).not.toContain('High');
    } finally {
      await admin.ok('mutation { updateStandardFieldVisibility(input: [{ field: PRIORITY, visibility: EDITABLE }]) { field } }');
    }
  });
});
