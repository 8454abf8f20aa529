import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLTestClient } from '../server/src/test/graphql-client.js';
import { ADMIN_PASSWORD, ADMIN_USERNAME, startTestPortico, type TestPortico } from '../server/src/test/harness.js';
import { seriousViolations, settled, type Violation } from './accessibility.js';
import { signInToConsole } from './admin-helpers.js';
import { launchBrowser, newContext, PHONE, screenshot } from './browser.js';
import { ASSIGN_DEVICE, createCustomerWithContact, enrollDeviceThroughApi, openSelfService, publishKbArticle, REPORT_DEVICE_FACTS } from './fixtures.js';
import { signInThroughPortal } from './portal-helpers.js';

const INBOUND_SECRET = 'secret';
const OPEN_TICKET = 'mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }';
const ADD_COMMENT = 'mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { id } }';
const CREATE_TECHNICIAN = 'mutation($input: CreateTechnicianInput!) { createTechnician(input: $input) { technician { id } } }';

/** What is focused, and whether a person can see it (an outline or a box shadow). */
async function focusState(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { tag: 'body', id: '', label: '', visible: false };
    const style = getComputedStyle(element);
    const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
    return { tag: element.tagName.toLowerCase(), id: element.id, label: (element.getAttribute('aria-label') ?? element.textContent ?? '').trim(), visible };
  });
}

/** Presses Tab until the focused element's text (or id) matches, at most `limit` times; every stop must show its focus. */
async function tabTo(page: Page, target: RegExp | { id: string }, limit = 80) {
  const visited: string[] = [];
  for (let step = 0; step < limit; step++) {
    await page.keyboard.press('Tab');
    const focused = await focusState(page);
    visited.push(`<${focused.tag}#${focused.id}> ${focused.label.slice(0, 40)}`);
    expect(focused.visible, `focus not visible after: ${visited.join(' → ')}`).toBe(true);
    if (target instanceof RegExp ? target.test(focused.label) : focused.id === target.id) return focused;
  }
  throw new Error(`nothing matching ${String(target)} after: ${visited.join(' → ')}`);
}

