import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContact } from '../test/factories.js';
import { startTestPortico, type TestPortico } from '../test/harness.js';
import { openTicketAs } from '../test/ticket-factories.js';
import { COMPILE_AFTER } from './compiled-execution.js';

/**
 * Hot queries run compiled (graphql-jit): the answers, the masks and the error codes must be those
 * of graphql-js, before and after a document gets compiled.
 */
describe('compiled execution', () => {
  let portico: TestPortico;

  beforeAll(async () => {
    portico = await startTestPortico({ limits: { budget: { staff: 1e9, person: 1e9, anonymous: 1e9 } } });
  });
  afterAll(() => portico.stop());

  it('answers alike before and after the query is compiled: data, hidden fields, errors and their codes', async () => {
    const person = await buildContact(portico);
    const client = await person.signIn();
    const ticket = await openTicketAs(client, { title: 'Compiled or not' });
    const query = `query Same($id: ID!) {
      ticket(id: $id) { id title status priority technician { id } latestComment { id } viewerCan { reply close } }
      tickets(first: 5) { pageInfo { hasNextPage } edges { node { id title lastActivityAt } } }
    }`;
    const failing = 'query Missing($id: ID!) { ticket(id: $id) { id title } }';
    const answers = [];
    const refusals = [];
    for (let i = 0; i < COMPILE_AFTER + 3; i++) {
      answers.push(await client.request(query, { id: ticket.id }));
      refusals.push(await client.request(failing, { id: '00000000-0000-4000-8000-000000000000' }));
    }
    // The whole answer (data, masks, and for a refusal: data null, the code, path, locations and the
    // translated message) is the same on every run, compiled or not.
    for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
    for (const refusal of refusals.slice(1)) expect(refusal).toEqual(refusals[0]);
    expect(answers[0].data?.ticket).toMatchObject({ id: ticket.id, title: 'Compiled or not', technician: null, latestComment: null, viewerCan: { reply: true, close: true } });
    expect(refusals[0]).toEqual({ data: null, errors: [{ message: expect.any(String), locations: [{ line: 1, column: 27 }], path: ['ticket'], extensions: { code: 'NOT_FOUND' } }] });

    const list = 'query Mine { tickets(first: 5) { edges { node { id title status } } } }';
    const lists = [];
    for (let i = 0; i < COMPILE_AFTER + 2; i++) lists.push(await client.ok(list));
    for (const answer of lists) expect(answer).toEqual({ tickets: { edges: [{ node: { id: ticket.id, title: 'Compiled or not', status: 'OPEN' } }] } });
  });

  it('a bad variable is refused alike on every run', async () => {
    const client = await (await buildContact(portico)).signIn();
    const query = 'query Page($first: Int!) { tickets(first: $first) { edges { node { id } } } }';
    for (let i = 0; i < COMPILE_AFTER + 2; i++) {
      expect((await client.errorOf(query, { first: 1000 })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      expect((await client.ok(query, { first: 2 })).tickets.edges).toEqual([]);
    }
  });
});
