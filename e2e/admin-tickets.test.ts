import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, ADMIN_USERNAME, startTestPortico, type TestPortico } from '../server/src/test/harness.js';
import { GraphQLTestClient } from '../server/src/test/graphql-client.js';
import { signInToConsole, uniqueSuffix } from './admin-helpers.js';
import { launchBrowser, screenshot } from './browser.js';
import { createCustomerWithContact } from './fixtures.js';

const OPEN_TICKET = 'mutation($input: OpenTicketInput!) { openTicket(input: $input) { id number title } }';
const TICKET = `query($id: ID!) { ticket(id: $id) {
  id number title status isBilled priority technician { id name } customer { id } contact { id }
  comments { body isInternal } statusHistory { fromStatus toStatus }
} }`;
const CREATE_TECHNICIAN = 'mutation($input: CreateTechnicianInput!) { createTechnician(input: $input) { username password technician { id name } } }';
const STANDARD_FIELDS = '{ standardTicketFields { field visibility } }';
const TICKET_FIELDS = '{ ticketFields { id label visibility } }';
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

interface TicketData {
  id: string;
  number: number;
  title: string;
  status: string | null;
  isBilled: boolean;
  priority: string | null;
  technician: { id: string; name: string } | null;
  customer: { id: string } | null;
  contact: { id: string } | null;
  comments: Array<{ body: string; isInternal: boolean }>;
  statusHistory: Array<{ fromStatus: string | null; toStatus: string }>;
}

