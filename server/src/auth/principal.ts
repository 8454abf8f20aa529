import type { Language } from '../i18n/language.js';
import { TechnicianRole } from './technician-role.js';
import { AppError } from '../core/errors.js';

/**
 * Who is calling: one principal per HTTP request, WebSocket connection, inbound mail or (later)
 * device connection, resolved from its credential in one lookup (`principal.lookup.ts`).
 *
 * This module and the feature policies (`*.policy.ts`) are the only places that look at `kind`
 * (`principal-decisions.test.ts` counts them); everything else asks the predicates below or a policy.
 */
export type Principal =
  | { kind: 'anonymous' }
  /** `name`: the person's name when the principal was read (an audited write then needs no lookup); absent when not read. */
  | { kind: 'contact'; id: string; accountId: string; customerId: string; isPrimary: boolean; sessionId: string | null; language: Language | null; name?: string }
  | { kind: 'technician'; id: string; accountId: string; role: TechnicianRole; sessionId: string; language: Language | null; name?: string }
  /** An integrator's key (F9): its scopes, optionally restricted to one customer. No sessions. */
  | { kind: 'apiKey'; id: string; scopes: readonly string[]; customerId: string | null }
  /** A managed computer's agent (F5): acts only for its own device. */
  | { kind: 'device'; id: string; customerId: string };

export type ContactPrincipal = Extract<Principal, { kind: 'contact' }>;
export type TechnicianPrincipal = Extract<Principal, { kind: 'technician' }>;
export type DevicePrincipal = Extract<Principal, { kind: 'device' }>;
/** A person with a session: a contact or a technician. */
export type SignedInPrincipal = ContactPrincipal | TechnicianPrincipal;

export const ANONYMOUS: Principal = { kind: 'anonymous' };

export const isAnonymous = (p: Principal): p is Extract<Principal, { kind: 'anonymous' }> => p.kind === 'anonymous';
export const isContact = (p: Principal): p is ContactPrincipal => p.kind === 'contact';
export const isStaff = (p: Principal): p is TechnicianPrincipal => p.kind === 'technician';
export const isAdmin = (p: Principal): p is TechnicianPrincipal => p.kind === 'technician' && p.role === TechnicianRole.ADMIN;
export const isPerson = (p: Principal): p is SignedInPrincipal => p.kind === 'contact' || p.kind === 'technician';
export const isDevice = (p: Principal): p is DevicePrincipal => p.kind === 'device';
export const isPrimaryContact = (p: Principal): p is ContactPrincipal => p.kind === 'contact' && p.isPrimary;

/** The language the principal chose, if it is a person who chose one. */
export function languageOf(p: Principal): Language | null {
  return isPerson(p) ? p.language : null;
}

/** The signed-in person; UNAUTHENTICATED otherwise (the declared permission has checked it already). */
export function personOf(p: Principal): SignedInPrincipal {
  if (!isPerson(p)) throw new AppError(isAnonymous(p) ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  return p;
}

/** The technician; FORBIDDEN otherwise (the declared permission has checked it already). */
export function staffOf(p: Principal): TechnicianPrincipal {
  if (!isStaff(p)) throw new AppError(isAnonymous(p) ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  return p;
}

/** The customer a principal acts for, if it is bound to one (contacts, devices, restricted API keys). */
export function customerOf(p: Principal): string | null {
  if (p.kind === 'contact' || p.kind === 'device') return p.customerId;
  if (p.kind === 'apiKey') return p.customerId;
  return null;
}

/** How an audit record or a status change names the kind of who did it. */
export function actorKindOf(p: Principal): 'contact' | 'technician' | 'apiKey' | 'device' | 'system' {
  return p.kind === 'anonymous' ? 'system' : p.kind;
}

/** Id of whoever did it, for audit records; null for the system (anonymous). */
export function actorIdOf(p: Principal): string | null {
  return p.kind === 'anonymous' ? null : p.id;
}

/**
 * The principal of a contact who reaches Portico without a session (inbound mail from a verified
 * sender): same rules as in the portal.
 */
export function contactPrincipal(contact: { id: string; account: { id: string }; customer: { id: string }; isPrimary: boolean; language: Language | null }): ContactPrincipal {
  return { kind: 'contact', id: contact.id, accountId: contact.account.id, customerId: contact.customer.id, isPrimary: contact.isPrimary, sessionId: null, language: contact.language };
}

/** The principal of an enrolled device's agent (its credential resolved to the device's row). */
export function devicePrincipal(device: { id: string; customerId: string }): DevicePrincipal {
  return { kind: 'device', id: device.id, customerId: device.customerId };
}

/** The device; FORBIDDEN otherwise (the declared permission has checked it already). */
export function deviceOf(p: Principal): DevicePrincipal {
  if (!isDevice(p)) throw new AppError(isAnonymous(p) ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  return p;
}

/** The session behind a person's principal (for "sign out here"), if any. */
export function sessionOf(p: Principal): string | null {
  return isPerson(p) ? p.sessionId : null;
}
