import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContact, buildCustomer, buildTechnician } from '../test/factories.js';
import type { GraphQLTestClient } from '../test/graphql-client.js';
import { startTestPortico, type TestPortico } from '../test/harness.js';
import { openTicketAs } from '../test/ticket-factories.js';
import { Ticket } from './ticket.entity.js';

const ONE = 'query($id: ID!) { ticket(id: $id) { id number title status isBilled viewerCan { reply close reopen edit } comments { body isInternal authorName } } }';
const LIST = 'query($scope: TicketListScope, $search: String) { tickets(scope: $scope, search: $search) { totalCount edges { node { id title latestComment { body } } } } }';
const REPLY = 'mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { id body } }';
const UPDATE = 'mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { id title status priority isBilled } }';
const SETTINGS = '{ portalSettings { ... on PortalSettings { version } } }';
const UPDATE_SETTINGS = 'mutation($input: UpdatePortalSettingsInput!) { updatePortalSettings(input: $input) { version } }';

describe('tickets: who sees and does what', () => {
  let portico: TestPortico;
  let admin: GraphQLTestClient;
  let tech: GraphQLTestClient;
  const settings = async (input: Record<string, unknown>) => {
    const { portalSettings } = await admin.ok(SETTINGS);
    await admin.ok(UPDATE_SETTINGS, { input: { version: portalSettings.version, ...input } });
  };

  beforeAll(async () => {
    portico = await startTestPortico();
    admin = await portico.admin();
    tech = await (await buildTechnician(portico)).signIn();
  });
  afterAll(() => portico.stop());

  it('a contact opens a ticket for itself with a human number; technicians see it', async () => {
    const person = await buildContact(portico);
    const client = await person.signIn();
    const first = await openTicketAs(client, { title: 'Printer on fire', description: 'Smoke everywhere', priority: 'URGENT' });
    const second = await openTicketAs(client, { title: 'Second one' });
    expect(first.number).toBeGreaterThanOrEqual(1000);
    expect(second.number).toBe(first.number + 1);
    expect(first.status).toBe('OPEN');
    const { ticket } = await tech.ok('query($id: ID!) { ticket(id: $id) { title description priority source customer { id } contact { id } statusHistory { fromStatus toStatus actorName } } }', { id: first.id });
    expect(ticket).toMatchObject({ title: 'Printer on fire', description: 'Smoke everywhere', priority: 'URGENT', source: 'PORTAL', customer: { id: person.customer.id }, contact: { id: person.contact.id } });
    expect(ticket.statusHistory).toEqual([{ fromStatus: null, toStatus: 'OPEN', actorName: person.contact.name }]);
  });

  it('own / primary / colleague / other customer: the permission matrix', async () => {
    const customer = await buildCustomer(portico);
    const owner = await buildContact(portico, { customer });
    const primary = await buildContact(portico, { customer, isPrimary: true });
    const colleague = await buildContact(portico, { customer });
    const stranger = await buildContact(portico);
    const ownerClient = await owner.signIn();
    const ticket = await openTicketAs(ownerClient, { title: `Matrix ${Date.now()}` });

    expect((await ownerClient.ok(ONE, { id: ticket.id })).ticket.id).toBe(ticket.id);
    const primaryClient = await primary.signIn();
    expect((await primaryClient.ok(ONE, { id: ticket.id })).ticket.id).toBe(ticket.id);
    const company = (await primaryClient.ok(LIST, { scope: 'COMPANY' })).tickets;
    expect(company.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(ticket.id);
    expect((await primaryClient.ok(LIST, { scope: 'MINE' })).tickets.totalCount).toBe(0);

    const missing = await ownerClient.errorOf(ONE, { id: '00000000-0000-4000-8000-000000000000' });
    expect(missing.extensions?.code).toBe('NOT_FOUND');
    const colleagueClient = await colleague.signIn();
    expect(await colleagueClient.errorOf(ONE, { id: ticket.id })).toEqual(missing);
    expect((await colleagueClient.ok(LIST, {})).tickets.totalCount).toBe(0);
    const strangerClient = await stranger.signIn();
    expect(await strangerClient.errorOf(ONE, { id: ticket.id })).toEqual(missing);
    const replyDenied = await strangerClient.errorOf(REPLY, { input: { ticketId: ticket.id, body: 'let me in' } });
    expect({ message: replyDenied.message, extensions: replyDenied.extensions }).toEqual({ message: missing.message, extensions: missing.extensions });
  });

  it('tickets in a status not shown in the portal are invisible to contacts, not to technicians', async () => {
    const person = await buildContact(portico);
    const client = await person.signIn();
    const ticket = await openTicketAs(client, { title: 'Soon hidden' });
    await tech.ok(UPDATE, { input: { id: ticket.id, status: 'PENDING' } });
    await settings({ visibleTicketStatuses: ['OPEN', 'RESOLVED', 'CLOSED'] });
    try {
      expect((await client.errorOf(ONE, { id: ticket.id })).extensions?.code).toBe('NOT_FOUND');
      expect((await client.ok(LIST, {})).tickets.totalCount).toBe(0);
      expect((await tech.ok(ONE, { id: ticket.id })).ticket.status).toBe('PENDING');
    } finally {
      await settings({ visibleTicketStatuses: ['OPEN', 'PENDING', 'RESOLVED', 'CLOSED'] });
    }
  });

  it('internal notes never reach contacts', async () => {
    const person = await buildContact(portico);
    const client = await person.signIn();
    const ticket = await openTicketAs(client, { title: 'Notes' });
    await tech.ok(REPLY, { input: { ticketId: ticket.id, body: 'Customer seems confused', isInternal: true } });
    await tech.ok(REPLY, { input: { ticketId: ticket.id, body: 'We are on it' } });
    const seen = (await client.ok(ONE, { id: ticket.id })).ticket.comments;
    expect(seen.map((c: { body: string }) => c.body)).toEqual(['We are on it']);
    const latest = (await client.ok(LIST, {})).tickets.edges[0].node.latestComment;
    expect(latest.body).toBe('We are on it');
    expect((await tech.ok(ONE, { id: ticket.id })).ticket.comments).toHaveLength(2);
    expect((await client.errorOf(REPLY, { input: { ticketId: ticket.id, body: 'sneaky', isInternal: true } })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'isInternal' });
  });

  it('billed tickets are read-only for contacts, who may open a linked follow-up', async () => {
    const person = await buildContact(portico);
    const client = await person.signIn();
    const ticket = await openTicketAs(client, { title: 'Billed one' });
    await tech.ok(UPDATE, { input: { id: ticket.id, isBilled: true } });
    const view = (await client.ok(ONE, { id: ticket.id })).ticket;
    expect(view.viewerCan).toEqual({ reply: false, close: false, reopen: false, edit: false });
    const before = await portico.orm.em.fork().findOneOrFail(Ticket, ticket.id);
    for (const [query, variables] of [
      [REPLY, { input: { ticketId: ticket.id, body: 'more' } }],
      [UPDATE, { input: { id: ticket.id, title: 'changed' } }],
      ['mutation($id: ID!) { closeTicket(id: $id) { id } }', { id: ticket.id }],
    ] as const) {
      const error = await client.errorOf(query, variables);
      expect(error.extensions?.code).toBe('FORBIDDEN');
      expect(error.message).toContain('billed');
    }
    const after = await portico.orm.em.fork().findOneOrFail(Ticket, ticket.id);
    expect(after.title).toBe(before.title);
    const followUp = await openTicketAs(client, { title: 'Follow-up', followUpOfId: ticket.id });
    const { ticket: linked } = await client.ok('query($id: ID!) { ticket(id: $id) { followUpOf { id number } } }', { id: followUp.id });
    expect(linked.followUpOf).toEqual({ id: ticket.id, number: ticket.number });
  });

  it('closing and the reopen rule', async () => {
    const person = await buildContact(portico);
    const client = await person.signIn();
    const ticket = await openTicketAs(client, { title: 'Close me' });
    expect((await client.ok('mutation($id: ID!) { closeTicket(id: $id) { status } }', { id: ticket.id })).closeTicket.status).toBe('CLOSED');
    expect((await client.ok('mutation($id: ID!) { reopenTicket(id: $id) { status } }', { id: ticket.id })).reopenTicket.status).toBe('OPEN');
    await client.ok('mutation($id: ID!) { closeTicket(id: $id) { status } }', { id: ticket.id });
    await settings({ ticketsCannotBeReopened: true });
    try {
      expect((await client.ok(ONE, { id: ticket.id })).ticket.viewerCan.reopen).toBe(false);
      expect((await client.errorOf('mutation($id: ID!) { reopenTicket(id: $id) { status } }', { id: ticket.id })).extensions?.code).toBe('FORBIDDEN');
      expect((await tech.ok('mutation($id: ID!) { reopenTicket(id: $id) { status } }', { id: ticket.id })).reopenTicket.status).toBe('OPEN');
    } finally {
      await settings({ ticketsCannotBeReopened: false });
    }
  });

  it('bad input changes nothing; contacts cannot set staff-only fields', async () => {
    const person = await buildContact(portico);
    const client = await person.signIn();
    const count = await portico.orm.em.fork().count(Ticket, {});
    expect((await client.errorOf('mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }', { input: { title: '  ' } })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    expect((await client.errorOf('mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }', { input: { title: 'x', impact: 'HIGH' } })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'impact' });
    expect((await client.errorOf('mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }', { input: { title: 'x', customerId: person.customer.id } })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'customerId' });
    expect(await portico.orm.em.fork().count(Ticket, {})).toBe(count);
    const ticket = await openTicketAs(client, { title: 'Mine' });
    expect((await client.errorOf(UPDATE, { input: { id: ticket.id, isBilled: true } })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'isBilled' });
    expect((await client.errorOf(UPDATE, { input: { id: ticket.id, status: 'RESOLVED' } })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
    expect((await tech.errorOf(UPDATE, { input: { id: ticket.id, dueDate: '2026-13-45' } })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dueDate' });
  });

  it('a technician detaches the contact; the ticket stays with the customer and leaves the contact’s list', async () => {
    const person = await buildContact(portico);
    const client = await person.signIn();
    const ticket = await openTicketAs(client, { title: 'Wrong requester' });
    expect((await client.errorOf(UPDATE, { input: { id: ticket.id, detachContact: true } })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'detachContact' });
    await tech.ok(UPDATE, { input: { id: ticket.id, detachContact: true } });
    const { ticket: seen } = await tech.ok('query($id: ID!) { ticket(id: $id) { contact { id } customer { id } } }', { id: ticket.id });
    expect(seen).toEqual({ contact: null, customer: { id: person.customer.id } });
    expect((await client.errorOf(ONE, { id: ticket.id })).extensions?.code).toBe('NOT_FOUND');
  });

  it('live updates reach only callers who may see the ticket, checked at delivery', async () => {
    const watcher = await buildContact(portico);
    const watcherClient = await watcher.signIn();
    const mine = await openTicketAs(watcherClient, { title: 'Watch me' });
    const theirs = await openTicketAs(await (await buildContact(portico)).signIn(), { title: 'Not yours' });
    const ws = watcherClient.websocket();
    const received: Array<{ id: string; title: string }> = [];
    const first = new Promise<void>((resolve, reject) =>
      ws.subscribe({ query: 'subscription { ticketChanged { id title latestComment { body } } }' }, {
        next: (value) => { received.push((value.data as { ticketChanged: { id: string; title: string } }).ticketChanged); resolve(); },
        error: reject, complete: () => undefined,
      }),
    );
    await new Promise<void>((resolve) => ws.on('connected', () => resolve()));
    await new Promise((r) => setTimeout(r, 150));
    await tech.ok(REPLY, { input: { ticketId: theirs.id, body: 'for the other customer' } });
    await tech.ok(REPLY, { input: { ticketId: mine.id, body: 'for you' } });
    await first;
    await new Promise((r) => setTimeout(r, 300));
    expect(received.map((t) => t.id)).toEqual([mine.id]);

    // Signed out everywhere: the open subscription gets nothing more.
    await watcherClient.ok('mutation { signOutEverywhere }');
    await tech.ok(REPLY, { input: { ticketId: mine.id, body: 'after sign-out' } });
    await new Promise((r) => setTimeout(r, 500));
    expect(received).toHaveLength(1);
    await ws.dispose();
  });

  it('technicians filter and search; no session is UNAUTHENTICATED; Ticketing off is FORBIDDEN for contacts', async () => {
    const person = await buildContact(portico);
    const client = await person.signIn();
    const ticket = await openTicketAs(client, { title: 'Searchable zebra' });
    const found = (await tech.ok(LIST, { search: 'ZEBRA' })).tickets;
    expect(found.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(ticket.id);
    expect((await tech.ok(LIST, { search: `#${ticket.number}` })).tickets.edges[0].node.id).toBe(ticket.id);
    expect((await portico.anonymous().errorOf(LIST, {})).extensions?.code).toBe('UNAUTHENTICATED');
    await settings({ sectionScopes: [{ section: 'TICKETING', mode: 'OFF' }] });
    try {
      expect((await client.errorOf(LIST, {})).extensions?.code).toBe('FORBIDDEN');
      expect((await client.errorOf(ONE, { id: ticket.id })).extensions?.code).toBe('FORBIDDEN');
      expect((await tech.ok(LIST, {})).tickets.totalCount).toBeGreaterThan(0);
    } finally {
      await settings({ sectionScopes: [{ section: 'TICKETING', mode: 'ALL_CUSTOMERS' }] });
    }
  });
});
