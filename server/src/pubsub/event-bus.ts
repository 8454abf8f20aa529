import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { PubSub } from 'type-graphql';

/**
 * Live events carry ids and the keys of their audience; subscribers re-read what they need through
 * their own permissions. Add a topic here (and its audience below) and its payload type is checked
 * at every publish and subscribe.
 */
export interface EventTopics {
  /** Sessions that were revoked (sign-out everywhere, credentials re-issued, password changed, deactivation). */
  SESSIONS_REVOKED: { sessionIds: string[] };
  /** Accounts whose permissions changed (a contact made primary or moved, a technician's role): open subscriptions re-read their principal. */
  ACCOUNTS_CHANGED: { accountIds: string[] };
  /** Portal settings changed (subscribers re-read what applies to them); version 0 after events may have been missed. */
  SETTINGS_CHANGED: { version: number };
  /**
   * A ticket, its comments or its status changed (subscribers re-read it through their own scope).
   * `visibleToContacts`: whether contacts could see anything of the change (a public reply, a field
   * they may see); internal notes and changes to hidden fields reach technicians only.
   */
  TICKET_CHANGED: {
    ticketId: string;
    /** The audience keys: the ticket's customer and requesting contact (null for unassigned tickets). */
    customerId: string | null;
    contactId: string | null;
    /** Its status after the change (contacts see only statuses shown in the portal). */
    status: string;
    visibleToContacts: boolean;
  };
  /** A device changed: enrolled, online or offline, facts, assignment, revoked. Keys: staff, the device, its contact (before and after). */
  DEVICE_CHANGED: { deviceId: string; contactIds: string[] };
  /**
   * A command was queued for a device: its agent (on whichever instance holds the connection) takes
   * it. `envelope`: the signed command as the agent receives it, so delivering it reads nothing
   * (absent: read what waits for the device).
   */
  DEVICE_COMMAND_QUEUED: { deviceId: string; commandId: string; envelope?: { id: string; action: string; arguments: string; nonce: string; expiresAt: string; signature: string } };
  /**
   * A command moved on (delivered, running, done, expired, cancelled). Keys: staff, the device, the
   * contact who asked. `local.row`: the command as committed, for this instance's subscribers whose
   * scope is everything (technicians), so they need no read; other instances and contacts re-read.
   */
  DEVICE_COMMAND_CHANGED: { deviceId: string; commandId: string; contactId: string | null; local?: { row: object } };
  /** A device was revoked, or every device of a deactivated customer: the instance holding an agent's connection closes it. */
  DEVICE_REVOKED: { deviceId?: string; customerId?: string };
}

export type Topic = keyof EventTopics;

/** Everyone subscribed to a topic with this key hears every event of it. */
export const EVERYONE = '*';

/**
 * Who an event is for, as keys: a subscription names the keys it listens to (its session, its
 * customer, `staff`...) and hears only events that carry one of them. The match is a map lookup,
 * so an event costs nothing for the thousands of subscriptions it is not for.
 */
export const AUDIENCE: { [T in Topic]: (payload: EventTopics[T]) => string[] } = {
  SESSIONS_REVOKED: ({ sessionIds }) => sessionIds.map((id) => `session:${id}`),
  ACCOUNTS_CHANGED: ({ accountIds }) => accountIds.map((id) => `account:${id}`),
  SETTINGS_CHANGED: () => [EVERYONE],
  TICKET_CHANGED: ({ ticketId, customerId, contactId }) => [
    'staff',
    `ticket:${ticketId}`,
    ...(customerId ? [`customer:${customerId}`] : []),
    ...(contactId ? [`contact:${contactId}`] : []),
  ],
  DEVICE_CHANGED: ({ deviceId, contactIds }) => ['staff', `device:${deviceId}`, ...contactIds.map((id) => `contact:${id}`)],
  DEVICE_COMMAND_QUEUED: ({ deviceId }) => [`agent:${deviceId}`],
  DEVICE_COMMAND_CHANGED: ({ deviceId, contactId }) => ['staff', `device:${deviceId}`, ...(contactId ? [`contact:${contactId}`] : [])],
  DEVICE_REVOKED: ({ deviceId, customerId }) => [...(deviceId ? [`agent:${deviceId}`] : []), ...(customerId ? [`customer:${customerId}`] : [])],
};

