import type { Language } from '../i18n/language.js';
import type { TechnicianRole } from '../technicians/technician.entity.js';

/** Who is calling. Every policy decides from this alone. Later: API keys and device agents. */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'contact'; id: string; customerId: string; isPrimary: boolean; sessionId: string; language: Language | null }
  | { kind: 'technician'; id: string; role: TechnicianRole; sessionId: string; language: Language | null };

export type ContactActor = Extract<Actor, { kind: 'contact' }>;
export type TechnicianActor = Extract<Actor, { kind: 'technician' }>;
export type SignedInActor = ContactActor | TechnicianActor;

export const ANONYMOUS: Actor = { kind: 'anonymous' };
