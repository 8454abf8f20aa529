import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContact, buildCustomer, buildTechnician } from '../test/factories.js';
import type { GraphQLTestClient } from '../test/graphql-client.js';
import { createTestDatabase, startTestPortico, type TestPortico } from '../test/harness.js';
import { untilSubscribed, watch, type Watch } from '../test/live.js';
import { openTicketAs } from '../test/ticket-factories.js';

const CHANGED = 'subscription { ticketChanged { id } }';
const REPLY = 'mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { id } }';
const reply = (client: GraphQLTestClient, ticketId: string, body: string) => client.ok(REPLY, { input: { ticketId, body, isInternal: false } });
const MANY = { subscriptionsPerConnection: 1_000, subscriptionsPerAccount: 1_000, budget: { staff: 1e9, person: 1e9, anonymous: 1e9 } };

describe('live updates keyed by audience', () => {
  let statements = 0;
  let portico: TestPortico;
  let tech: GraphQLTestClient;

  beforeAll(async () => {
    portico = await startTestPortico({ onQuery: () => void statements++, limits: MANY });
    tech = await (await buildTechnician(portico)).signIn();
  });
  afterAll(() => portico.stop());

  it('1,000 open subscriptions of other customers cost no SQL statement when a ticket of customer A changes', { timeout: 120_000 }, async () => {
    const person = await buildContact(portico);
    const client = await person.signIn();
    const ticket = await openTicketAs(client, { title: 'Customer A’s ticket' });
    const mine = watch<{ id: string }>(client, CHANGED);
    await untilSubscribed(portico, 'TICKET_CHANGED', 1);

    /** Statements from a reply of A's contact until A's subscriber has it: the write and the one delivery. */
    const measure = async (body: string) => {
      const before = statements;
      const delivered = mine.next();
      await reply(client, ticket.id, body);
      expect((await delivered).id).toBe(ticket.id);
      return statements - before;
    };
    await measure('warm-up'); // first-use costs (metadata, prepared plans) out of the way
    const alone = await measure('with nobody else listening');

    // 10 other customers, a primary and a plain contact each, 50 subscriptions per contact.
    const others: Array<Watch<{ id: string }>> = [];
    for (let i = 0; i < 10; i++) {
      const customer = await buildCustomer(portico);
      for (const isPrimary of [true, false]) {
        const other = await (await buildContact(portico, { customer, isPrimary })).signIn();
        for (let j = 0; j < 50; j++) others.push(watch(other, CHANGED));
      }
    }
    await untilSubscribed(portico, 'TICKET_CHANGED', 1_001);

    const withOthers = await measure('with 1,000 others listening');
    expect(withOthers).toBe(alone);
    expect(others.every((other) => other.received.length === 0)).toBe(true);
    await Promise.all([mine, ...others].map((w) => w.dispose()));
  });

  it('a settings change is read once per instance, not once per open availableSectionsChanged subscription', async () => {
    const SECTIONS = 'subscription { availableSectionsChanged }';
    const SETTINGS = 'mutation($input: UpdatePortalSettingsInput!) { updatePortalSettings(input: $input) { version } }';
    const admin = await portico.admin();
    const base = portico.liveSubscriptions('SETTINGS_CHANGED'); // the instance's own settings cache
    /** Statements from an admin's settings change until every subscriber has the sections it may use. */
    const change = async (watches: Array<Watch<string[]>>, welcomeEmailEnabled: boolean) => {
      const { portalSettings } = await admin.ok('{ portalSettings { ... on PortalSettings { version } } }');
      const before = statements;
      const heard = watches.map((w) => w.next());
      await admin.ok(SETTINGS, { input: { version: portalSettings.version, welcomeEmailEnabled } });
      for (const sections of await Promise.all(heard)) expect(sections).toContain('TICKETING');
      return statements - before;
    };
    const first = [watch<string[]>(await (await buildContact(portico)).signIn(), SECTIONS)];
    await untilSubscribed(portico, 'SETTINGS_CHANGED', base + 1);
    await change(first, false); // warm-up
    const alone = await change(first, true);

    const more: Array<Watch<string[]>> = [watch(tech, SECTIONS)];
    for (let i = 0; i < 7; i++) {
      const other = await (await buildContact(portico)).signIn();
      for (let j = 0; j < 7; j++) more.push(watch(other, SECTIONS));
    }
    await untilSubscribed(portico, 'SETTINGS_CHANGED', base + 51);
    expect(await change([...first, ...more], false)).toBe(alone);
    await change([...first, ...more], true); // back to the default
    await Promise.all([...first, ...more].map((w) => w.dispose()));
  });

  it('after its connection to PostgreSQL was lost, an instance re-checks open subscriptions: a session revoked meanwhile ends them and sessionEnded fires', async () => {
    const person = await buildContact(portico);
    const client = await person.signIn();
    const live = watch(client, CHANGED);
    const ended = watch(client, 'subscription { sessionEnded { endedAt } }');
    await untilSubscribed(portico, 'TICKET_CHANGED', 1);
    await untilSubscribed(portico, 'ACCOUNTS_CHANGED', 2); // the ticket subscription's caller, and sessionEnded
    const sql = portico.orm.em.fork().getConnection();
    // Revoked without an event, as if its NOTIFY had been lost while the connection was down.
    await sql.execute('update sessions set revoked_at = now() where account_id = ?', [person.contact.account.id]);
    const [{ count }] = await sql.execute("select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = 'portico-events' and datname = current_database()");
    expect(Number(count)).toBe(1);
    await live.completed; // reconnected, re-read the caller: anonymous now
    await ended.next(); // and the page is told
    await ended.completed;
    expect(live.received).toEqual([]);
    await Promise.all([live.dispose(), ended.dispose()]);
  });

  it('a contact made non-primary stops hearing the company’s tickets at once; its own still arrive', async () => {
    const customer = await buildCustomer(portico);
    const primary = await buildContact(portico, { customer, isPrimary: true });
    const colleague = await (await buildContact(portico, { customer })).signIn();
    const primaryClient = await primary.signIn();
    const own = await openTicketAs(primaryClient, { title: 'Own ticket' });
    const colleagues = await openTicketAs(colleague, { title: 'Colleague’s ticket' });
    const live = watch<{ id: string }>(primaryClient, CHANGED);
    await untilSubscribed(portico, 'TICKET_CHANGED', 1);

    await reply(tech, colleagues.id, 'the company’s ticket, seen by the primary contact');
    expect((await live.next()).id).toBe(colleagues.id);

    await tech.ok('mutation($input: UpdateContactInput!) { updateContact(input: $input) { id } }', { input: { id: primary.contact.id, isPrimary: false } });
    await reply(tech, colleagues.id, 'no longer theirs to hear');
    await reply(tech, own.id, 'still theirs'); // the sentinel: delivered in order after the one above
    expect((await live.next()).id).toBe(own.id);
    expect(live.received.map((t) => t.id)).toEqual([colleagues.id, own.id]);
    await live.dispose();
  });

  it('a contact made primary hears the company’s tickets at once, on the subscription it already has open', async () => {
    const customer = await buildCustomer(portico);
    const person = await buildContact(portico, { customer });
    const client = await person.signIn();
    const colleague = await (await buildContact(portico, { customer })).signIn();
    const own = await openTicketAs(client, { title: 'Own ticket' });
    const colleagues = await openTicketAs(colleague, { title: 'Colleague’s ticket' });
    const live = watch<{ id: string }>(client, CHANGED);
    await untilSubscribed(portico, 'TICKET_CHANGED', 1);

    await tech.ok('mutation($input: UpdateContactInput!) { updateContact(input: $input) { id } }', { input: { id: person.contact.id, isPrimary: true } });
    await reply(tech, colleagues.id, 'the company’s ticket, now theirs to hear');
    await reply(tech, own.id, 'the sentinel'); // delivered in order after the one above
    while ((await live.next()).id !== own.id);
    expect(live.received.map((t) => t.id)).toEqual([colleagues.id, own.id]);
    await live.dispose();
  });
});

