import { createPubSub } from '@graphql-yoga/subscription';
import pg from 'pg';
import type { PubSub } from 'type-graphql';

/**
 * Events carry ids only; subscribers re-read what they need through their own permissions.
 * Add a topic here and its payload type is checked at every publish and subscribe.
 */
export interface EventTopics {
  /** Sessions that were revoked (sign-out everywhere, credentials re-issued, password changed). */
  SESSIONS_REVOKED: { sessionIds: string[] };
  /** Portal settings changed (subscribers re-read what applies to them). */
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
  /** A message was queued in the outbox: wakes the workers of every instance. */
  OUTBOX_QUEUED: { id: string };
}

export type Topic = keyof EventTopics;

/** Fan-out of events to every server instance (DESIGN.md "Scale out without new parts"). */
export interface EventBus extends PubSub {
  publish<T extends Topic>(topic: T, payload: EventTopics[T]): void;
  subscribe<T extends Topic>(topic: T): AsyncIterable<EventTopics[T]>;
  close(): Promise<void>;
}

const CHANNEL = 'portico_events';

/**
 * PostgreSQL LISTEN/NOTIFY: every instance listens on one channel and hands notifications to its
 * local subscribers. Publishing goes through the database even for local subscribers, so every
 * instance sees events in the same order. Publish after commit: NOTIFY inside a transaction would
 * take PostgreSQL's global notify lock for the rest of it. A Redis adapter can replace this class.
 */
export class PostgresEventBus implements EventBus {
  private readonly local = createPubSub();
  private listener?: pg.Client;
  private readonly pool: pg.Pool;
  private closed = false;

  constructor(private readonly databaseUrl: string) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  }

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    client.on('notification', (message) => {
      if (message.channel !== CHANNEL || !message.payload) return;
      const { topic, payload } = JSON.parse(message.payload) as { topic: string; payload: unknown };
      (this.local.publish as (topic: string, payload: unknown) => void)(topic, payload);
    });
    client.on('error', (error) => {
      if (!this.closed) console.error('Event bus connection lost; reconnecting', error.message);
      void this.reconnect();
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.listener = client;
  }

  private async reconnect(): Promise<void> {
    if (this.closed) return;
    await this.listener?.end().catch(() => undefined);
    setTimeout(() => void this.start().catch(() => this.reconnect()), 1000).unref();
  }

  publish<T extends Topic>(topic: T, payload: EventTopics[T]): void {
    this.pool.query('select pg_notify($1, $2)', [CHANNEL, JSON.stringify({ topic, payload })]).catch((error: Error) => {
      // A lost event is harmless: subscribers re-read on reconnect (DESIGN.md).
      if (!this.closed) console.error(`Could not publish ${topic}:`, error.message);
    });
  }

  subscribe<T extends Topic>(topic: T): AsyncIterable<EventTopics[T]> {
    return (this.local.subscribe as (topic: string) => AsyncIterable<EventTopics[T]>)(topic);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.listener?.end().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }
}
