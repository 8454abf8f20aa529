import type { EntityManager } from '@mikro-orm/postgresql';
import type { Language } from '../i18n/language.js';
import type { Logger } from '../logging/logger.js';

/**
 * Who is calling, as the plumbing sees it: opaque. The app resolves it from the credential and
 * hands in the policies that read it (composition.ts), so graphql/ knows no feature.
 */
export type Caller = object;

/** Cookie handling exists only for HTTP requests; over WebSocket there is no response to set it on. */
export interface SessionCookie {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

/** Per request (or per subscription event): its own EntityManager fork and the resolved principal. */
export interface RequestContext<P extends Caller = Caller, S = unknown> {
  em: EntityManager;
  principal: P;
  /** Language of messages and errors: the account's choice, else the browser's, else English. */
  language: Language;
  /** What the browser asked for (Accept-Language), used to seed a contact's language at first sign-in. */
  browserLanguage?: Language;
  ip: string;
  userAgent?: string;
  cookie?: SessionCookie;
  /** The bearer or cookie token this context was built from (re-checked for each subscription event). */
  sessionToken?: string;
  /**
   * What the app read in the same statement as the principal (e.g. the settings this request needs),
   * valid for this request only: `refreshForEvent` drops it, so a live event reads afresh.
   */
  withCaller?: unknown;
  /** The app's long-lived services (context.ts), passed through untouched. */
  services: S;
  /** This request's (or WebSocket operation's) logger, bound to its request id. */
  log?: Logger;
}
