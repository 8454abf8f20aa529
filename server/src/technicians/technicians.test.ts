import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Technician, TechnicianRole } from './technician.entity.js';
import { buildContact, buildTechnician } from '../test/factories.js';
import { GraphQLTestClient } from '../test/graphql-client.js';
import { ADMIN_USERNAME, startTestPortico, type TestPortico } from '../test/harness.js';

const CREATE = 'mutation($input: CreateTechnicianInput!) { createTechnician(input: $input) { username password technician { id role } } }';
const UPDATE = 'mutation($input: UpdateTechnicianInput!) { updateTechnician(input: $input) { id role name } }';
const REISSUE = 'mutation($id: ID!) { reissueTechnicianCredentials(id: $id) { password } }';
const LIST = '{ technicians { totalCount edges { node { id username role } } } }';
const ONE = 'query($id: ID!) { technician(id: $id) { id username } }';

describe('technicians', () => {
  let portico: TestPortico;
  let admin: GraphQLTestClient;
  beforeAll(async () => {
    portico = await startTestPortico();
    admin = await portico.admin();
  });
  afterAll(() => portico.stop());

  it('an admin creates a technician whose generated password signs in', async () => {
    const { createTechnician } = await admin.ok(CREATE, { input: { name: 'Sam Support', email: 'sam@msp.example', username: 'Sam.Support', role: 'TECHNICIAN' } });
    expect(createTechnician.username).toBe('sam.support');
    const sam = await GraphQLTestClient.signIn(portico.url, 'sam.support', createTechnician.password);
    expect((await sam.ok('{ me { ... on Technician { role } } }')).me.role).toBe('TECHNICIAN');
  });

  it('usernames are unique across technicians and contacts', async () => {
    const person = await buildContact(portico);
    const error = await admin.errorOf(CREATE, { input: { name: 'Clash', email: 'clash@msp.example', username: person.username, role: 'ADMIN' } });
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', field: 'username' });
    const bad = await admin.errorOf(CREATE, { input: { name: 'Bad', email: 'bad@msp.example', username: 'no spaces!', role: 'ADMIN' } });
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'username' });
  });

  it('keeps at least one admin', async () => {
    const { me } = await admin.ok('{ me { ... on Technician { id } } }');
    const error = await admin.errorOf(UPDATE, { input: { id: me.id, role: 'TECHNICIAN' } });
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', field: 'role' });
    expect((await portico.orm.em.fork().findOneOrFail(Technician, me.id)).role).toBe(TechnicianRole.ADMIN);
  });

  it('a TECHNICIAN may read the staff list but not manage it', async () => {
    const tech = await buildTechnician(portico);
    const client = await tech.signIn();
    expect((await client.ok(LIST)).technicians.totalCount).toBeGreaterThanOrEqual(2);
    expect((await client.errorOf(CREATE, { input: { name: 'X', email: 'x@msp.example', username: 'x.x.x', role: 'ADMIN' } })).extensions?.code).toBe('FORBIDDEN');
    expect((await client.errorOf(UPDATE, { input: { id: tech.technician.id, role: 'ADMIN' } })).extensions?.code).toBe('FORBIDDEN');
    expect((await client.errorOf(REISSUE, { id: tech.technician.id })).extensions?.code).toBe('FORBIDDEN');
    expect((await portico.orm.em.fork().findOneOrFail(Technician, tech.technician.id)).role).toBe(TechnicianRole.TECHNICIAN);
  });

  it('re-issuing a technician’s credentials ends its sessions', async () => {
    const tech = await buildTechnician(portico);
    const session = await tech.signIn();
    const { reissueTechnicianCredentials } = await admin.ok(REISSUE, { id: tech.technician.id });
    expect((await session.ok('{ me { __typename } }')).me).toBeNull();
    await expect(GraphQLTestClient.signIn(portico.url, tech.username, reissueTechnicianCredentials.password)).resolves.toBeTruthy();
  });

  it('contacts see no technician data at all', async () => {
    const client = await (await buildContact(portico)).signIn();
    expect((await client.errorOf(LIST)).extensions?.code).toBe('FORBIDDEN');
    const { technicians } = await admin.ok(LIST);
    const adminId = technicians.edges.find((e: { node: { username: string } }) => e.node.username === ADMIN_USERNAME).node.id;
    const denied = await client.errorOf(ONE, { id: adminId });
    expect(denied.extensions?.code).toBe('NOT_FOUND');
    expect(await client.errorOf(ONE, { id: '00000000-0000-4000-8000-000000000000' })).toEqual(denied);
    expect((await portico.anonymous().errorOf(LIST)).extensions?.code).toBe('UNAUTHENTICATED');
  });
});