describe('admin console: tickets and field visibility', () => {
  let portico: TestPortico;
  let browser: Browser;
  let admin: GraphQLTestClient;
  const pages: Page[] = [];

  beforeAll(async () => {
    portico = await startTestPortico();
    browser = await launchBrowser();
    admin = await portico.admin();
  });

  // Each page holds a WebSocket (sessionEnded, ticketChanged); close them so the server does not keep them all.
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

  /** A customer with a contact signed in through the API, as the portal would be. */
  async function contactClient(customerName?: string) {
    const created = await createCustomerWithContact(admin, { customerName });
    const client = await GraphQLTestClient.signIn(portico.url, created.username, created.password);
    return { ...created, client };
  }

  async function openTicketAs(client: GraphQLTestClient, title: string, description = 'The printer on floor 2 prints blank pages.') {
    return (await client.ok<{ openTicket: { id: string; number: number; title: string } }>(OPEN_TICKET, { input: { title, description } })).openTicket;
  }

  async function ticket(client: GraphQLTestClient, id: string): Promise<TicketData> {
    return (await client.ok<{ ticket: TicketData }>(TICKET, { id })).ticket;
  }

  async function createTechnician(role: 'ADMIN' | 'TECHNICIAN') {
    const suffix = uniqueSuffix();
    const { createTechnician } = await admin.ok<{ createTechnician: { username: string; password: string; technician: { id: string; name: string } } }>(CREATE_TECHNICIAN, {
      input: { name: `Tina Tech ${suffix}`, email: `tina.${suffix}@msp.example`, username: `tina.${suffix}`, role, language: 'EN' },
    });
    return createTechnician;
  }

  async function openTicketPage(page: Page, title: string) {
    await page.getByTestId('nav-tickets').click();
    await page.getByTestId('ticket-search').fill(title);
    const row = page.getByTestId('ticket-row').filter({ hasText: title });
    await expect.poll(() => page.getByTestId('ticket-row').count()).toBe(1);
    await row.getByTestId('ticket-row-title').click();
    await page.getByTestId('ticket-side').waitFor();
  }

  it('finds a contact’s ticket by search, replies publicly and adds an internal note the contact never sees', async () => {
    const contact = await contactClient();
    const title = `Printer prints blank pages ${uniqueSuffix()}`;
    const opened = await openTicketAs(contact.client, title);

    const page = await signInAsAdmin('/tickets');
    await page.getByTestId('ticket-table').waitFor();
    // Search by number finds it too.
    await page.getByTestId('ticket-search').fill(`#${opened.number}`);
    await expect.poll(() => page.getByTestId('ticket-row-title').allInnerTexts()).toEqual([title]);
    const row = page.getByTestId('ticket-row').filter({ hasText: title });
    expect(await row.getByTestId('ticket-row-customer').innerText()).toBe(contact.customer.name);
    expect(await row.getByTestId('ticket-row-status').innerText()).toBe('Open');
    await openTicketPage(page, title);
    expect(await page.getByTestId('ticket-title').innerText()).toBe(`#${opened.number} ${title}`);

    const reply = 'We are sending a technician this afternoon.';
    await page.getByTestId('ticket-composer-body').fill(reply);
    await page.getByTestId('ticket-composer-submit').click();
    await page.getByTestId('ticket-composer-sent').waitFor();
    await page.getByTestId('ticket-comment').filter({ hasText: reply }).waitFor();

    const note = 'Toner cartridge is counterfeit; bill the replacement.';
    await page.getByTestId('ticket-composer-mode-note').check();
    expect(await page.getByTestId('ticket-composer-submit').innerText()).toBe('Add internal note');
    await page.getByTestId('ticket-composer-body').fill(note);
    await page.getByTestId('ticket-composer-submit').click();
    const noteEntry = page.getByTestId('ticket-comment').filter({ hasText: note });
    await noteEntry.waitFor();
    expect(await noteEntry.getAttribute('data-internal')).toBe('true');
    expect(await noteEntry.getByTestId('ticket-comment-internal').textContent()).toBe('Internal note');
    expect(await page.getByTestId('ticket-comment').filter({ hasText: reply }).getAttribute('data-internal')).toBe('false');

    const seen = await ticket(contact.client, opened.id);
    expect(seen.comments.map((comment) => comment.body)).toEqual([reply]);
    const staff = await ticket(admin, opened.id);
    expect(staff.comments).toEqual([
      { body: reply, isInternal: false },
      { body: note, isInternal: true },
    ]);
    await screenshot(page, 'admin-ticket-detail');
  });

  it('shows a ticket opened meanwhile in the list without a reload', async () => {
    const contact = await contactClient();
    await openTicketAs(contact.client, `VPN drops every hour ${uniqueSuffix()}`);
    const page = await signInAsAdmin('/tickets');
    await page.getByTestId('ticket-row').first().waitFor();
    const marker = await page.evaluate(() => ((window as unknown as { marker: number }).marker = Math.random()));

    const title = `Outlook asks for the password again ${uniqueSuffix()}`;
    const opened = await openTicketAs(contact.client, title);
    const row = page.getByTestId('ticket-row').filter({ hasText: title });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.getByTestId('ticket-row-number').innerText()).toBe(`#${opened.number}`);
    expect(await row.getByTestId('ticket-row-requester').innerText()).not.toBe('');
    // Same document: nothing reloaded the page.
    expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(marker);

    // Filters narrow the list on the server: the customer picker and the status chips.
    await page.getByTestId('ticket-filter-customer-search').fill(contact.customer.name);
    await page.getByTestId('ticket-filter-customer-option').filter({ hasText: contact.customer.name }).click();
    await expect.poll(() => page.getByTestId('ticket-row').count()).toBe(2);
    await page.getByTestId('ticket-status-chip-resolved').click();
    await page.getByTestId('ticket-empty').waitFor();
    await page.getByTestId('ticket-status-chip-resolved').click();
    await page.getByTestId('ticket-status-chip-open').click();
    await expect.poll(() => page.getByTestId('ticket-row').count()).toBe(2);
    await screenshot(page, 'admin-tickets-list');
  });

  it('assigns a technician, resolves and bills a ticket through the side panel', async () => {
    const contact = await contactClient();
    const technician = await createTechnician('TECHNICIAN');
    const title = `New laptop for the intern ${uniqueSuffix()}`;
    const opened = await openTicketAs(contact.client, title);

    const page = await signInAsAdmin();
    await openTicketPage(page, title);
    const side = page.getByTestId('ticket-side');
    await side.getByTestId('ticket-side-technician').selectOption({ label: technician.technician.name });
    await side.getByTestId('ticket-side-status').selectOption('RESOLVED');
    await side.getByTestId('ticket-side-billed').check();
    await side.getByTestId('ticket-side-save').click();
    await side.getByTestId('ticket-side-saved').waitFor();

    const saved = await ticket(admin, opened.id);
    expect(saved.status).toBe('RESOLVED');
    expect(saved.isBilled).toBe(true);
    expect(saved.technician?.id).toBe(technician.technician.id);
    expect(saved.statusHistory).toEqual([
      { fromStatus: null, toStatus: 'OPEN' },
      { fromStatus: 'OPEN', toStatus: 'RESOLVED' },
    ]);
    await page.getByTestId('ticket-history-entry').filter({ hasText: 'Open → Resolved' }).waitFor();
    await page.getByTestId('ticket-billed-badge').waitFor();
    expect(await page.getByTestId('ticket-status-badge').innerText()).toBe('Resolved');

    // Unassigning works the same way.
    await side.getByTestId('ticket-side-technician').selectOption('');
    await side.getByTestId('ticket-side-save').click();
    await expect.poll(async () => (await ticket(admin, opened.id)).technician).toBeNull();

    // Removing the contact (×) detaches it for real; the customer stays.
    await side.getByTestId('ticket-side-contact-clear').click();
    await side.getByTestId('ticket-side-save').click();
    await expect.poll(async () => (await admin.ok<{ ticket: { contact: unknown; customer: unknown } }>('query($id: ID!) { ticket(id: $id) { contact { id } customer { id } } }', { id: opened.id })).ticket)
      .toMatchObject({ contact: null, customer: { id: expect.any(String) } });
  });

  it('hides a standard field and adds a hidden custom field; title cannot be hidden', async () => {
    const contact = await contactClient();
    const label = `Asset tag ${uniqueSuffix()}`;
    const page = await signInAsAdmin();
    await page.getByTestId('nav-fields').click();
    await page.getByTestId('fields-standard-form').waitFor();

    const titleOptions = await page.getByTestId('fields-standard-TITLE').locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(titleOptions).toEqual(['EDITABLE', 'READ_ONLY']);

    await page.getByTestId('fields-standard-PRIORITY').selectOption('HIDDEN');
    await page.getByTestId('fields-standard-unsaved').waitFor();
    await page.getByTestId('fields-standard-save').click();
    await page.getByTestId('fields-standard-saved').waitFor();

    await page.getByTestId('fields-custom-new').click();
    await page.getByTestId('fields-custom-form-label').fill(label);
    await page.getByTestId('fields-custom-form-kind').selectOption('DROPDOWN');
    // A dropdown needs choices: the server's message shows at the field.
    await page.getByTestId('fields-custom-form-submit').click();
    await page.getByTestId('fields-custom-form-options-field-error').waitFor();
    await page.getByTestId('fields-custom-form-options').fill('Laptop\nDesktop\nPrinter');
    await page.getByTestId('fields-custom-form-visibility').selectOption('HIDDEN');
    await page.getByTestId('fields-custom-form-submit').click();
    const row = page.getByTestId('fields-custom-row').filter({ hasText: label });
    await row.waitFor();
    expect(await row.getByTestId('fields-custom-row-visibility').getAttribute('data-visibility')).toBe('HIDDEN');

    const { standardTicketFields } = await contact.client.ok<{ standardTicketFields: Array<{ field: string; visibility: string }> }>(STANDARD_FIELDS);
    expect(standardTicketFields.find((entry) => entry.field === 'PRIORITY')?.visibility).toBe('HIDDEN');
    const forContact = await contact.client.ok<{ ticketFields: Array<{ label: string }> }>(TICKET_FIELDS);
    expect(forContact.ticketFields.map((field) => field.label)).not.toContain(label);
    const forStaff = await admin.ok<{ ticketFields: Array<{ id: string; label: string; visibility: string }> }>(TICKET_FIELDS);
    expect(forStaff.ticketFields.find((field) => field.label === label)?.visibility).toBe('HIDDEN');
    await screenshot(page, 'admin-fields');

    // Back to the defaults, through the page; the custom field goes after a confirmation.
    for (const { field, visibility } of DEFAULT_VISIBILITY) await page.getByTestId(`fields-standard-${field}`).selectOption(visibility);
    await page.getByTestId('fields-standard-save').click();
    await page.getByTestId('fields-standard-saved').waitFor();
    await row.getByTestId('fields-custom-delete').click();
    await page.getByTestId('fields-custom-confirm-delete').click();
    await row.waitFor({ state: 'detached' });
    expect((await admin.ok<{ standardTicketFields: unknown[] }>(STANDARD_FIELDS)).standardTicketFields).toEqual(DEFAULT_VISIBILITY);
    expect((await admin.ok<{ ticketFields: Array<{ label: string }> }>(TICKET_FIELDS)).ticketFields.map((field) => field.label)).not.toContain(label);
  });

  it('creates a ticket for a customer and contact with “New ticket”; an empty title shows the field error', async () => {
    const suffix = uniqueSuffix();
    const customerName = `Globex ${suffix}`;
    const contact = await contactClient(customerName);
    const page = await signInAsAdmin('/tickets');
    await page.getByTestId('new-ticket-button').click();
    const form = page.getByTestId('new-ticket');
    await form.getByTestId('new-ticket-customer-search').fill(customerName);
    await form.getByTestId('new-ticket-customer-option').filter({ hasText: customerName }).click();
    await form.getByTestId('new-ticket-contact-search').click();
    await form.getByTestId('new-ticket-contact-option').first().click();
    await form.getByTestId('new-ticket-contact-selected').waitFor();
    await form.getByTestId('new-ticket-description').fill('Needs a new mailbox for the sales team.');

    await form.getByTestId('new-ticket-submit').click();
    await form.getByTestId('new-ticket-title-field-error').waitFor();
    const none = await admin.ok<{ tickets: { totalCount: number } }>('query($id: ID) { tickets(customerId: $id) { totalCount } }', { id: contact.customer.id });
    expect(none.tickets.totalCount).toBe(0);

    const title = `Shared mailbox for sales ${suffix}`;
    await form.getByTestId('new-ticket-title').fill(title);
    await form.getByTestId('new-ticket-priority').selectOption('HIGH');
    await form.getByTestId('new-ticket-submit').click();
    await page.getByTestId('ticket-created').waitFor();
    await page.getByTestId('ticket-row').filter({ hasText: title }).waitFor();

    const { tickets } = await admin.ok<{ tickets: { edges: Array<{ node: { id: string; title: string; priority: string; customer: { id: string }; contact: { id: string } } }> } }>(
      'query($id: ID) { tickets(customerId: $id) { edges { node { id title priority customer { id } contact { id } } } } }',
      { id: contact.customer.id },
    );
    expect(tickets.edges.map((edge) => edge.node)).toEqual([{ id: expect.any(String), title, priority: 'HIGH', customer: { id: contact.customer.id }, contact: { id: contact.contactId } }]);
    // The contact sees the ticket opened for them.
    expect((await ticket(contact.client, tickets.edges[0].node.id)).title).toBe(title);
  });

  it('shows the field visibility page read-only to a technician', async () => {
    const technician = await createTechnician('TECHNICIAN');
    const page = await signInToConsole(browser, portico.url, technician.username, technician.password);
    pages.push(page);
    await page.getByTestId('nav-fields').click();
    await page.getByTestId('fields-read-only').waitFor();
    await page.getByTestId('fields-standard-row').first().waitFor();
    for (const field of ['TITLE', 'PRIORITY', 'DUE_DATE']) expect(await page.getByTestId(`fields-standard-${field}`).isDisabled()).toBe(true);
    expect(await page.getByTestId('fields-standard-PRIORITY').inputValue()).toBe('EDITABLE');
    expect(await page.getByTestId('fields-standard-save').count()).toBe(0);
    expect(await page.getByTestId('fields-custom-new').count()).toBe(0);
    expect(await page.getByTestId('fields-custom-edit').count()).toBe(0);
    expect(await page.getByTestId('nav-tickets').count()).toBe(1);
  });
});
