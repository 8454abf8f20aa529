import type { Principal } from './auth/principal.js';
import type { SignInThrottle } from './auth/sign-in-throttle.js';
import type { PorticoConfig } from './config.js';
import type { DomainEventHandlers } from './db/domain-events.js';
import type { Reads } from './db/reads.js';
import type { RequestContext } from './graphql/context.js';
import type { Logger } from './logging/logger.js';
import type { EventBus } from './pubsub/event-bus.js';
import type { SecretBox } from './queue/secret-box.js';
import type { DnsLookup } from './settings/domain-check.js';
import type { SettingsCache } from './settings/settings-cache.js';
import type { CommandSigner } from './devices/command-signing.js';
import type { DeviceCommandExpiry } from './devices/device.events.js';
import type { DevicePresence } from './devices/device-presence.js';

export type { SessionCookie } from './graphql/context.js';

/** Long-lived collaborators shared by every request of one server instance (wired in app.ts). */
export interface AppServices {
  config: PorticoConfig;
  /** Live updates (subscriptions listen here; domain-event handlers publish). */
  events: EventBus;
  /** The portal settings in memory, for decisions made per live event (settings/settings-cache.ts). */
  settingsCache: SettingsCache;
  /** What runs when services record domain events (audit, mail, live updates), registered at start. */
  domainEvents: DomainEventHandlers;
  throttle: SignInThrottle;
  secrets: SecretBox;
  dns: DnsLookup;
  /** Plain-row reads with prepared statements, for the paths that run on every request (db/reads.ts). */
  reads: Reads;
  /** Devices: the command signer and which agents are connected here (devices/). */
  devices: { signer: CommandSigner; presence: DevicePresence; expiry: DeviceCommandExpiry };
  /** The instance's root logger (logging/logger.ts); parts of the server make children of it. */
  logger: Logger;
}

/** Per request (or per subscription event): what the GraphQL edge builds, with Portico's principal and services. */
export type Context = RequestContext<Principal, AppServices>;