/** Fan-out of events to every server instance (DESIGN.md "Scale out without new parts"). */
export interface EventBus extends PubSub {
  publish<T extends Topic>(topic: T, payload: EventTopics[T]): void;
  /** Events of the topic for any of these keys (default: every event of the topic); LiveKeys may change while open. */
  subscribe<T extends Topic>(topic: T, keys?: readonly string[] | LiveKeys): AsyncIterable<EventTopics[T]>;
  close(): Promise<void>;
}

/**
 * Keys of an open subscription that may change (a contact made primary hears its company's tickets
 * from then on): the bus re-indexes the subscription in place, keeping what it has queued.
 */
export class LiveKeys {
  private readonly listeners = new Set<() => void>();

  constructor(private current: readonly string[]) {}

  get values(): readonly string[] {
    return this.current;
  }

  set(keys: readonly string[]): void {
    this.current = keys;
    for (const listener of this.listeners) listener();
  }

  /** Calls `listener` after each change; returns what stops it. */
  watch(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
}

/** One subscription's queue: events pushed by the bus, taken by the GraphQL subscription. */
class Inbox<T> implements AsyncIterableIterator<T> {
  private readonly queued: T[] = [];
  private waiting?: (result: IteratorResult<T>) => void;
  private closed = false;

  constructor(private readonly onClose: () => void) {}

