import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLTestClient } from '../server/src/test/graphql-client.js';
import { startTestPortico, type TestPortico } from '../server/src/test/harness.js';
import { launchBrowser, newContext, PHONE, screenshot } from './browser.js';
import { createCustomerWithContact } from './fixtures.js';
import { hasHorizontalOverflow, signInThroughPortal } from './portal-helpers.js';

const OPEN_TICKET = 'mutation($input: OpenTicketInput!) { openTicket(input: $input) { id number title } }';
const ADD_COMMENT = 'mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { id } }';
const UPDATE_TICKET = 'mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { id status isBilled } }';
const TICKET_COMMENTS = 'query($id: ID!) { ticket(id: $id) { comments { body authorKind } } }';
const FIELD_VISIBILITY = 'mutation($input: [StandardFieldVisibilityInput!]!) { updateStandardFieldVisibility(input: $input) { field } }';
const SETTINGS_VERSION = '{ portalSettings { ... on PortalSettings { version ticketsCannotBeReopened } } }';
const UPDATE_SETTINGS = 'mutation($input: UpdatePortalSettingsInput!) { updatePortalSettings(input: $input) { version } }';
const CREATE_CONTACT = 'mutation($input: CreateContactInput!) { createContact(input: $input) { username password contact { id } } }';

/** The visibility of a new installation (PRODUCT.md F2). */
const DEFAULT_VISIBILITY = [
  { field: 'TITLE', visibility: 'EDITABLE' },
  { field: 'DESCRIPTION', visibility: 'EDITABLE' },
  { field: 'STATUS', visibility: 'READ_ONLY' },
  { field: 'PRIORITY', visibility: 'EDITABLE' },
  { field: 'TYPE', visibility: 'EDITABLE' },
  { field: 'IMPACT', visibility: 'READ_ONLY' },
  { field: 'TECHNICIAN', visibility: 'READ_ONLY' },
  { field: 'DUE_DATE', visibility: 'READ_ONLY' },
];

/** Resolves once the page has sent a subscription whose text contains `name` over the WebSocket. */
function subscriptionSent(page: Page, name: string): Promise<void> {
  return new Promise((resolve) => {
    page.on('websocket', (socket) => {
      socket.on('framesent', (frame) => {
        if (typeof frame.payload === 'string' && frame.payload.includes('"subscribe"') && frame.payload.includes(name)) resolve();
      });
    });
  });
}

async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { portalMarker: number }).portalMarker = 42));
}

async function marker(page: Page): Promise<number | undefined> {
  return page.evaluate(() => (window as unknown as { portalMarker?: number }).portalMarker);
}