// Issue 12: every page of both apps passes axe-core without serious or critical violations, and
// both apps can be used with the keyboard alone, with the focus always visible.
describe('accessibility (axe-core, keyboard)', { timeout: 240_000 }, () => {
  let portico: TestPortico;
  let browser: Browser;
  let admin: GraphQLTestClient;
  const contexts: BrowserContext[] = [];
  let contact: Awaited<ReturnType<typeof createCustomerWithContact>>;
  let ticketId: string;
  let heldId: string;
  let technicianId: string;
  let deviceId: string;

  beforeAll(async () => {
    portico = await startTestPortico({ inboundMailSecret: INBOUND_SECRET });
    browser = await launchBrowser();
    admin = await portico.admin();

    // A customer whose contact has a ticket with a conversation and a file, so every block shows.
    const email = `ada.${Date.now()}@a11y.example`;
    contact = await createCustomerWithContact(admin, { email, contactName: 'Ada Lovelace', customerName: 'Analytical Engines Ltd' });
    const api = await GraphQLTestClient.signIn(portico.url, contact.username, contact.password);
    const upload = await fetch(`${portico.url}/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${api.token}`, 'content-type': 'text/plain', 'x-upload-filename': 'error-log.txt' },
      body: 'Printer error E-42 at 08:01',
    });
    const { id: fileId } = (await upload.json()) as { id: string };
    ({ openTicket: { id: ticketId } } = await api.ok<{ openTicket: { id: string } }>(OPEN_TICKET, {
      input: { title: 'Printer shows error E-42', description: 'Since this morning.', attachmentIds: [fileId] },
    }));
    await admin.ok(ADD_COMMENT, { input: { ticketId, body: 'We are on it.' } });
    await admin.ok(ADD_COMMENT, { input: { ticketId, body: 'Driver update scheduled.', isInternal: true } });

    // An unsigned mail in the contact's name is held for a technician.
    const raw = await new MailComposer({ from: email, to: 'support@msp.example', subject: 'Scanner', text: 'It stopped.' }).compile().build();
    const held = await fetch(`${portico.url}/inbound-mail`, {
      method: 'POST',
      headers: { 'X-Inbound-Secret': INBOUND_SECRET, 'Content-Type': 'message/rfc822' },
      body: new Uint8Array(raw),
    });
    ({ heldId } = (await held.json()) as { heldId: string });

    // The knowledge base section opens with its first article; its pages then have content.
    await publishKbArticle(admin);
    await portico.jobs.drain();

    // A device of the contact's customer, assigned to the contact, with facts and a finished command;
    // self-service is open to that customer only (other customers see the "not available" page).
    const enrolled = await enrollDeviceThroughApi(admin, contact.customer.id, { hostname: 'ada-laptop', os: 'MACOS', osVersion: '14.5', loggedInUser: 'ada' });
    deviceId = enrolled.deviceId;
    await admin.ok(ASSIGN_DEVICE, { deviceId, contactId: contact.contactId });
    await enrolled.device.ok(REPORT_DEVICE_FACTS, {
      input: { hostname: 'ada-laptop', osVersion: '14.5', loggedInUser: 'ada', uptimeSeconds: 200_000, freeDiskBytes: 80e9, totalDiskBytes: 500e9, freeMemoryBytes: 6e9, totalMemoryBytes: 16e9 },
    });
    const { sendDeviceCommand } = await admin.ok<{ sendDeviceCommand: { id: string } }>('mutation($input: SendDeviceCommandInput!) { sendDeviceCommand(input: $input) { id } }', {
      input: { deviceId, action: 'INSTALL_SOFTWARE', packageId: 'firefox', cask: true },
    });
    for (const status of ['DELIVERED', 'RUNNING', 'SUCCEEDED']) {
      await enrolled.device.ok('mutation($input: ReportDeviceCommandInput!) { reportDeviceCommand(input: $input) }', { input: { id: sendDeviceCommand.id, status, output: status === 'SUCCEEDED' ? '==> Installing Cask firefox\n🍺  firefox was successfully installed!' : null } });
    }
    await admin.ok('mutation($input: SendDeviceCommandInput!) { sendDeviceCommand(input: $input) { id } }', { input: { deviceId, action: 'LOCK' } });
    await openSelfService(admin, [contact.customer.id]);

    ({ createTechnician: { technician: { id: technicianId } } } = await admin.ok<{ createTechnician: { technician: { id: string } } }>(CREATE_TECHNICIAN, {
      input: { name: 'Grace Hopper', email: `grace.${Date.now()}@msp.example`, username: `grace.${Date.now()}`, role: 'TECHNICIAN', language: 'EN' },
    }));
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await portico?.stop();
  });

  async function portalPage(options: Parameters<typeof newContext>[1] = {}) {
    const context = await newContext(browser, options);
    contexts.push(context);
    return context.newPage();
  }

  /** Visits each path (an action may open a dialog first) and collects what axe finds. */
  async function audit(page: Page, base: string, visits: Array<{ path: string; name: string; then?: (page: Page) => Promise<void> }>): Promise<Violation[]> {
    const found: Violation[] = [];
    for (const visit of visits) {
      await page.goto(`${base}${visit.path}`);
      await settled(page);
      await visit.then?.(page);
      found.push(...(await seriousViolations(page, visit.name)));
    }
    return found;
  }

  it('finds no serious or critical violation on any portal page (desktop, phone, German)', async () => {
    const signedOut = await portalPage();
    const found = await audit(signedOut, portico.url, [{ path: '/signin', name: 'portal sign-in' }]);

    const page = await portalPage();
    await signInThroughPortal(page, portico.url, contact.username, contact.password);
    const pages = [
      { path: '/', name: 'portal home' },
      { path: '/tickets', name: 'portal tickets' },
      { path: '/tickets/new', name: 'portal new ticket' },
      { path: `/tickets/${ticketId}`, name: 'portal ticket' },
      { path: '/kb', name: 'portal knowledge base' },
      { path: '/kb?q=password', name: 'portal knowledge base search' },
      { path: '/devices', name: 'portal devices' },
      { path: '/settings', name: 'portal settings' },
      { path: '/no-such-page', name: 'portal not found' },
    ];
    found.push(...(await audit(page, portico.url, pages)));

    // The new ticket form with its errors and a file, as a contact sees them after a mistake.
    await page.goto(`${portico.url}/tickets/new`);
    await settled(page);
    await page.getByTestId('attachment-picker-input').setInputFiles({ name: 'huge.iso', mimeType: 'application/octet-stream', buffer: Buffer.alloc(21 * 1024 * 1024) });
    await page.getByTestId('ticket-new-submit').click();
    await page.getByTestId('ticket-title-error').waitFor();
    found.push(...(await seriousViolations(page, 'portal new ticket with errors')));

    const phone = await portalPage({ device: PHONE });
    await signInThroughPortal(phone, portico.url, contact.username, contact.password);
    found.push(...(await audit(phone, portico.url, [
      { path: '/', name: 'portal home (phone)' },
      { path: `/tickets/${ticketId}`, name: 'portal ticket (phone)' },
      { path: '/devices', name: 'portal devices (phone)' },
      { path: '/tickets', name: 'portal tickets (phone, menu open)', then: async (p) => p.locator('.nav-toggle, [aria-controls]').first().click() },
    ])));

    // A German-speaking contact (longer words, other labels) with a ticket of its own.
    const germanContact = await createCustomerWithContact(admin, { language: 'DE' });
    const germanApi = await GraphQLTestClient.signIn(portico.url, germanContact.username, germanContact.password);
    const { openTicket: germanTicket } = await germanApi.ok<{ openTicket: { id: string } }>(OPEN_TICKET, { input: { title: 'Drucker druckt nicht', description: 'Seit heute Morgen.' } });
    const german = await portalPage({ locale: 'de-DE' });
    await signInThroughPortal(german, portico.url, germanContact.username, germanContact.password);
    found.push(...(await audit(german, portico.url, [
      { path: '/devices', name: 'portal devices, not available (German)' },
      { path: '/tickets/new', name: 'portal new ticket (German)' },
      { path: `/tickets/${germanTicket.id}`, name: 'portal ticket (German)' },
    ])));
    expect(await german.getByTestId('ticket-reply-submit').textContent()).not.toBe('Send reply');
    await screenshot(german, 'a11y-portal-ticket-de');

    expect(found).toEqual([]);
  });

  it('finds no serious or critical violation on any console page', async () => {
    const signedOut = await portalPage();
    const found = await audit(signedOut, portico.url, [{ path: '/admin/', name: 'console sign-in' }]);

    const page = await signInToConsole(browser, portico.url, ADMIN_USERNAME, ADMIN_PASSWORD);
    contexts.push(page.context());
    const customerId = await admin
      .ok<{ contact: { customer: { id: string } } }>('query($id: ID!) { contact(id: $id) { customer { id } } }', { id: contact.contactId })
      .then((data) => data.contact.customer.id);
    const open = (testid: string) => async (p: Page) => {
      await p.getByTestId(testid).click();
      await settled(p);
    };
    found.push(...(await audit(page, `${portico.url}/admin`, [
      { path: '/tickets', name: 'console tickets' },
      { path: '/tickets', name: 'console new ticket form', then: open('new-ticket-button') },
      { path: `/tickets/${ticketId}`, name: 'console ticket' },
      { path: '/customers', name: 'console customers' },
      { path: '/customers', name: 'console new customer form', then: open('new-customer-button') },
      { path: `/customers/${customerId}`, name: 'console customer' },
      { path: `/customers/${customerId}`, name: 'console new contact form', then: open('new-contact-button') },
      { path: '/contacts', name: 'console contacts' },
      { path: `/contacts/${contact.contactId}`, name: 'console contact' },
      { path: '/devices', name: 'console devices' },
      { path: '/devices', name: 'console enroll a device', then: open('enroll-device-button') },
      {
        path: '/devices',
        name: 'console enrollment token shown once',
        then: async (p) => {
          await p.getByTestId('enroll-device-button').click();
          await p.getByTestId('enroll-customer-search').fill('Analytical Engines');
          await p.getByTestId('enroll-customer-option').first().click();
          await p.getByTestId('enroll-submit').click();
          await p.getByTestId('enrollment-issued').waitFor();
          await settled(p);
        },
      },
      { path: `/devices/${deviceId}`, name: 'console device' },
      { path: `/devices/${deviceId}`, name: 'console device, revoke confirmation', then: open('device-revoke') },
      { path: '/technicians', name: 'console technicians' },
      { path: '/technicians', name: 'console new technician form', then: open('new-technician-button') },
      { path: `/technicians/${technicianId}`, name: 'console technician' },
      { path: '/fields', name: 'console ticket fields' },
      { path: '/fields', name: 'console new custom field form', then: open('fields-custom-new') },
      { path: '/settings', name: 'console portal settings' },
      { path: '/outbox', name: 'console outbox' },
      { path: '/held-mail', name: 'console held mail' },
      { path: `/held-mail/${heldId}`, name: 'console held message' },
      { path: '/audit', name: 'console audit log' },
      { path: '/kb', name: 'console knowledge base' },
      { path: '/kb/new', name: 'console new article' },
      { path: '/account', name: 'console account' },
      { path: '/no-such-page', name: 'console not found' },
    ])));
    await screenshot(page, 'a11y-console-not-found');

    expect(found).toEqual([]);
  });

  it('sees a real violation: the check is not blind', async () => {
    const page = await portalPage();
    await page.goto(`${portico.url}/signin`);
    await settled(page);
    expect(await seriousViolations(page, 'sign-in')).toEqual([]);
    await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<input type="text" id="unlabelled"><img src="/favicon.svg">'));
    const rules = (await seriousViolations(page, 'sign-in, broken')).map((violation) => [violation.rule, violation.targets]);
    expect(rules).toEqual(expect.arrayContaining([['label', ['#unlabelled']], ['image-alt', ['img']]]));
  });

  it('works with the keyboard alone, focus always visible: skip link, then a reply with a file', async () => {
    const page = await portalPage();
    await signInThroughPortal(page, portico.url, contact.username, contact.password);
    await page.goto(`${portico.url}/tickets/${ticketId}`);
    await settled(page);

    // The first Tab reaches the skip link; Enter moves the focus past the navigation.
    await page.keyboard.press('Tab');
    expect(await focusState(page)).toMatchObject({ tag: 'a', label: 'Skip to content', visible: true });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    // From there to the reply box, type, attach a file from the keyboard, and send.
    await tabTo(page, { id: 'ticket-reply' });
    await page.keyboard.type('Still broken after the restart.');
    await tabTo(page, /Attach files/);
    // Playwright turns on catching the file dialog when asked to wait for it; one round trip makes
    // sure that has reached the browser before the key is pressed.
    const chooserOpened = page.waitForEvent('filechooser');
    await page.evaluate(() => undefined);
    await page.keyboard.press('Enter');
    const chooser = await chooserOpened;
    await chooser.setFiles({ name: 'restart.txt', mimeType: 'text/plain', buffer: Buffer.from('restarted 09:00') });
    await page.locator('[data-testid="upload-item"][data-state="ready"]').waitFor();
    await screenshot(page, 'a11y-portal-keyboard');
    await tabTo(page, /Remove restart\.txt/);
    await tabTo(page, /^Send reply$/);
    await page.keyboard.press('Enter');
    await page.getByTestId('ticket-attachment-link').filter({ hasText: 'restart.txt' }).waitFor();

    // The console: the skip link, and the focus visible on every stop through the navigation.
    const consolePage = await signInToConsole(browser, portico.url, ADMIN_USERNAME, ADMIN_PASSWORD, { path: `/tickets/${ticketId}` });
    contexts.push(consolePage.context());
    await settled(consolePage);
    await consolePage.keyboard.press('Tab');
    expect(await focusState(consolePage)).toMatchObject({ tag: 'a', visible: true });
    await consolePage.keyboard.press('Enter');
    expect(await consolePage.evaluate(() => document.activeElement?.id)).toBe('main');
    await tabTo(consolePage, /Attach files/);
  });
});
