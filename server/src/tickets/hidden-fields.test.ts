import { getNamedType, isObjectType, type GraphQLNamedType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPorticoSchema } from '../graphql/schema.js';
import { buildContact, buildTechnician } from '../test/factories.js';
import type { GraphQLTestClient } from '../test/graphql-client.js';
import { startTestPortico, type TestPortico } from '../test/harness.js';
import { openTicketAs } from '../test/ticket-factories.js';

/** Everything a Ticket can expose, nested, so a leak anywhere in the type shows up. */
const TICKET_FIELDS = `id number title description status priority type impact dueDate isBilled source lastActivityAt createdAt updatedAt requesterEmail
  technician { id name email username }
  customer { id name } contact { id name }
  followUpOf { id title description priority }
  comments { body isInternal authorName authorKind }
  latestComment { body }
  statusHistory { fromStatus toStatus actorName }
  customFields { field { id label } value }
  viewerCan { reply close reopen edit }`;

const SECRET_DESCRIPTION = 'SECRET-DESCRIPTION-4711';
const SECRET_CUSTOM = 'SECRET-CUSTOM-0815';
const SECRET_DUE = '2031-07-04';

/**
 * Every root field whose result contains tickets, and how to call it as a contact. The test fails
 * when the schema grows a ticket-returning root field that is not walked here.
 */
type Walk = (client: GraphQLTestClient, ticket: { id: string; number: number }) => Promise<unknown>;

