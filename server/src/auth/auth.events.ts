import type { DomainEventHandlers } from '../db/domain-events.js';
import type { EventBus } from '../pubsub/event-bus.js';

declare module '../db/domain-events.js' {
  interface DomainEvents {
    /** Sessions ended by sign-out everywhere, a password change, new credentials or deactivation. */
    'sessions.revoked': { sessionIds: string[] };
    /** Accounts whose permissions changed (made primary, another role): open subscriptions re-read them. */
    'accounts.changed': { accountIds: string[] };
  }
}

/** Open connections of revoked sessions hear of it at once (their subscriptions end). */
export function publishSessionRevocations(handlers: DomainEventHandlers, bus: EventBus): void {
  handlers.on('sessions.revoked', { afterCommit: ({ sessionIds }) => bus.publish('SESSIONS_REVOKED', { sessionIds }) });
  handlers.on('accounts.changed', { afterCommit: ({ accountIds }) => bus.publish('ACCOUNTS_CHANGED', { accountIds }) });
}
