import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContact } from '../contacts/contact.service.js';
import { Customer } from '../customers/customer.entity.js';
import { TechnicianRole } from '../technicians/technician.entity.js';
import { createTechnician } from '../technicians/technician.service.js';
import { buildContact, buildCustomer, buildTechnician } from '../test/factories.js';
import { startTestPortico, type TestPortico } from '../test/harness.js';
import { Account } from './account.entity.js';
import { principalForToken } from './session.service.js';

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Every statement the server sends, so a test can count what one request costs. */
const statements: string[] = [];

describe('the principal of a caller', () => {
  let portico: TestPortico;

  beforeAll(async () => {
    portico = await startTestPortico({ onQuery: (sql) => statements.push(sql) });
  });
  const waitingForLocks = async () => {
    const [row] = await portico.orm.em.fork().getConnection().execute<{ n: number }[]>(
      "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'");
    return row.n;
  };
  afterAll(() => portico.stop());

  it('is resolved from a session token in one SQL statement, as plain data', async () => {
    const person = await buildContact(portico, { isPrimary: true });
    const client = await person.signIn();
    statements.length = 0;
    const principal = await principalForToken(portico.orm.em.fork(), client.token);
    expect(statements.filter((sql) => /(select|update|insert) /i.test(sql) && !sql.includes('outbox_messages'))).toHaveLength(1);
    expect(principal).toEqual({
      kind: 'contact', id: person.contact.id, accountId: person.contact.account.id, customerId: person.customer.id,
      isPrimary: true, sessionId: expect.any(String), language: null, name: person.contact.name,
    });
    // Plain data, not an ORM entity: nothing lazy, nothing tracked.
    expect(Object.getPrototypeOf(principal)).toBe(Object.prototype);

    const tech = await buildTechnician(portico, TechnicianRole.ADMIN);
    const techPrincipal = await principalForToken(portico.orm.em.fork(), (await tech.signIn()).token);
    expect(techPrincipal).toMatchObject({ kind: 'technician', id: tech.technician.id, role: TechnicianRole.ADMIN });
  });

  it('is anonymous for unknown, malformed, deactivated and deactivated-customer credentials', async () => {
    const em = portico.orm.em.fork();
    expect(await principalForToken(em, undefined)).toEqual({ kind: 'anonymous' });
    expect(await principalForToken(em, 'pts_not-a-token')).toEqual({ kind: 'anonymous' });
    expect(await principalForToken(em, 'x'.repeat(10_000))).toEqual({ kind: 'anonymous' });

    const person = await buildContact(portico);
    const token = (await person.signIn()).token;
    expect((await principalForToken(em, token)).kind).toBe('contact');
    await em.nativeUpdate(Account, { id: person.contact.account.id }, { deactivatedAt: new Date() });
    expect(await principalForToken(em, token)).toEqual({ kind: 'anonymous' });
    await em.nativeUpdate(Account, { id: person.contact.account.id }, { deactivatedAt: null });
    expect((await principalForToken(em, token)).kind).toBe('contact');
    await em.nativeUpdate(Customer, { id: person.customer.id }, { deactivatedAt: new Date() });
    expect(await principalForToken(em, token)).toEqual({ kind: 'anonymous' });
  });

  it('usernames are unique across contacts and technicians in the database: of two at the same moment, exactly one wins', async () => {
    const customer = await buildCustomer(portico);
    const username = `same.name${Date.now() % 100000}`;
    // Hold inserts into accounts (reads still pass), so both requests find the name free, then
    // both insert: the database's unique index, not the early check, must decide. (A plain knex
    // transaction, outside MikroORM's transaction context, so the two writes use their own.)
    const lock = await portico.orm.em.getKnex().transaction();
    await lock.raw('lock table accounts in share row exclusive mode');
    const asContact = portico.orm.em.fork().transactional((tx) =>
      createContact(tx as EntityManager, () => undefined, tx.getReference(Customer, customer.id), { customerId: customer.id, name: username.replace('.', ' '), email: `${username}@example.org`, isPrimary: false }),
    );
    const asTechnician = portico.orm.em.fork().transactional((tx) =>
      createTechnician(tx as EntityManager, () => undefined, { name: 'Same Name', email: `${username}@msp.example`, username, role: TechnicianRole.TECHNICIAN }),
    );
    const settled = Promise.allSettled([asContact, asTechnician]);
    await waitUntil(async () => (await waitingForLocks()) >= 2);
    await lock.commit();
    const results = await settled;
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toMatchObject({ code: 'CONFLICT' });
    expect(await portico.orm.em.fork().count(Account, { username })).toBe(1);
  });

  it('the database refuses a second account with a taken username even when the early check is skipped', async () => {
    const em = portico.orm.em.fork();
    const taken = (await buildTechnician(portico)).username;
    await expect(em.getConnection().execute(`insert into accounts (id, created_at, updated_at, kind, username) values (gen_random_uuid(), now(), now(), 'CONTACT', ?)`, [taken]))
      .rejects.toThrow(/accounts_username_unique/);
  });
});
