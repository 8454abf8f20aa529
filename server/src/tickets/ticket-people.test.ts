import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContact, buildCustomer, buildTechnician } from '../test/factories.js';
import type { GraphQLTestClient } from '../test/graphql-client.js';
import { startTestPortico, type TestPortico } from '../test/harness.js';
import { openTicketAs } from '../test/ticket-factories.js';

/** Every field of the two person types, so a field added later is covered by the "only id and name" rule. */
const TECHNICIAN = 'id name email username role language lastSignInAt createdAt updatedAt';
const CONTACT = 'id name email username language isPrimary phone lastSignInAt credentialsIssuedAt createdAt updatedAt customer { id name }';
const TICKET = `query($id: ID!) { ticket(id: $id) { technician { ${TECHNICIAN} } contact { ${CONTACT} } comments { authorName authorKind } } }`;

/** The fields of an object other than id and name (and __typename) that carry a value. */
const detailsOf = (person: Record<string, unknown>) => Object.entries(person).filter(([key, value]) => !['id', 'name', '__typename'].includes(key) && value !== null);

describe('the people on a ticket: contacts see names, not details', () => {
  let portico: TestPortico;
  let admin: GraphQLTestClient;
  let tech: Awaited<ReturnType<typeof buildTechnician>>;

  beforeAll(async () => {
    portico = await startTestPortico();
    admin = await portico.admin();
    tech = await buildTechnician(portico);
    await (await tech.signIn()).ok('{ me { __typename } }'); // a last sign-in to hide
  });
  afterAll(() => portico.stop());

  it('a contact sees the assigned technician’s id and name only; technicians see everything', async () => {
    const person = await buildContact(portico);
    const client = await person.signIn();
    const ticket = await openTicketAs(client, { title: 'Who works on this?' });
    await admin.ok('mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { id } }', { input: { id: ticket.id, technicianId: tech.technician.id } });
    await (await tech.signIn()).ok('mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { id } }', { input: { ticketId: ticket.id, body: 'On it', isInternal: true } });

    const seen = (await client.ok(TICKET, { id: ticket.id })).ticket;
    expect(seen.technician).toMatchObject({ id: tech.technician.id, name: tech.technician.name });
    expect(detailsOf(seen.technician)).toEqual([]);
    const text = JSON.stringify(seen);
    for (const secret of [tech.technician.email, tech.username, 'TECHNICIAN']) expect(text).not.toContain(secret);

    const staff = (await admin.ok(TICKET, { id: ticket.id })).ticket;
    expect(staff.technician).toMatchObject({ email: tech.technician.email, username: tech.username, role: 'TECHNICIAN' });
    expect(staff.technician.lastSignInAt).not.toBeNull();
    expect(staff.technician.createdAt).not.toBeNull();
  });

  it('a primary contact sees a colleague’s id and name on the colleague’s ticket, its own full record on its own', async () => {
    const customer = await buildCustomer(portico);
    const primary = await buildContact(portico, { customer, isPrimary: true });
    const colleague = await buildContact(portico, { customer });
    const colleagueClient = await colleague.signIn(); // a last sign-in to hide
    const theirs = await openTicketAs(colleagueClient, { title: 'Colleague’s ticket' });
    await colleagueClient.ok('mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { id } }', { input: { ticketId: theirs.id, body: 'More details' } });
    const primaryClient = await primary.signIn();

    const seen = (await primaryClient.ok(TICKET, { id: theirs.id })).ticket;
    expect(seen.contact).toMatchObject({ id: colleague.contact.id, name: colleague.contact.name });
    expect(detailsOf(seen.contact)).toEqual([]);
    const text = JSON.stringify(seen);
    for (const secret of [colleague.contact.email, colleague.username]) expect(text).not.toContain(secret);
    // Comment authors stay names.
    expect(seen.comments).toEqual([{ authorName: colleague.contact.name, authorKind: 'contact' }]);
    // The same answer as the direct read, which does not even find the colleague.
    expect((await primaryClient.errorOf(`query($id: ID!) { contact(id: $id) { ${CONTACT} } }`, { id: colleague.contact.id })).extensions?.code).toBe('NOT_FOUND');

    const mine = await openTicketAs(primaryClient, { title: 'My own' });
    const own = (await primaryClient.ok(TICKET, { id: mine.id })).ticket.contact;
    expect(own).toMatchObject({ id: primary.contact.id, email: primary.contact.email, username: primary.username, isPrimary: true, customer: { id: customer.id } });
    expect(own.lastSignInAt).not.toBeNull();
    const me = (await primaryClient.ok(`{ me { ... on Contact { ${CONTACT} } } }`)).me;
    expect(me).toMatchObject({ email: primary.contact.email, username: primary.username, customer: { id: customer.id } });

    const staff = (await admin.ok(TICKET, { id: theirs.id })).ticket.contact;
    expect(staff).toMatchObject({ email: colleague.contact.email, username: colleague.username, isPrimary: false, customer: { id: customer.id } });
    expect(staff.lastSignInAt).not.toBeNull();
  });
});
