import type { Language } from '../i18n/language.js';
import type { TechnicianRole } from '../technicians/technician.entity.js';

/** Who is calling. Every policy decides from this alone. Later: API keys and device agents. */
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'contact'; id: string; customerId: string; isPrimary: boolean; sessionId: string; language: Language | null }
  | { kind: 'technician'; id: string; role: TechnicianRole; sessionId: string; language: Language | null };

export type ContactPrincipal = Extract<Principal, { kind: 'contact' }>;
export type TechnicianPrincipal = Extract<Principal, { kind: 'technician' }>;
export type SignedInPrincipal = ContactPrincipal | TechnicianPrincipal;

export const ANONYMOUS: Principal = { kind: 'anonymous' };