describe('hidden ticket fields never reach a contact', () => {
  let portico: TestPortico;
  let admin: GraphQLTestClient;
  let contactClient: GraphQLTestClient;
  let ticket: { id: string; number: number };
  let secretTechName: string;

  beforeAll(async () => {
    portico = await startTestPortico();
    admin = await portico.admin();
    const tech = await buildTechnician(portico);
    secretTechName = tech.technician.name;
    const { createTicketField } = await admin.ok('mutation { createTicketField(input: { label: "Internal cost centre", kind: TEXT, visibility: HIDDEN }) { id } }');
    const person = await buildContact(portico);
    contactClient = await person.signIn();
    ticket = await openTicketAs(contactClient, { title: 'Visible title', description: SECRET_DESCRIPTION });
    await admin.ok('mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { id } }', {
      input: { id: ticket.id, priority: 'URGENT', impact: 'HIGH', type: 'PROBLEM', technicianId: tech.technician.id, dueDate: SECRET_DUE, status: 'PENDING', customFields: [{ fieldId: createTicketField.id, value: SECRET_CUSTOM }] },
    });
    await admin.ok('mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { id } }', { input: { ticketId: ticket.id, body: 'SECRET-NOTE internal', isInternal: true } });
    await admin.ok('mutation($input: [StandardFieldVisibilityInput!]!) { updateStandardFieldVisibility(input: $input) { field } }', {
      input: ['DESCRIPTION', 'STATUS', 'PRIORITY', 'TYPE', 'IMPACT', 'TECHNICIAN', 'DUE_DATE'].map((field) => ({ field, visibility: 'HIDDEN' })),
    });
  });
  afterAll(() => portico.stop());

  const walks: Record<string, Walk> = {
    'Query.tickets': (c) => c.ok(`{ tickets { edges { node { ${TICKET_FIELDS} } } } }`),
    'Query.ticket': (c, t) => c.ok(`query($id: ID!) { ticket(id: $id) { ${TICKET_FIELDS} } }`, { id: t.id }),
    'Query.ticketByNumber': (c, t) => c.ok(`query($n: Int!) { ticketByNumber(number: $n) { ${TICKET_FIELDS} } }`, { n: t.number }),
    'Query.ticketFields': (c) => c.ok('{ ticketFields { id label } }'),
    'Mutation.openTicket': (c, t) => c.ok(`mutation($input: OpenTicketInput!) { openTicket(input: $input) { ${TICKET_FIELDS} } }`, { input: { title: 'Follow-up', followUpOfId: t.id } }),
    'Mutation.updateTicket': (c, t) => c.ok(`mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { ${TICKET_FIELDS} } }`, { input: { id: t.id, title: 'Visible title' } }),
    'Mutation.addTicketComment': (c, t) => c.ok('mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { body authorName } }', { input: { ticketId: t.id, body: 'A public reply' } }),
    'Mutation.closeTicket': (c, t) => c.ok(`mutation($id: ID!) { closeTicket(id: $id) { ${TICKET_FIELDS} } }`, { id: t.id }),
    'Mutation.reopenTicket': (c, t) => c.ok(`mutation($id: ID!) { reopenTicket(id: $id) { ${TICKET_FIELDS} } }`, { id: t.id }),
    'Subscription.ticketChanged': async (c, t) => {
      const ws = c.websocket();
      const received = new Promise<unknown>((resolve, reject) =>
        ws.subscribe({ query: `subscription($id: ID) { ticketChanged(ticketId: $id) { ${TICKET_FIELDS} } }`, variables: { id: t.id } }, { next: resolve, error: reject, complete: () => undefined }),
      );
      await new Promise<void>((resolve) => ws.on('connected', () => resolve()));
      await new Promise((r) => setTimeout(r, 150));
      await admin.ok('mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { id } }', { input: { ticketId: t.id, body: 'Technician reply' } });
      const result = await received;
      await ws.dispose();
      return result;
    },
  };

  it('walks every ticket-returning root field of the schema', async () => {
    const schema = await buildPorticoSchema();
    const containsTicket = (type: GraphQLNamedType, seen = new Set<string>()): boolean => {
      if (type.name === 'Ticket' || type.name === 'TicketField' || type.name === 'TicketComment') return true;
      if (!isObjectType(type) || seen.has(type.name) || type.name === 'Customer' || type.name === 'Contact') return false;
      seen.add(type.name);
      return Object.values(type.getFields()).some((f) => containsTicket(getNamedType(f.type), seen));
    };
    const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((root) =>
      Object.values(root!.getFields()).filter((f) => containsTicket(getNamedType(f.type))).map((f) => `${root!.name}.${f.name}`),
    );
    const staffOnly = new Set(['Mutation.createTicketField', 'Mutation.updateTicketField']);
    expect(roots.filter((r) => !staffOnly.has(r)).sort()).toEqual(Object.keys(walks).sort());
  });

  it('masks hidden values on every path, and leaks no secret value anywhere', async () => {
    for (const [path, walk] of Object.entries(walks)) {
      const text = JSON.stringify(await walk(contactClient, ticket));
      for (const secret of [SECRET_DESCRIPTION, SECRET_CUSTOM, SECRET_DUE, 'SECRET-NOTE', 'URGENT', 'PROBLEM', secretTechName, 'Internal cost centre']) {
        expect(text, `${path} leaks ${secret}`).not.toContain(secret);
      }
      expect(text, `${path} status`).not.toMatch(/"status":"(PENDING|OPEN|CLOSED|RESOLVED)"/);
    }
  });

  it('searching does not look into hidden fields', async () => {
    const found = await contactClient.ok('query($s: String) { tickets(search: $s) { totalCount } }', { s: SECRET_DESCRIPTION });
    expect(found.tickets.totalCount).toBe(0);
    const staff = await admin.ok('query($s: String) { tickets(search: $s) { totalCount } }', { s: SECRET_DESCRIPTION });
    expect(staff.tickets.totalCount).toBe(1);
  });

  it('a field made visible again shows on the next request, without a new sign-in', async () => {
    await admin.ok('mutation($input: [StandardFieldVisibilityInput!]!) { updateStandardFieldVisibility(input: $input) { field } }', { input: [{ field: 'DESCRIPTION', visibility: 'READ_ONLY' }] });
    const { ticket: seen } = await contactClient.ok('query($id: ID!) { ticket(id: $id) { description } }', { id: ticket.id });
    expect(seen.description).toBe(SECRET_DESCRIPTION);
    const hiddenTitle = await admin.errorOf('mutation($input: [StandardFieldVisibilityInput!]!) { updateStandardFieldVisibility(input: $input) { field } }', { input: [{ field: 'TITLE', visibility: 'HIDDEN' }] });
    expect(hiddenTitle.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
