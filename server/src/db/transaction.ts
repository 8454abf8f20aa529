import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventBus, EventTopics, Topic } from '../pubsub/event-bus.js';

export type Emit = <T extends Topic>(topic: T, payload: EventTopics[T]) => void;

/**
 * Runs a write in one transaction and publishes the events it emitted only after the commit, so
 * no subscriber hears of a change that was rolled back, and NOTIFY stays off the transaction.
 */
export async function inTransaction<R>(em: EntityManager, events: EventBus, work: (tx: EntityManager, emit: Emit) => Promise<R>): Promise<R> {
  const pending: Array<[Topic, unknown]> = [];
  const emit: Emit = (topic, payload) => void pending.push([topic, payload]);
  const result = await em.transactional((tx) => work(tx as EntityManager, emit));
  for (const [topic, payload] of pending) events.publish(topic, payload as never);
  return result;
}
