import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContact, buildCustomer } from '../test/factories.js';
import type { GraphQLTestClient } from '../test/graphql-client.js';
import { startTestPortico, type TestPortico } from '../test/harness.js';
import { openTicketAs } from '../test/ticket-factories.js';

/**
 * The ticket lists are hot paths (bench/ticket-list.ts measures their speed): their SQL must not
 * grow with the page. Counted, not timed: the statements the server sends while serving one request
 * (the ORM's and the read paths', db/reads.ts).
 */
describe('ticket list statements', () => {
  let portico: TestPortico;
  let recording = false;
  const statements: string[] = [];
  let primary: GraphQLTestClient;
  let other: GraphQLTestClient;
  let admin: GraphQLTestClient;

  // The portal's own list (portal-client/src/routes/tickets.tsx), its count included.
  const PORTAL = `query($first: Int!, $after: String) { tickets(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id number title status lastActivityAt contact { id name } latestComment { id body authorName authorKind createdAt } } } } }`;
  const CONSOLE = `query($first: Int!) { tickets(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id number title status priority isBilled requesterEmail lastActivityAt customer { id name } contact { id name email } technician { id name } } } } }`;

  async function counted<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    statements.length = 0;
    recording = true;
    try {
      return { result: await work(), statements: [...statements] };
    } finally {
      recording = false;
    }
  }

  beforeAll(async () => {
    portico = await startTestPortico({
      // 120 writes in a few seconds: more than one contact's API budget, which is not what is measured here.
      limits: { budget: { staff: 1e9, person: 1e9, anonymous: 1e9 } },
      // Data statements only; background work (job workers polling) is not part of the request.
      onQuery: (sql) => void (recording && /(select|insert|update|delete) /i.test(sql) && !/outbox_messages|graphile_worker/.test(sql) && statements.push(sql)),
    });
    const customer = await buildCustomer(portico);
    const primaryContact = await buildContact(portico, { customer, isPrimary: true });
    const otherContact = await buildContact(portico, { customer });
    primary = await primaryContact.signIn();
    other = await otherContact.signIn();
    admin = await portico.admin();
    for (let i = 0; i < 30; i++) {
      const ticket = await openTicketAs(i % 2 ? other : primary, { title: `Ticket ${i}` });
      await admin.ok('mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { id } }', { input: { ticketId: ticket.id, body: `Reply ${i}` } });
      // An internal note after the reply: contacts' latest comment stays the reply, technicians' is the note.
      await admin.ok('mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { id } }', { input: { ticketId: ticket.id, body: `Note ${i}`, isInternal: true } });
    }
    await primary.ok(PORTAL, { first: 25 }); // warm-up: prepared statements exist on some connections
  });
  afterAll(() => portico.stop());

  it.each([1, 25, 100])('portal list of %i: 2 statements (caller + settings, then the page with names, latest comments and the count)', async (first) => {
    const { result, statements: sent } = await counted(() => primary.ok(PORTAL, { first }));
    expect(sent, sent.join('\n')).toHaveLength(2);
    const edges = result.tickets.edges;
    expect(edges).toHaveLength(Math.min(first, 30));
    expect(result.tickets.totalCount).toBe(30);
    expect(edges[0].node).toMatchObject({ title: 'Ticket 29', latestComment: { body: 'Reply 29', authorKind: 'technician' } });
    expect(edges[0].node.latestComment.authorName).toBeTruthy();
    expect(edges[0].node.contact.name).toBeTruthy();
  });

  it('a non-primary contact: 2 statements, only its own tickets', async () => {
    const { result, statements: sent } = await counted(() => other.ok(PORTAL, { first: 25 }));
    expect(sent, sent.join('\n')).toHaveLength(2);
    expect(result.tickets.edges).toHaveLength(15);
    expect(result.tickets.totalCount).toBe(15);
    expect(result.tickets.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual(Array.from({ length: 15 }, (_, i) => `Ticket ${29 - 2 * i}`));
  });

  it('the next page through the cursor: 2 statements, no ticket twice or missed', async () => {
    const first = await primary.ok(PORTAL, { first: 20 });
    const { result, statements: sent } = await counted(() => primary.ok(PORTAL, { first: 20, after: first.tickets.pageInfo.endCursor }));
    expect(sent).toHaveLength(2);
    expect(result.tickets.totalCount).toBe(30); // the whole list, not what follows the cursor
    const titles = [...first.tickets.edges, ...result.tickets.edges].map((e: { node: { title: string } }) => e.node.title);
    expect(titles).toEqual(Array.from({ length: 30 }, (_, i) => `Ticket ${29 - i}`));
    expect(result.tickets.pageInfo.hasNextPage).toBe(false);
    // Times as the DateTime scalar prints a Date, newest first, and the same as a write's answer (an entity) shows.
    const times = [...first.tickets.edges, ...result.tickets.edges].map((e: { node: { lastActivityAt: string } }) => e.node.lastActivityAt);
    expect(times.every((t) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(t))).toBe(true);
    expect([...times].sort().reverse()).toEqual(times);
    const { updateTicket } = await primary.ok('mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { id lastActivityAt } }', { input: { id: result.tickets.edges[0].node.id } });
    const { ticket } = await primary.ok('query($id: ID!) { ticket(id: $id) { lastActivityAt } }', { id: updateTicket.id });
    expect(ticket.lastActivityAt).toBe(updateTicket.lastActivityAt);
  });

  it.each([25, 100])('console list of %i as a technician: at most 3 statements, internal notes included', async (first) => {
    const { result, statements: sent } = await counted(() => admin.ok(CONSOLE, { first }));
    expect(sent.length, sent.join('\n')).toBeLessThanOrEqual(3);
    const ours = result.tickets.edges.filter((e: { node: { title: string } }) => /^Ticket \d+$/.test(e.node.title));
    expect(ours.length).toBeGreaterThan(0);
    expect(ours[0].node.customer.name).toBeTruthy();
    expect(ours[0].node.contact.email).toMatch(/@/);
    const { ticket } = await admin.ok('query($id: ID!) { ticket(id: $id) { latestComment { body } } }', { id: ours[0].node.id });
    expect(ticket.latestComment.body).toMatch(/^Note /);
  });
});
