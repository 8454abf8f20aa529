import type { DomainEventHandlers } from '../db/domain-events.js';
import type { EventBus } from '../pubsub/event-bus.js';

declare module '../db/domain-events.js' {
  interface DomainEvents {
    /** The portal settings are at this version now (sections, scopes, visibility...). */
    'portal_settings.changed': { version: number };
  }
}

/** Every instance and open portal re-reads what applies to it. */
export function publishSettingsChanges(handlers: DomainEventHandlers, bus: EventBus): void {
  handlers.on('portal_settings.changed', { afterCommit: ({ version }) => bus.publish('SETTINGS_CHANGED', { version }) });
}
