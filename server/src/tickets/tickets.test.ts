import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { restoreDefaultSettings } from '../test/default-settings.js';
import { buildContact, buildCustomer, buildTechnician } from '../test/factories.js';
import type { GraphQLTestClient } from '../test/graphql-client.js';
import { startTestPortico, type TestPortico } from '../test/harness.js';
import { untilMoreThan, watch } from '../test/live.js';
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
  afterEach(() => restoreDefaultSettings(admin));

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

  it('a contact may not set the status, whatever the value: the same answer for the current one as for any other', async () => {
    const person = await buildContact(portico);
    const client = await person.signIn();
    const ticket = await openTicketAs(client, { title: 'Status probe' });
    const answers = [];
    for (const status of ['OPEN', 'PENDING', 'RESOLVED', 'CLOSED']) answers.push(await client.errorOf(UPDATE, { input: { id: ticket.id, status } }));
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
  });

  it('with the status hidden, closing and reopening answer alike whatever the status (close unless billed, reopen unless forbidden)', async () => {
    const person = await buildContact(portico);
    const client = await person.signIn();
    const ticket = await openTicketAs(client, { title: 'Hidden status' });
    const CLOSE = 'mutation($id: ID!) { closeTicket(id: $id) { id status viewerCan { reply close reopen edit } } }';
    const REOPEN = 'mutation($id: ID!) { reopenTicket(id: $id) { id status viewerCan { reply close reopen edit } } }';
    await admin.ok('mutation($input: [StandardFieldVisibilityInput!]!) { updateStandardFieldVisibility(input: $input) { field } }', { input: [{ field: 'STATUS', visibility: 'HIDDEN' }] });
    try {
      for (const status of ['OPEN', 'PENDING', 'RESOLVED', 'CLOSED']) {
        await tech.ok(UPDATE, { input: { id: ticket.id, status } });
        expect((await client.ok(ONE, { id: ticket.id })).ticket.viewerCan, status).toEqual({ reply: true, close: true, reopen: true, edit: true });
        expect((await client.ok(CLOSE, { id: ticket.id })).closeTicket, status).toEqual({ id: ticket.id, status: null, viewerCan: { reply: true, close: true, reopen: true, edit: true } });
        expect((await tech.ok(ONE, { id: ticket.id })).ticket.status, `closed from ${status}`).toBe('CLOSED');
        await tech.ok(UPDATE, { input: { id: ticket.id, status } });
        expect((await client.ok(REOPEN, { id: ticket.id })).reopenTicket, status).toEqual({ id: ticket.id, status: null, viewerCan: { reply: true, close: true, reopen: true, edit: true } });
        // Reopening opens what is resolved or closed, and leaves an open or pending ticket as it is.
        expect((await tech.ok(ONE, { id: ticket.id })).ticket.status, `reopened from ${status}`).toBe(status === 'PENDING' ? 'PENDING' : 'OPEN');
      }
      await settings({ ticketsCannotBeReopened: true });
      try {
        const refusals = [];
        for (const status of ['OPEN', 'CLOSED']) {
          await tech.ok(UPDATE, { input: { id: ticket.id, status } });
          expect((await client.ok(ONE, { id: ticket.id })).ticket.viewerCan.reopen).toBe(false);
          refusals.push(await client.errorOf(REOPEN, { id: ticket.id }));
        }
        expect(refusals[1]).toEqual(refusals[0]);
        expect(refusals[0].extensions?.code).toBe('FORBIDDEN');
      } finally {
        await settings({ ticketsCannotBeReopened: false });
      }
    } finally {
      await admin.ok('mutation($input: [StandardFieldVisibilityInput!]!) { updateStandardFieldVisibility(input: $input) { field } }', { input: [{ field: 'STATUS', visibility: 'READ_ONLY' }] });
    }
  });

  it('with the status hidden, the status filter does not narrow a contact’s list; technicians filter by it', async () => {
    const person = await buildContact(portico);
    const client = await person.signIn();
    const ticket = await openTicketAs(client, { title: 'Filter probe' });
    await tech.ok(UPDATE, { input: { id: ticket.id, status: 'PENDING' } });
    const FILTERED = 'query($s: [TicketStatus!]) { tickets(statuses: $s) { totalCount edges { node { id } } } }';
    expect((await client.ok(FILTERED, { s: ['OPEN'] })).tickets.totalCount).toBe(0); // visible status: the filter applies
    await admin.ok('mutation($input: [StandardFieldVisibilityInput!]!) { updateStandardFieldVisibility(input: $input) { field } }', { input: [{ field: 'STATUS', visibility: 'HIDDEN' }] });
    try {
      for (const status of ['OPEN', 'PENDING', 'RESOLVED', 'CLOSED']) expect((await client.ok(FILTERED, { s: [status] })).tickets.totalCount, status).toBe(1);
      expect((await tech.ok(`query($s: [TicketStatus!], $c: ID) { tickets(statuses: $s, customerId: $c) { totalCount } }`, { s: ['OPEN'], c: person.customer.id })).tickets.totalCount).toBe(0);
    } finally {
      await admin.ok('mutation($input: [StandardFieldVisibilityInput!]!) { updateStandardFieldVisibility(input: $input) { field } }', { input: [{ field: 'STATUS', visibility: 'READ_ONLY' }] });
    }
  });

  it('activity: contacts see (and are sorted by) changes they can see; internal notes and hidden changes move only the technicians’ activity', async () => {
    const person = await buildContact(portico);
    const client = await person.signIn();
    const first = await openTicketAs(client, { title: 'First' });
    const second = await openTicketAs(client, { title: 'Second' });
    const TIMES = 'query($id: ID!) { ticket(id: $id) { lastActivityAt updatedAt } }';
    const ORDER = '{ tickets { edges { node { id } } } }';
    const order = async (c: GraphQLTestClient) => (await c.ok(ORDER)).tickets.edges.map((e: { node: { id: string } }) => e.node.id).filter((id: string) => id === first.id || id === second.id);
    const before = (await client.ok(TIMES, { id: first.id })).ticket;
    expect(await order(client)).toEqual([second.id, first.id]);

    await admin.ok('mutation($input: [StandardFieldVisibilityInput!]!) { updateStandardFieldVisibility(input: $input) { field } }', { input: [{ field: 'IMPACT', visibility: 'HIDDEN' }] });
    try {
      await tech.ok(REPLY, { input: { ticketId: first.id, body: 'note to self', isInternal: true } });
      await tech.ok(UPDATE, { input: { id: first.id, impact: 'HIGH' } });
      expect((await client.ok(TIMES, { id: first.id })).ticket).toEqual(before);
      expect(await order(client)).toEqual([second.id, first.id]);
      const staffSees = (await tech.ok(TIMES, { id: first.id })).ticket;
      expect(Date.parse(staffSees.lastActivityAt)).toBeGreaterThan(Date.parse(before.lastActivityAt));
      expect(await order(tech)).toEqual([first.id, second.id]);

      // A change the contact can see moves its activity and the order.
      await tech.ok(UPDATE, { input: { id: first.id, title: 'First, renamed' } });
      const after = (await client.ok(TIMES, { id: first.id })).ticket;
      expect(Date.parse(after.lastActivityAt)).toBeGreaterThan(Date.parse(before.lastActivityAt));
      expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));
      expect(await order(client)).toEqual([first.id, second.id]);
    } finally {
      await admin.ok('mutation($input: [StandardFieldVisibilityInput!]!) { updateStandardFieldVisibility(input: $input) { field } }', { input: [{ field: 'IMPACT', visibility: 'READ_ONLY' }] });
    }
  });

  it('manual ticket creation switched off: contacts keep opening tickets while no assistant exists, and the portal is told so', async () => {
    const person = await buildContact(portico);
    const client = await person.signIn();
    await settings({ manualTicketCreationDisabled: true, aiAssistantEnabled: true, ticketCreationAssistantEnabled: true });
    try {
      const ticket = await openTicketAs(client, { title: 'Still reaching support' });
      expect(ticket.title).toBe('Still reaching support');
      const { portalSettings } = await client.ok('{ portalSettings { ... on ContactPortalSettings { manualTicketCreationDisabled aiAssistantEnabled } } }');
      expect(portalSettings).toEqual({ manualTicketCreationDisabled: false, aiAssistantEnabled: false });
    } finally {
      await settings({ manualTicketCreationDisabled: false, aiAssistantEnabled: false, ticketCreationAssistantEnabled: false });
    }
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
    const before = portico.liveSubscriptions('TICKET_CHANGED');
    const live = watch<{ id: string; title: string }>(watcherClient, 'subscription { ticketChanged { id title latestComment { body } } }');
    const received = live.received;
    await untilMoreThan(portico, 'TICKET_CHANGED', before); // the subscription is in place
    await tech.ok(REPLY, { input: { ticketId: theirs.id, body: 'for the other customer' } });
    await tech.ok(REPLY, { input: { ticketId: mine.id, body: 'for you' } });
    // Deliveries keep their order: once the second event is here, the first was judged and dropped.
    expect((await live.next()).id).toBe(mine.id);
    expect(received.map((t) => t.id)).toEqual([mine.id]);

    // Signed out everywhere: the open subscription ends and gets nothing more.
    await watcherClient.ok('mutation { signOutEverywhere }');
    await live.completed;
    await tech.ok(REPLY, { input: { ticketId: mine.id, body: 'after sign-out' } });
    expect(received).toHaveLength(1);
    await live.dispose();
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