// Ticketing in the portal (PRODUCT.md F2), driven through the built portal in headless Chromium;
// the technician's side goes through the admin API.
describe('customer portal: tickets (browser)', { timeout: 90_000 }, () => {
  let portico: TestPortico;
  let browser: Browser;
  let admin: GraphQLTestClient;
  const contexts: BrowserContext[] = [];

  async function openPage(options: Parameters<typeof newContext>[1] = {}): Promise<Page> {
    const context = await newContext(browser, options);
    contexts.push(context);
    return context.newPage();
  }

  /** A new customer with a contact, signed in to the portal. */
  async function signedInContact(options: Parameters<typeof createCustomerWithContact>[1] & { device?: typeof PHONE } = {}) {
    const created = await createCustomerWithContact(admin, { language: 'EN', ...options });
    const page = await openPage({ device: options.device });
    await signInThroughPortal(page, portico.url, created.username, created.password);
    const api = await GraphQLTestClient.signIn(portico.url, created.username, created.password);
    return { ...created, page, api };
  }

  /** Opens a ticket's page and waits until it listens for changes of that ticket. */
  async function openTicketPage(page: Page, id: string): Promise<void> {
    const subscribed = subscriptionSent(page, 'PortalTicketChanged');
    await page.goto(`${portico.url}/tickets/${id}`);
    await page.getByTestId('ticket-detail').waitFor();
    await subscribed;
    // The server sets the subscription up asynchronously after receiving it.
    await page.waitForTimeout(300);
  }

  async function setReopening(forbidden: boolean): Promise<void> {
    const { portalSettings } = await admin.ok<{ portalSettings: { version: number } }>(SETTINGS_VERSION);
    await admin.ok(UPDATE_SETTINGS, { input: { version: portalSettings.version, ticketsCannotBeReopened: forbidden } });
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

  it('opens a ticket through the form, shows it, and lists it', async () => {
    const { page } = await signedInContact();
    await page.getByTestId('nav-tickets').click();
    await page.getByTestId('tickets-empty').waitFor();
    expect(await page.getByTestId('section-title').textContent()).toBe('Tickets');

    await page.getByTestId('tickets-new').click();
    await page.getByTestId('ticket-new-form').waitFor();
    expect(new URL(page.url()).pathname).toBe('/tickets/new');
    // The default visibility: title, description, priority and type are editable; the rest is not on the form.
    for (const id of ['ticket-title', 'ticket-description', 'ticket-priority', 'ticket-type']) expect(await page.getByTestId(id).count()).toBe(1);
    for (const id of ['ticket-impact', 'ticket-due-date']) expect(await page.getByTestId(id).count()).toBe(0);

    // The title is required (checked on the page).
    await page.getByTestId('ticket-new-submit').click();
    expect(await page.getByTestId('ticket-title-error').textContent()).toBe('Please enter a title.');

    await page.getByTestId('ticket-title').fill('Printer on the 2nd floor does not print');
    await page.getByTestId('ticket-description').fill('Since this morning every job stays in the queue.\nRestarting did not help.');
    await page.getByTestId('ticket-priority').selectOption('HIGH');
    await screenshot(page, 'portal-ticket-new');
    await page.getByTestId('ticket-new-submit').click();

    await page.getByTestId('ticket-detail').waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/tickets\/[0-9a-f-]{36}$/);
    const number = (await page.getByTestId('ticket-number').textContent())!;
    expect(number).toMatch(/^#\d+$/);
    expect(await page.getByTestId('ticket-title').textContent()).toBe('Printer on the 2nd floor does not print');
    expect(await page.getByTestId('ticket-description').textContent()).toContain('every job stays in the queue');
    expect(await page.getByTestId('ticket-status').textContent()).toBe('Open');
    expect(await page.getByTestId('ticket-field-priority').textContent()).toBe('High');
    expect(await page.getByTestId('ticket-no-comments').isVisible()).toBe(true);

    await page.getByTestId('ticket-back').click();
    await page.getByTestId('tickets-list').waitFor();
    const row = page.getByTestId('ticket-row').first();
    expect(await row.getByTestId('ticket-row-number').textContent()).toBe(number);
    expect(await row.getByTestId('ticket-row-title').textContent()).toBe('Printer on the 2nd floor does not print');
    expect(await row.getByTestId('ticket-status').textContent()).toBe('Open');
    await screenshot(page, 'portal-tickets-list');

    // Search (server-side) and the status filter.
    await page.getByTestId('tickets-search').fill('scanner');
    await page.getByTestId('tickets-no-match').waitFor();
    await page.getByTestId('tickets-search').fill(number);
    await page.getByTestId('tickets-list').waitFor();
    expect(await page.getByTestId('ticket-row').count()).toBe(1);
    await page.getByTestId('tickets-search').fill('');
    await page.getByTestId('tickets-status-CLOSED').click();
    await page.getByTestId('tickets-no-match').waitFor();
    await page.getByTestId('tickets-status-OPEN').click();
    await page.getByTestId('tickets-list').waitFor();
    expect(await page.getByTestId('ticket-row').count()).toBe(1);
  });

  it('shows a technician\'s reply live, never an internal note, and sends the contact\'s reply', async () => {
    const { page, api } = await signedInContact({ contactName: 'Alex Contact' });
    const ticket = await api.ok<{ openTicket: { id: string; number: number } }>(OPEN_TICKET, { input: { title: 'VPN drops every hour', description: 'On the laptop at home.' } });
    const id = ticket.openTicket.id;
    // Listens on the socket the ticket page opens; the list subscribes on it later.
    const listSubscribed = subscriptionSent(page, 'PortalAnyTicketChanged');
    await openTicketPage(page, id);
    await markPage(page);

    await admin.ok(ADD_COMMENT, { input: { ticketId: id, body: 'Internal: probably the old firmware.', isInternal: true } });
    await admin.ok(ADD_COMMENT, { input: { ticketId: id, body: 'Thanks, we are looking into it. Which VPN client version do you use?' } });

    await page.getByText('Which VPN client version do you use?').waitFor({ timeout: 10_000 });
    expect(await marker(page)).toBe(42);
    const bubbles = page.getByTestId('ticket-comment');
    expect(await bubbles.count()).toBe(1);
    expect(await bubbles.first().getAttribute('data-author-kind')).toBe('technician');
    expect(await page.content()).not.toContain('probably the old firmware');

    // The technician changes the status: the badge follows live.
    await admin.ok(UPDATE_TICKET, { input: { id, status: 'PENDING' } });
    await page.locator('.ticket-header [data-testid="ticket-status"]').filter({ hasText: 'Pending' }).waitFor({ timeout: 10_000 });

    await page.getByTestId('ticket-reply').fill('Version 5.2.1, on Windows 11.');
    await page.getByTestId('ticket-reply-submit').click();
    await page.getByText('Version 5.2.1, on Windows 11.').waitFor();
    expect(await page.getByTestId('ticket-reply').inputValue()).toBe('');
    expect(await bubbles.count()).toBe(2);
    expect(await bubbles.nth(1).getAttribute('data-author-kind')).toBe('contact');
    expect(await marker(page)).toBe(42);

    const { ticket: stored } = await admin.ok<{ ticket: { comments: Array<{ body: string; authorKind: string }> } }>(TICKET_COMMENTS, { id });
    expect(stored.comments).toContainEqual({ body: 'Version 5.2.1, on Windows 11.', authorKind: 'contact' });
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'portal-ticket-detail');

    // The list also follows a technician's reply without a reload.
    await page.getByTestId('ticket-back').click();
    await page.getByTestId('tickets-list').waitFor();
    await listSubscribed;
    await page.waitForTimeout(300);
    await admin.ok(ADD_COMMENT, { input: { ticketId: id, body: 'Please update to 5.3, that fixes it.' } });
    await page.getByTestId('ticket-row-excerpt').filter({ hasText: 'Please update to 5.3' }).waitFor({ timeout: 10_000 });
    expect(await marker(page)).toBe(42);
  });

  it('keeps the list current from the cache: a reply moves its row to the top without asking for the list again', async () => {
    const { page, api } = await signedInContact({ contactName: 'Robin Cache' });
    const numbers: number[] = [];
    const ids = new Map<number, string>();
    for (let i = 1; i <= 23; i++) {
      const opened = await api.ok<{ openTicket: { id: string; number: number } }>(OPEN_TICKET, { input: { title: `Cache ticket ${i}`, description: 'Listed.' } });
      numbers.push(opened.openTicket.number);
      ids.set(opened.openTicket.number, opened.openTicket.id);
    }
    const me = await api.ok<{ me: { id: string } }>('{ me { ... on Contact { id } } }');
    const listSubscribed = subscriptionSent(page, 'PortalAnyTicketChanged');
    await page.goto(`${portico.url}/tickets`);
    await page.getByTestId('tickets-list').waitFor();
    await listSubscribed;
    await page.waitForTimeout(300);
    const shown = () => page.getByTestId('ticket-row').evaluateAll((rows) => rows.map((row) => Number((row as HTMLElement).dataset.number)));
    expect(await shown()).toEqual([...numbers].reverse().slice(0, 20));

    await page.getByTestId('tickets-load-more').click();
    await page.getByTestId('ticket-row').nth(22).waitFor();
    expect(await shown()).toEqual([...numbers].reverse());

    const listRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql') && (request.postData() ?? '').includes('PortalTickets')) listRequests.push(request.postData() ?? '');
    });

    // A reply on the fifth row: the delivery alone moves it to the top and shows the excerpt.
    const fifth = numbers[numbers.length - 5];
    await admin.ok(ADD_COMMENT, { input: { ticketId: ids.get(fifth), body: 'Moved up by the cache.' } });
    await page.getByTestId('ticket-row').first().filter({ hasText: 'Moved up by the cache.' }).waitFor({ timeout: 10_000 });
    expect((await shown()).slice(0, 2)).toEqual([fifth, numbers[numbers.length - 1]]);
    expect(await shown()).toHaveLength(23);
    expect(listRequests).toHaveLength(0);

    // A ticket the first page does not hold (a new one): only the first page is asked again.
    const opened = await admin.ok<{ openTicket: { number: number } }>(OPEN_TICKET, { input: { title: 'Opened by the technician', description: 'New.', contactId: me.me.id } });
    await page.getByTestId('ticket-row').first().filter({ hasText: 'Opened by the technician' }).waitFor({ timeout: 10_000 });
    expect((await shown())[0]).toBe(opened.openTicket.number);
    expect(listRequests).toHaveLength(1);
    expect(listRequests[0]).toContain('"after":null');
  });

  it('closes and reopens through the buttons; no Reopen button when reopening is forbidden', async () => {
    const { page, api } = await signedInContact();
    const { openTicket } = await api.ok<{ openTicket: { id: string } }>(OPEN_TICKET, { input: { title: 'New keyboard please' } });
    await openTicketPage(page, openTicket.id);
    expect(await page.getByTestId('ticket-reopen').count()).toBe(0);

    await page.getByTestId('ticket-close').click();
    await page.getByTestId('ticket-reopen').waitFor();
    expect(await page.getByTestId('ticket-status').first().textContent()).toBe('Closed');
    expect(await page.getByTestId('ticket-close').count()).toBe(0);

    await page.getByTestId('ticket-reopen').click();
    await page.getByTestId('ticket-close').waitFor();
    expect(await page.getByTestId('ticket-status').first().textContent()).toBe('Open');
    expect(await page.getByTestId('ticket-status-change').count()).toBe(2);

    await setReopening(true);
    try {
      await page.getByTestId('ticket-close').click();
      await page.locator('.ticket-header [data-testid="ticket-status"]').filter({ hasText: 'Closed' }).waitFor();
      expect(await page.getByTestId('ticket-reopen').count()).toBe(0);
      await page.reload();
      await page.getByTestId('ticket-detail').waitFor();
      expect(await page.getByTestId('ticket-reopen').count()).toBe(0);
      expect(await page.getByTestId('ticket-close').count()).toBe(0);
    } finally {
      await setReopening(false);
    }
  });

  it('makes a billed ticket read-only and offers a follow-up ticket that links to it', async () => {
    const { page, api } = await signedInContact();
    const { openTicket } = await api.ok<{ openTicket: { id: string; number: number } }>(OPEN_TICKET, { input: { title: 'Install the new plotter', description: 'Room 4.12' } });
    await openTicketPage(page, openTicket.id);
    expect(await page.getByTestId('ticket-reply-form').count()).toBe(1);
    await markPage(page);

    await admin.ok(UPDATE_TICKET, { input: { id: openTicket.id, status: 'RESOLVED', isBilled: true } });
    await page.getByTestId('ticket-billed').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('ticket-billed').textContent()).toContain('This ticket has been billed');
    expect(await page.getByTestId('ticket-reply-form').count()).toBe(0);
    expect(await page.getByTestId('ticket-close').count()).toBe(0);
    expect(await page.getByTestId('ticket-reopen').count()).toBe(0);
    expect(await marker(page)).toBe(42);
    await screenshot(page, 'portal-ticket-billed');

    await page.getByTestId('ticket-follow-up').click();
    await page.getByTestId('ticket-new-follow-up').waitFor();
    expect(await page.getByTestId('ticket-new-follow-up').textContent()).toContain(`Follow-up to #${openTicket.number}`);
    await page.getByTestId('ticket-title').fill('The plotter prints stripes');
    await page.getByTestId('ticket-new-submit').click();

    await page.getByTestId('ticket-follow-up-of').waitFor();
    expect(await page.getByTestId('ticket-title').textContent()).toBe('The plotter prints stripes');
    expect(await page.getByTestId('ticket-follow-up-of-link').textContent()).toContain(`#${openTicket.number}`);
    expect(await page.getByTestId('ticket-billed').count()).toBe(0);
    await page.getByTestId('ticket-follow-up-of-link').click();
    await page.getByTestId('ticket-billed').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/tickets/${openTicket.id}`);

    // An unknown or foreign ticket id: a clear "not found" page.
    await page.goto(`${portico.url}/tickets/00000000-0000-4000-8000-000000000000`);
    await page.getByTestId('ticket-not-found').waitFor();
    expect(await page.getByTestId('ticket-not-found').textContent()).toContain('Ticket not found');
  });

  it('shows no hidden field, and no empty label, on the page or the form', async () => {
    const { page, api } = await signedInContact();
    const { openTicket } = await api.ok<{ openTicket: { id: string } }>(OPEN_TICKET, { input: { title: 'Mouse is broken', priority: 'URGENT' } });
    await openTicketPage(page, openTicket.id);
    expect(await page.getByTestId('ticket-field-priority').textContent()).toBe('Urgent');
    expect(await page.getByTestId('ticket-status').count()).toBeGreaterThan(0);

    await admin.ok(FIELD_VISIBILITY, { input: [{ field: 'PRIORITY', visibility: 'HIDDEN' }, { field: 'STATUS', visibility: 'HIDDEN' }] });
    try {
      await page.reload();
      await page.getByTestId('ticket-detail').waitFor();
      expect(await page.getByTestId('ticket-field-priority').count()).toBe(0);
      expect(await page.getByTestId('ticket-field-status').count()).toBe(0);
      expect(await page.getByTestId('ticket-status').count()).toBe(0);
      const facts = (await page.getByTestId('ticket-fields').textContent()) ?? '';
      expect(facts).not.toContain('Priority');
      expect(facts).not.toContain('Status');
      expect(await page.getByTestId('ticket-detail').textContent()).not.toMatch(/null|undefined|Urgent/);

      await page.goto(`${portico.url}/tickets/new`);
      await page.getByTestId('ticket-new-form').waitFor();
      expect(await page.getByTestId('ticket-priority').count()).toBe(0);
      expect(await page.getByTestId('ticket-title').count()).toBe(1);

      await page.goto(`${portico.url}/tickets`);
      await page.getByTestId('tickets-list').waitFor();
      expect(await page.getByTestId('tickets-status-filter').count()).toBe(0);
      expect(await page.getByTestId('ticket-status').count()).toBe(0);
    } finally {
      await admin.ok(FIELD_VISIBILITY, { input: DEFAULT_VISIBILITY });
    }
  });

  it('lets a primary contact see a colleague\'s ticket under "My company\'s" but not under "Mine"', async () => {
    const primary = await createCustomerWithContact(admin, { language: 'EN', isPrimary: true, contactName: 'Paula Primary' });
    const suffix = Math.random().toString(36).slice(2, 8);
    const { createContact } = await admin.ok<{ createContact: { username: string; password: string } }>(CREATE_CONTACT, {
      input: { customerId: primary.customer.id, name: 'Colin Colleague', email: `colin.${suffix}@example.com`, language: 'EN' },
    });
    const colleague = await GraphQLTestClient.signIn(portico.url, createContact.username, createContact.password);
    await colleague.ok(OPEN_TICKET, { input: { title: 'Colleague: monitor flickers' } });
    const asPrimary = await GraphQLTestClient.signIn(portico.url, primary.username, primary.password);
    await asPrimary.ok(OPEN_TICKET, { input: { title: 'Primary: new phone' } });

    const page = await openPage();
    await signInThroughPortal(page, portico.url, primary.username, primary.password);
    await page.getByTestId('nav-tickets').click();
    await page.getByTestId('tickets-scope').waitFor();
    await page.getByTestId('ticket-row').filter({ hasText: 'Colleague: monitor flickers' }).waitFor();
    expect(await page.getByTestId('tickets-scope-company').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('ticket-row').count()).toBe(2);
    expect(await page.getByTestId('ticket-row').filter({ hasText: 'Colleague: monitor flickers' }).textContent()).toContain('Opened by Colin Colleague');
    await screenshot(page, 'portal-tickets-company');

    await page.getByTestId('tickets-scope-mine').click();
    await page.getByTestId('ticket-row').filter({ hasText: 'Colleague: monitor flickers' }).waitFor({ state: 'detached' });
    expect(await page.getByTestId('ticket-row').count()).toBe(1);
    expect(await page.getByTestId('ticket-row').first().textContent()).toContain('Primary: new phone');

    // A contact that is not primary has no switch and sees only its own.
    const plain = await openPage();
    await signInThroughPortal(plain, portico.url, createContact.username, createContact.password);
    await plain.goto(`${portico.url}/tickets`);
    await plain.getByTestId('tickets-list').waitFor();
    expect(await plain.getByTestId('ticket-row').count()).toBe(1);
    expect(await plain.getByTestId('tickets-scope').count()).toBe(0);
  });

  it('fits a phone screen: list and detail without sideways scrolling', async () => {
    const { page, api } = await signedInContact({
      device: PHONE,
      customerName: 'Internationale Speditionsgesellschaft Rheinland-Pfalz GmbH',
      contactName: 'Maximiliane Oberhuber-Schwarzenegger',
    });
    const { openTicket } = await api.ok<{ openTicket: { id: string } }>(OPEN_TICKET, {
      input: { title: 'Outlook keeps asking for the password after the Exchange migration last weekend', description: 'https://very-long-host-name.internal.example/owa/auth/logon.aspx?replaceCurrent=1&url=somethingverylong', priority: 'NORMAL' },
    });
    await admin.ok(ADD_COMMENT, { input: { ticketId: openTicket.id, body: 'Please remove the saved credentials in the Windows Credential Manager and sign in again.' } });
    await api.ok(ADD_COMMENT, { input: { ticketId: openTicket.id, body: 'Done, it works again. Thank you!' } });

    await page.goto(`${portico.url}/tickets`);
    await page.getByTestId('tickets-list').waitFor();
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await screenshot(page, 'portal-tickets-list-phone');

    await page.getByTestId('ticket-row').first().click();
    await page.getByTestId('ticket-conversation').waitFor();
    expect(await page.getByTestId('ticket-comment').count()).toBe(2);
    expect(await hasHorizontalOverflow(page)).toBe(false);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'portal-ticket-phone');

    await page.goto(`${portico.url}/tickets/new`);
    await page.getByTestId('ticket-new-form').waitFor();
    expect(await hasHorizontalOverflow(page)).toBe(false);
  });
});
