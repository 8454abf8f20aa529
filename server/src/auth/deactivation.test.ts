import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Account } from './account.entity.js';
import { Technician, TechnicianRole } from '../technicians/technician.entity.js';
import { buildContact, buildCustomer, buildTechnician } from '../test/factories.js';
import { GraphQLTestClient, type GraphQLResponse } from '../test/graphql-client.js';
import { startTestPortico, type TestPortico } from '../test/harness.js';
import { untilMoreThan } from '../test/live.js';
import { openTicketAs } from '../test/ticket-factories.js';

const SIGN_IN = 'mutation($input: SignInInput!) { signIn(input: $input) { token } }';
const ME = '{ me { __typename ... on Contact { id } ... on Technician { id } } }';
const MY_TICKETS = '{ tickets { totalCount edges { node { id title } } } }';
const DEACTIVATE_CONTACT = 'mutation($id: ID!) { deactivateContact(id: $id) { id deactivatedAt } }';
const REACTIVATE_CONTACT = 'mutation($id: ID!) { reactivateContact(id: $id) { id deactivatedAt } }';
const DEACTIVATE_CUSTOMER = 'mutation($id: ID!) { deactivateCustomer(id: $id) { id deactivatedAt } }';
const REACTIVATE_CUSTOMER = 'mutation($id: ID!) { reactivateCustomer(id: $id) { id deactivatedAt } }';
const DEACTIVATE_TECHNICIAN = 'mutation($id: ID!) { deactivateTechnician(id: $id) { id deactivatedAt } }';
const REACTIVATE_TECHNICIAN = 'mutation($id: ID!) { reactivateTechnician(id: $id) { id deactivatedAt } }';
const UPDATE_TECHNICIAN = 'mutation($input: UpdateTechnicianInput!) { updateTechnician(input: $input) { id role } }';
const CONTACT = 'query($id: ID!) { contact(id: $id) { id deactivatedAt customer { deactivatedAt } } }';
const CONTACTS = 'query($customerId: ID, $activation: ActivationFilter) { contacts(customerId: $customerId, activation: $activation, first: 100) { totalCount edges { node { id deactivatedAt } } } }';
const CUSTOMERS = 'query($search: String, $activation: ActivationFilter) { customers(search: $search, activation: $activation) { edges { node { id deactivatedAt } } } }';
const TECHNICIANS = 'query($search: String, $activation: ActivationFilter) { technicians(search: $search, activation: $activation) { edges { node { id deactivatedAt } } } }';

/** The raw HTTP answer to a sign-in, for comparing two answers byte for byte. */
async function signInAnswer(portico: TestPortico, username: string, password: string, language = 'de') {
  const response = await portico.anonymous().withHeaders({ 'accept-language': language }).raw(SIGN_IN, { input: { username, password } });
  return { status: response.status, body: await response.json() };
}

/** Opens a WebSocket for the client and subscribes to sessionEnded; `ended` resolves with the first event. */
async function watchSession(portico: TestPortico, client: GraphQLTestClient) {
  const before = portico.liveSubscriptions('SESSIONS_REVOKED');
  const ws = client.websocket();
  const connected = new Promise<void>((resolve) => ws.on('connected', () => resolve()));
  let endedAt = 0;
  const ended = new Promise<unknown>((resolve, reject) =>
    ws.subscribe({ query: 'subscription { sessionEnded { endedAt } }' }, {
      next: (value) => {
        endedAt = Date.now();
        resolve(value);
      },
      error: reject,
      complete: () => undefined,
    }),
  );
  await connected;
  await untilMoreThan(portico, 'SESSIONS_REVOKED', before); // the subscription is in place
  return { ended, endedAt: () => endedAt, dispose: () => ws.dispose() };
}

