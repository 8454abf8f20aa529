import type { EntityManager } from '@mikro-orm/postgresql';
import { statementIn, type StatementRunner } from './reads.js';

/**
 * What happened, recorded by the service that made it happen, in its transaction. Features declare
 * their events by merging into this interface (payloads are ids and small facts, JSON-safe):
 *
 *   declare module '../db/domain-events.js' { interface DomainEvents { 'ticket.opened': TicketFact } }
 *
 * Services are the only writers of their tables and record events; side effects (mail, audit rows,
 * live updates, later webhooks) are handlers registered at start (composition root), so a service
 * never calls another feature to make them happen.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface DomainEvents {}

export type DomainEventName = keyof DomainEvents;

export interface RecordedEvent<N extends DomainEventName = DomainEventName> {
  name: N;
  data: DomainEvents[N];
}

/** Records an event in the current transaction. */
export type RecordEvent = <N extends DomainEventName>(name: N, data: DomainEvents[N]) => void;

export interface DomainEventHandler<N extends DomainEventName> {
  /**
   * Runs inside the transaction, after the service's work: its writes (an audit row, an outbox
   * message and its job) commit or roll back with the change. Must not talk to the network.
   */
  duringCommit?: (tx: EntityManager, data: DomainEvents[N], batch: readonly RecordedEvent[]) => Promise<void> | void;
  /**
   * Runs inside the transaction like `duringCommit`, with plain prepared statements only: it works in
   * both kinds of transaction (`inTransaction` and the ORM-free `inStatementTransaction` of the hot
   * paths). Prefer it for a plain insert (the audit row).
   */
  inStatements?: (run: StatementRunner, data: DomainEvents[N], batch: readonly RecordedEvent[]) => Promise<void>;
  /** Runs after the commit (live updates): nobody hears of a change that was rolled back. */
  afterCommit?: (data: DomainEvents[N], batch: readonly RecordedEvent[]) => void;
}

/** The handlers of every event, registered once at start. */
export class DomainEventHandlers {
  private readonly handlers = new Map<DomainEventName, Array<DomainEventHandler<DomainEventName>>>();

  constructor(private readonly reportFailure: (message: string) => void = (message) => console.error(message)) {}

  on<N extends DomainEventName>(names: N | readonly N[], handler: DomainEventHandler<N>): this {
    for (const name of typeof names === 'string' ? [names] : names) {
      const list = this.handlers.get(name) ?? [];
      list.push(handler as unknown as DomainEventHandler<DomainEventName>);
      this.handlers.set(name, list);
    }
    return this;
  }

  async runDuringCommit(tx: EntityManager, batch: readonly RecordedEvent[]): Promise<void> {
    const run: StatementRunner = (statement, values) => statementIn(tx, statement, values);
    for (const event of batch) {
      for (const handler of this.handlers.get(event.name) ?? []) {
        await handler.duringCommit?.(tx, event.data, batch);
        await handler.inStatements?.(run, event.data, batch);
      }
    }
  }

  /** The in-transaction handlers of a statement transaction: only `inStatements` handlers can run there. */
  async runInStatements(run: StatementRunner, batch: readonly RecordedEvent[]): Promise<void> {
    for (const event of batch) {
      for (const handler of this.handlers.get(event.name) ?? []) {
        if (handler.duringCommit) throw new Error(`${event.name} has a handler that needs the ORM's transaction: record it in inTransaction`);
        await handler.inStatements?.(run, event.data, batch);
      }
    }
  }

  runAfterCommit(batch: readonly RecordedEvent[]): void {
    for (const event of batch) {
      for (const handler of this.handlers.get(event.name) ?? []) {
        try {
          handler.afterCommit?.(event.data, batch);
        } catch (error) {
          // The change is committed; a failing listener must not turn it into an error for the caller.
          this.reportFailure(`After-commit handler of ${event.name} failed: ${(error as Error).message}`);
        }
      }
    }
  }
}
