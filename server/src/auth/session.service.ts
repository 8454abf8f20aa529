import type { Ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RecordEvent } from '../db/domain-events.js';
import type { Language } from '../i18n/language.js';
import type { Account } from './account.entity.js';
import { Session } from './session.entity.js';
import type { TechnicianRole } from './technician-role.js';
import { ANONYMOUS, type Principal } from './principal.js';
import { generateSessionToken, hashToken } from './tokens.js';

export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
/** lastSeenAt is refreshed at most this often, so reads do not turn every request into a write. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000;

/** A person who signs in: a contact or a technician, each with its account (the entities live in their features). */
export interface AccountHolder {
  account: Ref<Account>;
}

export interface SessionMeta {
  ip?: string;
  userAgent?: string;
}

/** Creates a session for a person's account; the token is returned once and only its hash is stored. */
export async function startSession(em: EntityManager, person: AccountHolder, meta: SessionMeta): Promise<{ token: string; session: Session }> {
  const token = generateSessionToken();
  const session = em.create(Session, {
    tokenHash: hashToken(token),
    account: person.account,
    expiresAt: new Date(Date.now() + SESSION_LIFETIME_MS),
    ip: meta.ip?.slice(0, 64),
    userAgent: meta.userAgent?.slice(0, 400),
  });
  await em.flush();
  return { token, session };
}

export interface PrincipalRow {
  session_id: string;
  last_seen_at: Date;
  account_id: string;
  contact_id: string | null;
  customer_id: string | null;
  is_primary: boolean | null;
  contact_language: Language | null;
  technician_id: string | null;
  role: TechnicianRole | null;
  technician_language: Language | null;
  person_name: string | null;
}

/**
 * The whole principal in one statement of plain rows (no entities): a live session of an active
 * account, with the contact's customer (active) or the technician's role. `tokenHash` is the
 * placeholder of the token's hash (`$1` in a prepared statement). composition.ts reads the
 * request's settings in the same statement.
 */
export function principalSql(tokenHash: string): string {
  return `select s.id as session_id, s.last_seen_at, a.id as account_id,
         c.id as contact_id, c.customer_id, c.is_primary, c.language as contact_language,
         t.id as technician_id, t.role, t.language as technician_language, coalesce(c.name, t.name) as person_name
    from sessions s
    join accounts a on a.id = s.account_id and a.deactivated_at is null
    left join contacts c on c.account_id = a.id
    left join customers cu on cu.id = c.customer_id
    left join technicians t on t.account_id = a.id
   where s.token_hash = ${tokenHash} and s.revoked_at is null and s.expires_at > now()
     and (c.id is null or cu.deactivated_at is null)`;
}

/** Tokens longer than this are not ours: anonymous without a lookup. */
export const MAX_TOKEN_LENGTH = 200;

/** The principal of a row of `principalSql` (none: anonymous). */
export function principalFromRow(row: PrincipalRow | undefined | null): Principal {
  if (!row?.session_id) return ANONYMOUS;
  if (row.contact_id && row.customer_id) {
    return { kind: 'contact', id: row.contact_id, accountId: row.account_id, customerId: row.customer_id, isPrimary: !!row.is_primary, sessionId: row.session_id, language: row.contact_language, ...nameOf(row) };
  }
  if (row.technician_id && row.role) {
    return { kind: 'technician', id: row.technician_id, accountId: row.account_id, role: row.role, sessionId: row.session_id, language: row.technician_language, ...nameOf(row) };
  }
  return ANONYMOUS;
}

const nameOf = (row: PrincipalRow) => (typeof row.person_name === 'string' ? { name: row.person_name } : {});

/** Refreshes the session's lastSeenAt when it is older than the touch interval (rarely: reads stay reads). */
export async function touchSession(em: EntityManager, row: PrincipalRow | undefined | null): Promise<void> {
  if (!row?.session_id || Date.now() - new Date(row.last_seen_at).getTime() <= TOUCH_INTERVAL_MS) return;
  await em.getConnection().execute('update sessions set last_seen_at = now() where id = ?', [row.session_id]);
}

/** Resolves a bearer token to its principal. Anything invalid, revoked, expired or deactivated is anonymous. */
export async function principalForToken(em: EntityManager, token: string | undefined): Promise<Principal> {
  if (!token || token.length > MAX_TOKEN_LENGTH) return ANONYMOUS;
  const [row] = await em.getConnection().execute<PrincipalRow[]>(principalSql('?'), [hashToken(token)]);
  await touchSession(em, row);
  return principalFromRow(row);
}

/** Whose sessions to end: every session of an account, of all a customer's contacts, or one session. */
export type SessionOwner = { account: string } | { customer: string } | { session: string };

/**
 * Revokes sessions; open connections hear of it through the `sessionEnded` subscription once the
 * transaction commits. `exceptSessionId` keeps the caller's own session (after a password change).
 */
export async function revokeSessions(em: EntityManager, record: RecordEvent, owner: SessionOwner, exceptSessionId?: string | null): Promise<void> {
  const where = 'session' in owner
    ? { id: owner.session }
    : 'account' in owner
      ? { account: owner.account }
      : { account: { $in: await customerAccounts(em, owner.customer) } };
  const sessions = await em.find(Session, { $and: [where, { revokedAt: null }, exceptSessionId ? { id: { $ne: exceptSessionId } } : {}] }, { fields: ['id'] });
  if (sessions.length === 0) return;
  const sessionIds = sessions.map((s) => s.id);
  await em.nativeUpdate(Session, { id: { $in: sessionIds } }, { revokedAt: new Date() });
  record('sessions.revoked', { sessionIds });
}

/** The accounts of a customer's contacts, in plain SQL like the principal (auth/ sits below contacts/). */
async function customerAccounts(em: EntityManager, customerId: string): Promise<string[]> {
  const rows = await em.getConnection().execute<{ account_id: string }[]>('select account_id from contacts where customer_id = ?', [customerId], 'all', em.getTransactionContext());
  return rows.map((row) => row.account_id);
}