  push(value: T): void {
    if (this.closed) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value, done: false });
    } else {
      this.queued.push(value);
    }
  }

  next(): Promise<IteratorResult<T>> {
    if (this.queued.length) return Promise.resolve({ value: this.queued.shift()!, done: false });
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<T>> {
    if (!this.closed) {
      this.closed = true;
      this.queued.length = 0;
      this.onClose();
      this.waiting?.({ value: undefined, done: true });
      this.waiting = undefined;
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator]() {
    return this;
  }
}

/** This instance's subscriptions, indexed by topic and key. */
export class LocalFanout {
  private readonly byKey = new Map<string, Set<Inbox<unknown>>>();

  subscribe<T extends Topic>(topic: T, keys: readonly string[] | LiveKeys): AsyncIterableIterator<EventTopics[T]> {
    let slots: string[] = [];
    const index = (now: readonly string[]) => {
      const wanted = new Set(now.map((key) => `${topic}|${key}`));
      for (const slot of slots) {
        if (wanted.has(slot)) continue;
        const set = this.byKey.get(slot);
        set?.delete(inbox);
        if (set?.size === 0) this.byKey.delete(slot);
      }
      for (const slot of wanted) {
        let set = this.byKey.get(slot);
        if (!set) this.byKey.set(slot, (set = new Set()));
        set.add(inbox);
      }
      slots = [...wanted];
    };
    const inbox: Inbox<unknown> = new Inbox(() => {
      unwatch?.();
      index([]);
    });
    const unwatch = keys instanceof LiveKeys ? keys.watch(() => index(keys.values)) : undefined;
    index(keys instanceof LiveKeys ? keys.values : keys);
    return inbox as AsyncIterableIterator<EventTopics[T]>;
  }

  /** Hands an event to each subscription whose key it carries, once. Returns how many heard it. */
  deliver<T extends Topic>(topic: T, payload: EventTopics[T]): number {
    const reached = new Set<Inbox<unknown>>();
    for (const key of [...AUDIENCE[topic](payload), EVERYONE]) {
      for (const inbox of this.byKey.get(`${topic}|${key}`) ?? []) reached.add(inbox);
    }
    for (const inbox of reached) inbox.push(payload);
    return reached.size;
  }

  /**
   * Events may have been missed (the connection that hears other instances was lost): every
   * subscription that follows its caller re-reads it (a session revoked meanwhile ends them), and
   * whatever depends on the settings reads them again. Topics not listed here can only be late.
   */
  resync(): void {
    // An agent's command subscription reads what waits for its device again (an empty command id).
    const missed: { [T in Topic]?: EventTopics[T] } = { ACCOUNTS_CHANGED: { accountIds: [] }, SETTINGS_CHANGED: { version: 0 }, DEVICE_COMMAND_QUEUED: { deviceId: '', commandId: '' } };
    for (const [topic, payload] of Object.entries(missed)) {
      const all = new Set<Inbox<unknown>>();
      for (const [slot, set] of this.byKey) if (slot.startsWith(`${topic}|`)) for (const inbox of set) all.add(inbox);
      for (const inbox of all) inbox.push(payload);
    }
  }

  /** Open subscriptions to a topic (tests wait for a subscription to be in place; metrics). */
  count(topic: Topic): number {
    const all = new Set<Inbox<unknown>>();
    for (const [slot, set] of this.byKey) if (slot.startsWith(`${topic}|`)) for (const inbox of set) all.add(inbox);
    return all.size;
  }
}

const CHANNEL = 'portico_events';

/**
 * A NOTIFY payload holds at most 8,000 bytes: revoking the sessions of a large customer would not
 * fit, and a lost revocation is not an option. Id lists go out in parts of 100.
 */
function notifiable<T extends Topic>(topic: T, payload: EventTopics[T]): Array<EventTopics[T]> {
  const parts = <K extends string>(key: K, ids: string[]) =>
    Array.from({ length: Math.max(1, Math.ceil(ids.length / 100)) }, (_, i) => ({ [key]: ids.slice(i * 100, i * 100 + 100) }) as unknown as EventTopics[T]);
  if (topic === 'SESSIONS_REVOKED') return parts('sessionIds', (payload as EventTopics['SESSIONS_REVOKED']).sessionIds);
  if (topic === 'ACCOUNTS_CHANGED') return parts('accountIds', (payload as EventTopics['ACCOUNTS_CHANGED']).accountIds);
  return [payload];
}

/** The listening connection's application_name: how instances count each other (pg_stat_activity). */
const LISTENER_NAME = 'portico-events';
/** How often an instance that notifies checks whether other instances still listen. */
const PEER_CHECK_MS = 5_000;

/**
 * Local subscribers hear an event at once, without the database; other instances through one
 * PostgreSQL NOTIFY per event (tagged with this instance's id, so it ignores its own echo), which
 * they hand to their own subscribers by key. Publish after commit: NOTIFY inside a transaction would
 * take PostgreSQL's global notify lock for the rest of it. A Redis adapter can replace this class.
 *
 * An instance alone on its database sends no NOTIFY at all (a device command's round trip would
 * otherwise pay two statements for nobody): it counts the listening connections every few seconds,
 * and a starting instance announces itself with a `hello` NOTIFY as soon as it listens, which turns
 * the others' notifying on at once, before its HTTP server accepts anybody.
 */
export class PostgresEventBus implements EventBus {
  readonly instanceId = randomUUID();
  readonly local = new LocalFanout();
  private listener?: pg.Client;
  private readonly pool: pg.Pool;
  private closed = false;
  private reconnecting = false;
  /** NOTIFY payloads waiting for this tick's statement, in publish order. */
  private readonly outgoing: Array<{ topic: Topic; message: string }> = [];
  private flushScheduled = false;
  /** Whether other instances listen (until counted: yes). */
  private peers = true;
  private hellos = 0;
  private peerCheck?: NodeJS.Timeout;

  constructor(
    private readonly databaseUrl: string,
    private readonly log: (message: string) => void = (message) => console.error(message),
  ) {
    // One connection: NOTIFYs leave in publish order, so other instances hear events in that order too.
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    // An idle connection lost (PostgreSQL restarted) must not crash the process; the next publish reconnects.
    this.pool.on('error', (error) => this.log(`Event bus publishing connection lost: ${error.message}`));
  }

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl, application_name: LISTENER_NAME });
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      const { origin, topic, payload, hello } = JSON.parse(message.payload) as { origin: string; topic: Topic; payload: never; hello?: true };
      if (origin === this.instanceId) return;
      if (hello) return void ((this.peers = true), this.hellos++);
      if (!(topic in AUDIENCE)) return;
      this.local.deliver(topic, payload);
    });
    client.on('error', (error) => {
      if (client !== this.listener) return; // a failed start is retried by its caller
      if (!this.closed) this.log(`Event bus connection lost; reconnecting: ${error.message}`);
      void this.reconnect();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closed) return void (await client.end().catch(() => undefined)); // closed while reconnecting
    const reconnected = this.listener !== undefined;
    this.listener = client;
    // Others notify from now on; whether anybody else listens decides whether this instance does.
    await this.pool.query('select pg_notify($1, $2)', [CHANNEL, JSON.stringify({ origin: this.instanceId, hello: true })]);
    await this.countPeers();
    if (!this.peerCheck) {
      this.peerCheck = setInterval(() => void this.countPeers().catch(() => undefined), PEER_CHECK_MS);
      this.peerCheck.unref();
    }
    if (reconnected) this.local.resync();
  }

  private async reconnect(): Promise<void> {
    if (this.closed || this.reconnecting) return;
    this.reconnecting = true;
    await this.listener?.end().catch(() => undefined);
    setTimeout(() => {
      this.reconnecting = false;
      void this.start().catch(() => this.reconnect());
    }, 1000).unref();
  }

  publish<T extends Topic>(topic: T, payload: EventTopics[T]): void {
    this.local.deliver(topic, payload);
    if (!this.peers) return; // alone on the database: nobody else to tell
    // `local`: what only this instance's subscribers get (objects read in this process); never sent.
    const { local: _local, ...shared } = payload as EventTopics[T] & { local?: unknown };
    for (const part of notifiable(topic, shared as EventTopics[T])) this.outgoing.push({ topic, message: JSON.stringify({ origin: this.instanceId, topic, payload: part }) });
    // The events published in one tick (a commit's, or many requests' under load) leave in one
    // statement, in order. (PostgreSQL delivers identical payloads of one statement once: a repeat
    // of the same event in a tick is redundant anyway, subscribers re-read.)
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  private async countPeers(): Promise<void> {
    const hellosBefore = this.hellos;
    const { rows } = await this.pool.query<{ listeners: number }>(
      'select count(*)::int as listeners from pg_stat_activity where datname = current_database() and application_name = $1',
      [LISTENER_NAME],
    );
    // A hello heard while counting wins over a count taken before it.
    if (rows[0]!.listeners > 1) this.peers = true;
    else if (this.hellos === hellosBefore) this.peers = false;
  }

  private flush(): void {
    this.flushScheduled = false;
    const outgoing = this.outgoing.splice(0);
    if (!outgoing.length) return;
    const messages = outgoing.map((event) => event.message);
    this.pool.query('select pg_notify($1, message) from unnest($2::text[]) with ordinality as m(message, n) order by n', [CHANNEL, messages]).catch((error: Error) => {
      // Other instances miss these events (as when their own connection is lost: see resync).
      if (!this.closed) this.log(`Could not publish ${[...new Set(outgoing.map((event) => event.topic))].join(', ')} to other instances: ${error.message}`);
    });
  }

  subscribe<T extends Topic>(topic: T, keys: readonly string[] | LiveKeys = [EVERYONE]): AsyncIterable<EventTopics[T]> {
    return this.local.subscribe(topic, keys);
  }

  async close(): Promise<void> {
    this.flush();
    clearInterval(this.peerCheck);
    this.closed = true;
    await this.listener?.end().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }
}
