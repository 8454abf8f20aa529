import type { EntityManager } from '@mikro-orm/postgresql';
import { Contact } from '../contacts/contact.entity.js';
import type { Emit } from '../db/transaction.js';
import { Technician } from '../technicians/technician.entity.js';
import { ANONYMOUS, type Principal } from './principal.js';
import { Session } from './session.entity.js';
import { generateSessionToken, hashToken } from './tokens.js';

export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
/** lastSeenAt is refreshed at most this often, so reads do not turn every request into a write. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

export type Account = Contact | Technician;

export interface SessionMeta {
  ip?: string;
  userAgent?: string;
}

/** Creates a session for an account; the token is returned once and only its hash is stored. */
export async function startSession(em: EntityManager, account: Account, meta: SessionMeta): Promise<{ token: string; session: Session }> {
  const token = generateSessionToken();
  const session = em.create(Session, {
    tokenHash: hashToken(token),
    contact: account instanceof Contact ? account : null,
    technician: account instanceof Technician ? account : null,
    expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS),
    ip: meta.ip?.slice(0, 64),
    userAgent: meta.userAgent?.slice(0, 400),
  });
  await em.flush();
  return { token, session };
}

/** Resolves a bearer token to the principal it belongs to, in one query. Anything invalid is anonymous. */
export async function principalForToken(em: EntityManager, token: string | undefined): Promise<Principal> {
  if (!token) return ANONYMOUS;
  const session = await em.findOne(
    Session,
    { tokenHash: hashToken(token), revokedAt: null, expiresAt: { $gt: new Date() } },
    { populate: ['contact', 'technician'] },
  );
  if (!session) return ANONYMOUS;
  if (Date.now() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await em.nativeUpdate(Session, { id: session.id }, { lastSeenAt: new Date() });
  }
  const contact = session.contact?.getEntity();
  if (contact) {
    return { kind: 'contact', id: contact.id, customerId: contact.customer.id, isPrimary: contact.isPrimary, sessionId: session.id, language: contact.language };
  }
  const technician = session.technician?.getEntity();
  if (technician) {
    return { kind: 'technician', id: technician.id, role: technician.role, sessionId: session.id, language: technician.language };
  }
  return ANONYMOUS;
}

/**
 * Revokes sessions; open connections hear of it through the `sessionEnded` subscription once the
 * transaction commits. `exceptSessionId` keeps the caller's own session (after a password change).
 */
export async function revokeSessions(
  em: EntityManager,
  emit: Emit,
  owner: { contact: string } | { technician: string } | { session: string },
  exceptSessionId?: string,
): Promise<void> {
  const where = 'session' in owner ? { id: owner.session } : 'contact' in owner ? { contact: owner.contact } : { technician: owner.technician };
  const sessions = await em.find(Session, { $and: [where, { revokedAt: null }, exceptSessionId ? { id: { $ne: exceptSessionId } } : {}] }, { fields: ['id'] });
  if (sessions.length === 0) return;
  const sessionIds = sessions.map((s) => s.id);
  await em.nativeUpdate(Session, { id: { $in: sessionIds } }, { revokedAt: new Date() });
  emit('SESSIONS_REVOKED', { sessionIds });
}