describe('deactivation', { timeout: 90_000 }, () => {
  let portico: TestPortico;
  let admin: GraphQLTestClient;

  beforeAll(async () => {
    portico = await startTestPortico();
    admin = await portico.admin();
  });
  afterAll(() => portico.stop());

  it('a deactivated contact is out at once: its open WebSocket hears sessionEnded, its requests are anonymous, its sign-in answers like a wrong password', async () => {
    const person = await buildContact(portico);
    const client = await person.signIn();
    const ticket = await openTicketAs(client, { title: 'Keep me' });
    const watch = await watchSession(portico, client);
    const tech = await (await buildTechnician(portico)).signIn();

    const before = Date.now();
    const { deactivateContact } = await tech.ok(DEACTIVATE_CONTACT, { id: person.contact.id });
    expect(deactivateContact).toEqual({ id: person.contact.id, deactivatedAt: expect.any(String) });
    expect(await watch.ended).toMatchObject({ data: { sessionEnded: { endedAt: expect.any(String) } } });
    expect(watch.endedAt() - before).toBeLessThan(3000);
    await watch.dispose();

    // The same token is now anonymous.
    expect((await client.ok(ME)).me).toBeNull();
    expect((await client.errorOf(MY_TICKETS)).extensions?.code).toBe('UNAUTHENTICATED');

    // The right password answers exactly like a wrong one (status, message in the caller's language, code).
    const deactivated = await signInAnswer(portico, person.username, person.password);
    const wrong = await signInAnswer(portico, person.username, 'not-the-password-at-all');
    expect(deactivated).toEqual(wrong);
    expect(deactivated.body).toMatchObject({ data: null, errors: [{ message: 'Benutzername oder Passwort ist falsch.', extensions: { code: 'UNAUTHENTICATED' } }] });
    const unknown = await signInAnswer(portico, `nobody.${Date.now()}`, person.password);
    expect(unknown).toEqual(wrong);

    // Tickets and history stay, for technicians now and for the contact once it is back.
    expect((await tech.ok('query($id: ID!) { ticket(id: $id) { id title } }', { id: ticket.id })).ticket.title).toBe('Keep me');
    expect((await tech.ok(CONTACT, { id: person.contact.id })).contact.deactivatedAt).toEqual(deactivateContact.deactivatedAt);

    const { reactivateContact } = await tech.ok(REACTIVATE_CONTACT, { id: person.contact.id });
    expect(reactivateContact.deactivatedAt).toBeNull();
    const again = await GraphQLTestClient.signIn(portico.url, person.username, person.password);
    expect((await again.ok(ME)).me).toEqual({ __typename: 'Contact', id: person.contact.id });
    expect((await again.ok(MY_TICKETS)).tickets.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(ticket.id);
    // The old session stays ended: reactivation signs nobody back in.
    expect((await client.ok(ME)).me).toBeNull();
  });

  it('deactivating twice or reactivating an active contact changes nothing', async () => {
    const person = await buildContact(portico);
    const first = (await admin.ok(DEACTIVATE_CONTACT, { id: person.contact.id })).deactivateContact.deactivatedAt;
    const second = (await admin.ok(DEACTIVATE_CONTACT, { id: person.contact.id })).deactivateContact.deactivatedAt;
    expect(second).toBe(first);
    await admin.ok(REACTIVATE_CONTACT, { id: person.contact.id });
    expect((await admin.ok(REACTIVATE_CONTACT, { id: person.contact.id })).reactivateContact.deactivatedAt).toBeNull();
  });

  it('a deactivated customer takes all its contacts out at once; reactivation lets them in with the same passwords', async () => {
    const customer = await buildCustomer(portico);
    const [alice, bob, carol] = await Promise.all([buildContact(portico, { customer }), buildContact(portico, { customer, isPrimary: true }), buildContact(portico, { customer })]);
    const outsider = await buildContact(portico);
    const aliceClient = await alice.signIn();
    const bobClient = await bob.signIn();
    const bobPhone = await bob.signIn();
    const outsiderClient = await outsider.signIn();
    const ticket = await openTicketAs(bobClient, { title: 'Company ticket' });
    const watches = [];
    for (const client of [aliceClient, bobClient, bobPhone]) watches.push(await watchSession(portico, client)); // one at a time: each waits for its own
    // Carol was deactivated on her own before; she stays out when the customer comes back.
    await admin.ok(DEACTIVATE_CONTACT, { id: carol.contact.id });

    const tech = await (await buildTechnician(portico)).signIn();
    const { deactivateCustomer } = await tech.ok(DEACTIVATE_CUSTOMER, { id: customer.id });
    expect(deactivateCustomer.deactivatedAt).toEqual(expect.any(String));
    for (const watch of watches) {
      expect(await watch.ended).toMatchObject({ data: { sessionEnded: { endedAt: expect.any(String) } } });
      await watch.dispose();
    }
    for (const client of [aliceClient, bobClient, bobPhone]) expect((await client.ok(ME)).me).toBeNull();
    expect((await outsiderClient.ok(ME)).me).toEqual({ __typename: 'Contact', id: outsider.contact.id });
    const wrong = await signInAnswer(portico, alice.username, 'not-the-password-at-all');
    expect(await signInAnswer(portico, alice.username, alice.password)).toEqual(wrong);
    expect((await signInAnswer(portico, bob.username, bob.password)).body).toEqual(wrong.body);

    // The contacts' own accounts are untouched: their deactivatedAt stays null, the customer's is set.
    expect((await tech.ok(CONTACT, { id: alice.contact.id })).contact).toMatchObject({ deactivatedAt: null, customer: { deactivatedAt: deactivateCustomer.deactivatedAt } });
    expect((await tech.ok('query($id: ID!) { ticket(id: $id) { id } }', { id: ticket.id })).ticket.id).toBe(ticket.id);

    const search = customer.name;
    expect((await tech.ok(CUSTOMERS, { search, activation: 'DEACTIVATED' })).customers.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([customer.id]);
    expect((await tech.ok(CUSTOMERS, { search, activation: 'ACTIVE' })).customers.edges).toEqual([]);
    expect((await tech.ok(CUSTOMERS, { search })).customers.edges).toHaveLength(1);

    const { reactivateCustomer } = await tech.ok(REACTIVATE_CUSTOMER, { id: customer.id });
    expect(reactivateCustomer.deactivatedAt).toBeNull();
    const aliceAgain = await GraphQLTestClient.signIn(portico.url, alice.username, alice.password);
    const bobAgain = await GraphQLTestClient.signIn(portico.url, bob.username, bob.password);
    expect((await bobAgain.ok(MY_TICKETS)).tickets.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(ticket.id);
    expect((await aliceAgain.ok(ME)).me.id).toBe(alice.contact.id);
    expect(await signInAnswer(portico, carol.username, carol.password)).toEqual(await signInAnswer(portico, carol.username, 'not-the-password-at-all'));

    // The contact list filters by the contacts' own deactivation.
    const byStatus = async (activation: string) =>
      (await tech.ok(CONTACTS, { customerId: customer.id, activation })).contacts.edges.map((e: { node: { id: string } }) => e.node.id).sort();
    expect(await byStatus('DEACTIVATED')).toEqual([carol.contact.id]);
    expect(await byStatus('ACTIVE')).toEqual([alice.contact.id, bob.contact.id].sort());
    expect(await byStatus('ALL')).toEqual([alice.contact.id, bob.contact.id, carol.contact.id].sort());
  });

  it('only technicians deactivate contacts and customers; only admins deactivate technicians', async () => {
    const person = await buildContact(portico, { isPrimary: true });
    const contactClient = await person.signIn();
    for (const mutation of [DEACTIVATE_CONTACT, REACTIVATE_CONTACT]) {
      expect((await contactClient.errorOf(mutation, { id: person.contact.id })).extensions?.code).toBe('FORBIDDEN');
    }
    for (const mutation of [DEACTIVATE_CUSTOMER, REACTIVATE_CUSTOMER]) {
      expect((await contactClient.errorOf(mutation, { id: person.customer.id })).extensions?.code).toBe('FORBIDDEN');
    }
    const other = await buildTechnician(portico);
    const tech = await (await buildTechnician(portico)).signIn();
    for (const mutation of [DEACTIVATE_TECHNICIAN, REACTIVATE_TECHNICIAN]) {
      expect((await tech.errorOf(mutation, { id: other.technician.id })).extensions?.code).toBe('FORBIDDEN');
      expect((await portico.anonymous().errorOf(mutation, { id: other.technician.id })).extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect((await admin.errorOf(DEACTIVATE_CONTACT, { id: '00000000-0000-4000-8000-000000000000' })).extensions?.code).toBe('NOT_FOUND');
    const db = portico.orm.em.fork();
    expect((await db.findOneOrFail(Account, person.contact.account.id)).deactivatedAt).toBeNull();
    expect((await db.findOneOrFail(Account, other.technician.account.id)).deactivatedAt).toBeNull();
    // Whether a technician is deactivated is not the contact's business.
    expect((await contactClient.ok(ME)).me.id).toBe(person.contact.id);
  });

  it('an admin deactivates a technician (sessions end, sign-in refused like a wrong password) and reactivates it', async () => {
    const other = await buildTechnician(portico);
    const session = await other.signIn();
    const watch = await watchSession(portico, session);
    const { deactivateTechnician } = await admin.ok(DEACTIVATE_TECHNICIAN, { id: other.technician.id });
    expect(deactivateTechnician.deactivatedAt).toEqual(expect.any(String));
    await watch.ended;
    await watch.dispose();
    expect((await session.ok(ME)).me).toBeNull();
    expect(await signInAnswer(portico, other.username, other.password, 'fr')).toEqual(await signInAnswer(portico, other.username, 'wrong-wrong-wrong', 'fr'));

    const search = other.username;
    expect((await admin.ok(TECHNICIANS, { search, activation: 'DEACTIVATED' })).technicians.edges).toEqual([{ node: { id: other.technician.id, deactivatedAt: deactivateTechnician.deactivatedAt } }]);
    expect((await admin.ok(TECHNICIANS, { search, activation: 'ACTIVE' })).technicians.edges).toEqual([]);

    await admin.ok(REACTIVATE_TECHNICIAN, { id: other.technician.id });
    expect((await (await other.signIn()).ok(ME)).me.id).toBe(other.technician.id);
  });

  it('an admin cannot deactivate itself', async () => {
    const { me } = await admin.ok(ME);
    const error = await admin.errorOf(DEACTIVATE_TECHNICIAN, { id: me.id });
    expect(error).toMatchObject({ message: 'You cannot deactivate your own account; ask another administrator.', extensions: { code: 'CONFLICT' } });
    expect((await admin.ok(ME)).me.id).toBe(me.id);
  });
});

describe('the last active admin', { timeout: 90_000 }, () => {
  let portico: TestPortico;

  beforeAll(async () => {
    portico = await startTestPortico();
  });
  afterAll(() => portico.stop());

  it('stays: two admins deactivating each other at the same moment leave one; a deactivated admin does not count for demotion', async () => {
    const first = await portico.admin();
    const [a, b] = await Promise.all([buildTechnician(portico, TechnicianRole.ADMIN), buildTechnician(portico, TechnicianRole.ADMIN)]);
    const [aClient, bClient] = await Promise.all([a.signIn(), b.signIn()]);
    // The first admin leaves; A and B are the only active admins.
    const { me } = await first.ok(ME);
    await aClient.ok(DEACTIVATE_TECHNICIAN, { id: me.id });

    // Hold the admins' lock, so both requests pass every check before either may decide.
    const holder = new pg.Client({ connectionString: portico.databaseUrl });
    await holder.connect();
    let results: Array<GraphQLResponse<{ deactivateTechnician?: { id: string } }>>;
    try {
      await holder.query('begin');
      await holder.query("select pg_advisory_xact_lock(hashtext('portico.active_admins'))");
      const pending = Promise.all([aClient.request<{ deactivateTechnician?: { id: string } }>(DEACTIVATE_TECHNICIAN, { id: b.technician.id }), bClient.request<{ deactivateTechnician?: { id: string } }>(DEACTIVATE_TECHNICIAN, { id: a.technician.id })]);
      const deadline = Date.now() + 10_000;
      const waiting = async () => (await holder.query("select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event = 'advisory'")).rows[0].n;
      while ((await waiting()) < 2) {
        if (Date.now() > deadline) throw new Error('the two requests never waited for the lock');
        await new Promise((r) => setTimeout(r, 20));
      }
      await holder.query('commit');
      results = await pending;
    } finally {
      await holder.end();
    }
    const succeeded = results.filter((r) => r.data?.deactivateTechnician);
    const refused = results.filter((r) => r.errors);
    expect(succeeded).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0].errors?.[0]).toMatchObject({ message: 'At least one administrator must remain.', extensions: { code: 'CONFLICT' } });
    const active = await portico.orm.em.fork().count(Technician, { role: TechnicianRole.ADMIN, account: { deactivatedAt: null } });
    expect(active).toBe(1);

    // The one left may not demote itself while the other admins are deactivated.
    const [survivor, survivorId] = succeeded[0] === results[0] ? [aClient, a.technician.id] : [bClient, b.technician.id];
    const demote = await survivor.errorOf(UPDATE_TECHNICIAN, { input: { id: survivorId, role: 'TECHNICIAN' } });
    expect(demote.extensions).toMatchObject({ code: 'CONFLICT', field: 'role' });
    // Once another admin is back, it may.
    await survivor.ok(REACTIVATE_TECHNICIAN, { id: me.id });
    expect((await survivor.ok(UPDATE_TECHNICIAN, { input: { id: survivorId, role: 'TECHNICIAN' } })).updateTechnician.role).toBe('TECHNICIAN');
  });
});
