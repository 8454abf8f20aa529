import type { EntityManager } from '@mikro-orm/postgresql';
import type { DomainEventHandlers, RecordedEvent, RecordEvent } from './domain-events.js';
import type { Reads, StatementRunner } from './reads.js';

/**
 * Runs a write in one transaction. The work records what happened (`record`); the events' handlers
 * then run inside the same transaction (audit rows, queued mail and its job: all or nothing) and,
 * after the commit, outside it (live updates: nobody hears of a change that was rolled back, and
 * NOTIFY stays off the transaction).
 */
export async function inTransaction<R>(em: EntityManager, handlers: DomainEventHandlers, work: (tx: EntityManager, record: RecordEvent) => Promise<R>): Promise<R> {
  const batch: RecordedEvent[] = [];
  const record: RecordEvent = (name, data) => void batch.push({ name, data });
  const result = await em.transactional(async (tx) => {
    const value = await work(tx as EntityManager, record);
    await tx.flush();
    await handlers.runDuringCommit(tx as EntityManager, batch);
    return value;
  });
  handlers.runAfterCommit(batch);
  return result;
}

/**
 * `inTransaction` for the hot paths (a device command and its reports): the work and the events'
 * handlers write with prepared statements on one pooled connection, without the ORM's unit of work
 * and knex's transaction object. Events whose handlers need the ORM cannot be recorded here.
 */
export async function inStatementTransaction<R>(reads: Reads, handlers: DomainEventHandlers, work: (run: StatementRunner, record: RecordEvent) => Promise<R>): Promise<R> {
  const batch: RecordedEvent[] = [];
  const record: RecordEvent = (name, data) => void batch.push({ name, data });
  const result = await reads.transaction(async (run) => {
    const value = await work(run, record);
    await handlers.runInStatements(run, batch);
    return value;
  });
  handlers.runAfterCommit(batch);
  return result;
}
