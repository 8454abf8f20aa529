import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal.js';
import type { SignInThrottle } from '../auth/sign-in-throttle.js';
import type { PorticoConfig } from '../config.js';
import type { Language } from '../i18n/language.js';
import type { DomainEventHandlers } from '../db/domain-events.js';
import type { EventBus } from '../pubsub/event-bus.js';
import type { SecretBox } from '../queue/secret-box.js';
import type { DnsLookup } from '../settings/domain-check.js';
import type { SettingsCache } from '../settings/settings-cache.js';
import type { Logger } from '../logging/logger.js';

/** Long-lived collaborators shared by every request of one server instance. */
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
  /** The instance's root logger (logging/logger.ts); parts of the server make children of it. */
  logger: Logger;
}

/** Cookie handling exists only for HTTP requests; over WebSocket there is no response to set it on. */
export interface SessionCookie {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

/** Per request (or per subscription event): its own EntityManager fork and the resolved principal. */
export interface Context {
  em: EntityManager;
  principal: Principal;
  /** Language of messages and errors: the account's choice, else the browser's, else English. */
  language: Language;
  /** What the browser asked for (Accept-Language), used to seed a contact's language at first sign-in. */
  browserLanguage?: Language;
  ip: string;
  userAgent?: string;
  cookie?: SessionCookie;
  /** The bearer or cookie token this context was built from (re-checked for each subscription event). */
  sessionToken?: string;
  services: AppServices;
  /** This request's (or WebSocket operation's) logger, bound to its request id. */
  log?: Logger;
}
