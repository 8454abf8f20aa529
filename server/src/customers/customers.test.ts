import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Customer } from './customer.entity.js';
import { buildContact, buildCustomer, buildTechnician } from '../test/factories.js';
import { startTestPortico, type TestPortico } from '../test/harness.js';
import type { GraphQLTestClient } from '../test/graphql-client.js';

const CREATE = 'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id name domains } }';
const UPDATE = 'mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { id name domains } }';
const ONE = 'query($id: ID!) { customer(id: $id) { id name domains } }';
const LIST = 'query($search: String, $first: Int, $after: String) { customers(search: $search, first: $first, after: $after) { totalCount edges { node { name domains } } pageInfo { hasNextPage endCursor } } }';

describe('customers', () => {
  let portico: TestPortico;
  let technician: GraphQLTestClient;
  beforeAll(async () => {
    portico = await startTestPortico();
    technician = await (await buildTechnician(portico)).signIn();
  });
  afterAll(() => portico.stop());

  it('a technician creates a customer with domains, normalised', async () => {
    const { createCustomer } = await technician.ok(CREATE, { input: { name: '  Acme Widgets AG ', domains: ['Acme.example', '@acme-widgets.example', 'acme.example'] } });
    expect(createCustomer).toMatchObject({ name: 'Acme Widgets AG', domains: ['acme-widgets.example', 'acme.example'] });
    expect((await technician.ok(ONE, { id: createCustomer.id })).customer.name).toBe('Acme Widgets AG');
  });

  it('refuses a duplicate name (any case) or a domain another customer owns, and writes nothing', async () => {
    const existing = await buildCustomer(portico, { name: 'Duplicate Co', domains: ['dupe.example'] });
    const before = await portico.orm.em.fork().count(Customer, {});
    const sameName = await technician.errorOf(CREATE, { input: { name: 'DUPLICATE co', domains: [] } });
    expect(sameName.extensions).toMatchObject({ code: 'CONFLICT', field: 'name' });
    const sameDomain = await technician.errorOf(CREATE, { input: { name: 'Other Co', domains: ['fresh.example', 'DUPE.example'] } });
    expect(sameDomain.extensions).toMatchObject({ code: 'CONFLICT', field: 'domains' });
    expect(sameDomain.message).toContain('dupe.example');
    expect(await portico.orm.em.fork().count(Customer, {})).toBe(before);
    expect(existing.name).toBe('Duplicate Co');
  });

  it('rejects bad input with BAD_USER_INPUT naming the field', async () => {
    const before = await portico.orm.em.fork().count(Customer, {});
    expect((await technician.errorOf(CREATE, { input: { name: '   ', domains: [] } })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect((await technician.errorOf(CREATE, { input: { name: 'Fine', domains: ['not a domain'] } })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'domains' });
    expect((await technician.errorOf(CREATE, { input: { name: 'x'.repeat(201), domains: [] } })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(await portico.orm.em.fork().count(Customer, {})).toBe(before);
  });

  it('updates name and domains; moving a domain to its owner again is allowed', async () => {
    const customer = await buildCustomer(portico, { domains: ['one.example', 'two.example'] });
    const { updateCustomer } = await technician.ok(UPDATE, { input: { id: customer.id, name: 'Renamed Ltd', domains: ['two.example', 'three.example'] } });
    expect(updateCustomer).toMatchObject({ name: 'Renamed Ltd', domains: ['three.example', 'two.example'] });
    const other = await buildCustomer(portico);
    const taken = await technician.errorOf(UPDATE, { input: { id: other.id, domains: ['three.example'] } });
    expect(taken.extensions).toMatchObject({ code: 'CONFLICT', field: 'domains' });
  });

  it('searches by name or domain and pages with cursors', async () => {
    const tag = `zeta${Date.now()}`;
    for (let i = 0; i < 5; i++) await buildCustomer(portico, { name: `${tag} Customer ${i}`, domains: [`${tag}-${i}.example`] });
    const page1 = (await technician.ok(LIST, { search: tag.toUpperCase(), first: 2 })).customers;
    expect(page1.totalCount).toBe(5);
    expect(page1.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([`${tag} Customer 0`, `${tag} Customer 1`]);
    const page2 = (await technician.ok(LIST, { search: tag, first: 2, after: page1.pageInfo.endCursor })).customers;
    expect(page2.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([`${tag} Customer 2`, `${tag} Customer 3`]);
    const byDomain = (await technician.ok(LIST, { search: `${tag}-4.example` })).customers;
    expect(byDomain.edges).toHaveLength(1);
    expect(byDomain.edges[0].node.name).toBe(`${tag} Customer 4`);
    expect((await technician.errorOf(LIST, { first: 1000 })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect((await technician.errorOf(LIST, { after: 'garbage' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('a contact sees only its own company; another customer is NOT_FOUND, like a missing one', async () => {
    const mine = await buildContact(portico);
    const stranger = await buildCustomer(portico);
    const contact = await mine.signIn();
    expect((await contact.ok(ONE, { id: mine.customer.id })).customer.name).toBe(mine.customer.name);
    const denied = await contact.errorOf(ONE, { id: stranger.id });
    const missing = await contact.errorOf(ONE, { id: '00000000-0000-4000-8000-000000000000' });
    expect(denied).toEqual(missing);
    expect(denied.extensions?.code).toBe('NOT_FOUND');
    const list = (await contact.ok(LIST, {})).customers;
    expect(list.totalCount).toBe(1);
    expect(list.edges[0].node.name).toBe(mine.customer.name);
  });

  it('a contact cannot create or change customers', async () => {
    const mine = await buildContact(portico);
    const contact = await mine.signIn();
    expect((await contact.errorOf(CREATE, { input: { name: 'Sneaky', domains: [] } })).extensions?.code).toBe('FORBIDDEN');
    expect((await contact.errorOf(UPDATE, { input: { id: mine.customer.id, name: 'Sneaky' } })).extensions?.code).toBe('FORBIDDEN');
  });

  it('without a session everything answers UNAUTHENTICATED', async () => {
    const customer = await buildCustomer(portico);
    const anonymous = portico.anonymous();
    expect((await anonymous.errorOf(LIST)).extensions?.code).toBe('UNAUTHENTICATED');
    expect((await anonymous.errorOf(ONE, { id: customer.id })).extensions?.code).toBe('UNAUTHENTICATED');
    expect((await anonymous.errorOf(CREATE, { input: { name: 'Nope', domains: [] } })).extensions?.code).toBe('UNAUTHENTICATED');
  });
});