describe('live updates across instances', () => {
  let first: TestPortico;
  let second: TestPortico;

  beforeAll(async () => {
    const databaseUrl = await createTestDatabase();
    first = await startTestPortico({ databaseUrl });
    second = await startTestPortico({ databaseUrl });
  });
  afterAll(async () => {
    await first.stop();
    await second.stop();
  });

  it('a change made on instance A reaches a subscriber on instance B, and only the subscriber it is for', async () => {
    const person = await buildContact(second);
    const onSecond = await person.signIn(); // second's URL: subscribes on instance B
    const ticket = await openTicketAs(onSecond, { title: 'Seen across instances' });
    const stranger = await (await buildContact(second)).signIn();
    const strangerTicket = await openTicketAs(stranger, { title: 'The stranger’s own' });
    const live = watch<{ id: string }>(onSecond, CHANGED);
    const strangers = watch<{ id: string }>(stranger, CHANGED);
    await untilSubscribed(second, 'TICKET_CHANGED', 2);
    expect(first.liveSubscriptions('TICKET_CHANGED')).toBe(0);

    const techOnFirst = await (await buildTechnician(first)).signIn();
    await reply(techOnFirst, ticket.id, 'from instance A');
    expect((await live.next()).id).toBe(ticket.id);
    await reply(techOnFirst, strangerTicket.id, 'the stranger’s sentinel');
    expect((await strangers.next()).id).toBe(strangerTicket.id);
    expect(strangers.received.map((t) => t.id)).toEqual([strangerTicket.id]);
    expect(live.received.map((t) => t.id)).toEqual([ticket.id]);
    await Promise.all([live.dispose(), strangers.dispose()]);
  });

  it('signing out everywhere on instance A ends the open subscriptions of that session on instance B', async () => {
    const person = await buildContact(second);
    const onSecond = await person.signIn();
    const live = watch(onSecond, CHANGED);
    const ended = watch(onSecond, 'subscription { sessionEnded { endedAt } }');
    await untilSubscribed(second, 'TICKET_CHANGED', 1);
    await untilSubscribed(second, 'SESSIONS_REVOKED', 2); // sessionEnded, and the ticket subscription's own watch
    const sameSessionOnFirst = new (onSecond.constructor as typeof GraphQLTestClient)(first.url, onSecond.token);
    await sameSessionOnFirst.ok('mutation { signOutEverywhere }');
    await ended.next();
    await live.completed;
    expect(live.received).toEqual([]);
    await Promise.all([live.dispose(), ended.dispose()]);
  });
});
