import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Contact } from './contact.entity.js';
import { buildContact, buildCustomer, buildTechnician } from '../test/factories.js';
import { GraphQLTestClient } from '../test/graphql-client.js';
import { startTestPortico, type TestPortico } from '../test/harness.js';

const CREATE = 'mutation($input: CreateContactInput!) { createContact(input: $input) { username password contact { id name email language isPrimary phone customer { id } } } }';
const UPDATE = 'mutation($input: UpdateContactInput!) { updateContact(input: $input) { id name email language isPrimary phone } }';
const REISSUE = 'mutation($id: ID!) { reissueContactCredentials(id: $id) { username password } }';
const ONE = 'query($id: ID!) { contact(id: $id) { id name email } }';
const LIST = 'query($customerId: ID, $search: String) { contacts(customerId: $customerId, search: $search) { totalCount edges { node { id name customer { name } } } } }';

describe('contacts', () => {
  let portico: TestPortico;
  let technician: GraphQLTestClient;
  beforeAll(async () => {
    portico = await startTestPortico();
    technician = await (await buildTechnician(portico)).signIn();
  });
  afterAll(() => portico.stop());

  it('creating a contact generates a unique username and a strong password that signs in', async () => {
    const customer = await buildCustomer(portico);
    const input = { customerId: customer.id, name: 'Zoë Müller-Lüdenscheidt', email: 'Zoe@Example.org', language: 'DE', isPrimary: true, phone: '+41 44 123 45 67' };
    const first = (await technician.ok(CREATE, { input })).createContact;
    expect(first.username).toBe('zoe.muller.ludenscheidt');
    expect(first.password).toMatch(/^[A-Za-z2-9]{18}$/);
    expect(first.contact).toMatchObject({ email: 'zoe@example.org', language: 'DE', isPrimary: true, phone: '+41441234567', customer: { id: customer.id } });

    const namesake = (await technician.ok(CREATE, { input: { ...input, email: 'zoe2@example.org' } })).createContact;
    expect(namesake.username).toMatch(/^zoe\.muller\.ludenscheidt\d+$/);

    const client = await GraphQLTestClient.signIn(portico.url, first.username, first.password);
    expect((await client.ok('{ me { ... on Contact { id } } }')).me.id).toBe(first.contact.id);
    // Only an argon2id hash is stored.
    const stored = await portico.orm.em.fork().findOneOrFail(Contact, first.contact.id, { populate: ['passwordHash'] });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain(first.password);
  });

  it('refuses bad input and duplicates, naming the field, and writes nothing', async () => {
    const customer = await buildCustomer(portico);
    const existing = await buildContact(portico, { customer });
    const before = await portico.orm.em.fork().count(Contact, {});
    const base = { customerId: customer.id, name: 'Valid Name', email: 'valid@example.org' };
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ name: '' }, 'BAD_USER_INPUT', 'name'],
      [{ email: 'not-an-email' }, 'BAD_USER_INPUT', 'email'],
      [{ phone: '0441234567' }, 'BAD_USER_INPUT', 'phone'],
      [{ email: existing.contact.email.toUpperCase() }, 'CONFLICT', 'email'],
      [{ customerId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'customerId'],
    ];
    for (const [change, code, field] of cases) {
      const error = await technician.errorOf(CREATE, { input: { ...base, ...change } });
      expect(error.extensions, JSON.stringify(change)).toMatchObject({ code, field });
    }
    expect(await portico.orm.em.fork().count(Contact, {})).toBe(before);
  });

  it('updates a contact and clears the phone with an empty string', async () => {
    const { contact } = await buildContact(portico);
    const { updateContact } = await technician.ok(UPDATE, { input: { id: contact.id, name: 'New Name', language: 'IT', isPrimary: true, phone: '+33 1 23 45 67 89' } });
    expect(updateContact).toMatchObject({ name: 'New Name', language: 'IT', isPrimary: true, phone: '+33123456789' });
    expect((await technician.ok(UPDATE, { input: { id: contact.id, phone: '' } })).updateContact.phone).toBeNull();
  });

  it('re-issuing credentials invalidates the old password and every session', async () => {
    const person = await buildContact(portico);
    const session = await person.signIn();
    const { reissueContactCredentials } = await technician.ok(REISSUE, { id: person.contact.id });
    expect(reissueContactCredentials.username).toBe(person.username);
    expect(reissueContactCredentials.password).not.toBe(person.password);
    expect((await session.ok('{ me { __typename } }')).me).toBeNull();
    await expect(person.signIn()).rejects.toThrow();
    await expect(GraphQLTestClient.signIn(portico.url, person.username, reissueContactCredentials.password)).resolves.toBeTruthy();
  });

  it('lists contacts by customer and search for technicians', async () => {
    const customer = await buildCustomer(portico);
    await buildContact(portico, { customer, name: 'Alice Anders' });
    await buildContact(portico, { customer, name: 'Bob Brown' });
    await buildContact(portico, { name: 'Alice Elsewhere' });
    const ofCustomer = (await technician.ok(LIST, { customerId: customer.id })).contacts;
    expect(ofCustomer.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['Alice Anders', 'Bob Brown']);
    const searched = (await technician.ok(LIST, { customerId: customer.id, search: 'alice' })).contacts;
    expect(searched.totalCount).toBe(1);
  });

  it('a contact sees itself only: a colleague or another customer’s contact is NOT_FOUND, like a missing one', async () => {
    const customer = await buildCustomer(portico);
    const me = await buildContact(portico, { customer, isPrimary: true });
    const colleague = await buildContact(portico, { customer });
    const stranger = await buildContact(portico);
    const client = await me.signIn();
    expect((await client.ok(ONE, { id: me.contact.id })).contact.id).toBe(me.contact.id);
    const missing = await client.errorOf(ONE, { id: '00000000-0000-4000-8000-000000000000' });
    expect(missing.extensions?.code).toBe('NOT_FOUND');
    expect(await client.errorOf(ONE, { id: stranger.contact.id })).toEqual(missing);
    expect(await client.errorOf(ONE, { id: colleague.contact.id })).toEqual(missing);
    expect(await client.errorOf(ONE, { id: 'not-a-uuid' })).toEqual(missing);
    const list = (await client.ok(LIST, { customerId: stranger.customer.id })).contacts;
    expect(list.totalCount).toBe(0);
    expect((await client.ok(LIST, {})).contacts.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([me.contact.id]);
  });

  it('a contact cannot create, change or re-issue contacts', async () => {
    const me = await buildContact(portico);
    const client = await me.signIn();
    expect((await client.errorOf(CREATE, { input: { customerId: me.customer.id, name: 'X', email: 'x@example.org' } })).extensions?.code).toBe('FORBIDDEN');
    expect((await client.errorOf(UPDATE, { input: { id: me.contact.id, isPrimary: true } })).extensions?.code).toBe('FORBIDDEN');
    expect((await client.errorOf(REISSUE, { id: me.contact.id })).extensions?.code).toBe('FORBIDDEN');
  });

  it('without a session: UNAUTHENTICATED', async () => {
    const { contact } = await buildContact(portico);
    expect((await portico.anonymous().errorOf(ONE, { id: contact.id })).extensions?.code).toBe('UNAUTHENTICATED');
    expect((await portico.anonymous().errorOf(LIST)).extensions?.code).toBe('UNAUTHENTICATED');
  });
});
