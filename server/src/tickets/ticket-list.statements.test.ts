import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContact } from '../test/factories.js';
import { startTestPortico, type TestPortico } from '../test/harness.js';
import { openTicketAs } from '../test/ticket-factories.js';

/**
 * The portal ticket list is a hot path (see bench/ticket-list.ts for its speed): its SQL must not
 * grow with the page. Counted, not timed: statements the ORM sends while serving one request.
 */
describe('portal ticket list', () => {
  let portico: TestPortico;
  let recording = false;
  const statements: string[] = [];

  beforeAll(async () => {
    portico = await startTestPortico({
      // 60 writes in a few seconds: more than one contact's API budget, which is not what is measured here.
      limits: { budget: { staff: 1e9, person: 1e9, anonymous: 1e9 } },
      // Data statements only; background work (the outbox worker's poll and its transaction) is not part of the request.
      onQuery: (sql) => void (recording && /(select|insert|update|delete) /i.test(sql) && !sql.includes('outbox_messages') && statements.push(sql)),
    });
  });
  afterAll(() => portico.stop());

  it('serves 25 tickets with their latest comments in a fixed, small number of statements', async () => {
    const person = await buildContact(portico);
    const client = await person.signIn();
    const admin = await portico.admin();
    for (let i = 0; i < 30; i++) {
      const ticket = await openTicketAs(client, { title: `Ticket ${i}` });
      await admin.ok('mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { id } }', { input: { ticketId: ticket.id, body: `Reply ${i}` } });
    }
    const query = '{ tickets(first: 25) { edges { node { id number title status priority lastActivityAt latestComment { body createdAt } } } pageInfo { hasNextPage endCursor } } }';
    await client.ok(query); // warm-up

    statements.length = 0;
    recording = true;
    const { tickets } = await client.ok(query);
    recording = false;

    expect(tickets.edges).toHaveLength(25);
    expect(tickets.edges[0].node.latestComment.body).toBe('Reply 29');
    // session + settings + tickets page + latest comments (one DISTINCT ON query for the page).
    expect(statements, statements.join('\n')).toHaveLength(4);
  });
});
