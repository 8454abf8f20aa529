import type { EntityManager } from '@mikro-orm/postgresql';
import type { DomainEventHandlers, RecordedEvent, RecordEvent } from './domain-events.js';

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
