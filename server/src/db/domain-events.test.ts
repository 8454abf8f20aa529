import { describe, expect, it } from 'vitest';
import { DomainEventHandlers } from './domain-events.js';
import type { ReadStatement, StatementRunner } from './reads.js';

/** The two kinds of in-transaction handlers, and which transaction runs which. */
describe('DomainEventHandlers', () => {
  const fact = { actor: { principal: { kind: 'anonymous' as const }, ip: null, name: null }, details: {} };

  it('runs statement handlers in a statement transaction, with its runner, in the order recorded', async () => {
    const handlers = new DomainEventHandlers();
    const ran: string[] = [];
    handlers.on('device.revoked', { inStatements: async (run) => void (await run({ name: 'first', text: 'x' } as ReadStatement<unknown>, [])) });
    handlers.on('device.assigned', { inStatements: async (run) => void (await run({ name: 'second', text: 'y' } as ReadStatement<unknown>, [])) });
    const run: StatementRunner = async (statement) => (ran.push(statement.name), []);
    await handlers.runInStatements(run, [{ name: 'device.assigned', data: fact }, { name: 'device.revoked', data: fact }]);
    expect(ran).toEqual(['second', 'first']);
  });

  it('refuses an event whose handler needs the ORM in a statement transaction (before running anything of it)', async () => {
    const handlers = new DomainEventHandlers();
    let ran = false;
    handlers.on('device.revoked', { duringCommit: () => void (ran = true) });
    await expect(handlers.runInStatements(async () => [], [{ name: 'device.revoked', data: fact }])).rejects.toThrow(/needs the ORM's transaction/);
    expect(ran).toBe(false);
  });
});
