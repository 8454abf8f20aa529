import type { Topic } from '../pubsub/event-bus.js';
import type { GraphQLTestClient } from './graphql-client.js';
import type { TestPortico } from './harness.js';

/** One open subscription over a real graphql-ws connection, with what it received. */
export interface Watch<T> {
  received: T[];
  /** Resolves with the next value received from now on (or one already waiting). */
  next(): Promise<T>;
  /** Resolves when the server completes the subscription. */
  completed: Promise<void>;
  dispose(): Promise<void>;
}

export function watch<T = Record<string, unknown>>(client: GraphQLTestClient, query: string, variables: Record<string, unknown> = {}): Watch<T> {
  const ws = client.websocket();
  const received: T[] = [];
  const waiters: Array<(value: T) => void> = [];
  let taken = 0;
  let complete!: () => void;
  const completed = new Promise<void>((resolve) => (complete = resolve));
  ws.subscribe({ query, variables }, {
    next: (value) => {
      const data = value.data as Record<string, T> | null | undefined;
      if (!data) throw new Error(`Subscription error: ${JSON.stringify(value.errors)}`);
      received.push(Object.values(data)[0]!);
      waiters.shift()?.(received[taken++]!);
    },
    error: (error) => {
      throw error instanceof Error ? error : new Error(JSON.stringify(error));
    },
    complete: () => complete(),
  });
  return {
    received,
    next: () => (taken < received.length ? Promise.resolve(received[taken++]!) : new Promise<T>((resolve) => waiters.push(resolve))),
    completed,
    dispose: () => ws.dispose() as Promise<void>,
  };
}

/**
 * Waits until the server holds exactly this many subscriptions to a topic: the ones a test opened
 * are in place (their acknowledgement) and those it closed are gone, so an event published from now
 * on reaches exactly them. No guessing with sleeps.
 */
export async function untilSubscribed(portico: TestPortico, topic: Topic, count: number, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (portico.liveSubscriptions(topic) !== count) {
    if (Date.now() > deadline) throw new Error(`${portico.liveSubscriptions(topic)} ${topic} subscriptions, not ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Waits until the server holds more subscriptions to a topic than `before` (one just opened is in place). */
export async function untilMoreThan(portico: TestPortico, topic: Topic, before: number, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (portico.liveSubscriptions(topic) <= before) {
    if (Date.now() > deadline) throw new Error(`No new ${topic} subscription in place`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Polls until `probe` answers something truthy (a row reached a state, a mail arrived), and returns it. */
export async function until<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
