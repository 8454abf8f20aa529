import type { EntityManager } from '@mikro-orm/postgresql';
import { Contact } from '../contacts/contact.entity.js';
import type { RecordEvent } from '../db/domain-events.js';
import { AppError } from '../core/errors.js';
import type { Language } from '../i18n/language.js';
import { Technician } from '../technicians/technician.entity.js';
import { isContact, type SignedInPrincipal } from '../auth/principal.js';
import { assertAcceptablePassword } from '../auth/password-policy.js';
import { burnVerificationTime, hashPassword, verifyPassword } from '../auth/passwords.js';
import { revokeSessions, startSession, type SessionMeta } from '../auth/session.service.js';
import type { SignInThrottle } from '../auth/sign-in-throttle.js';

/** A person who signs in: a contact or a technician (each with its account). */
export type Person = Contact | Technician;

export interface SignInRequest extends SessionMeta {
  username: string;
  password: string;
  ip: string;
  browserLanguage?: Language;
}

/**
 * Passes the throttle, then checks the password. Unknown usernames and wrong passwords take the
 * same path and time and give the same answer, so sign-in does not reveal which accounts exist.
 * The throttle runs before the transaction: a slowed-down attempt waits without holding a
 * database connection. Give it the request's EntityManager, not a transaction.
 */
export async function signIn(em: EntityManager, throttle: SignInThrottle, request: SignInRequest) {
  const username = request.username.trim().toLowerCase();
  const attempt = await throttle.admitSignIn(username, request.ip);
  const result = await em.transactional(async (fork) => {
    const tx = fork as EntityManager;
    const account = await findAccount(tx, username);
    const valid = account ? await verifyPassword(account.passwordHash, request.password) : (await burnVerificationTime(request.password), false);
    if (!account || !valid) throw new AppError('UNAUTHENTICATED', 'auth.invalidCredentials');
    account.lastSignInAt = new Date();
    // First sign-in of a contact without a chosen language starts from the browser's (PRODUCT.md F7).
    if (account instanceof Contact && account.language === null && request.browserLanguage) account.language = request.browserLanguage;
    const { token, session } = await startSession(tx, account, request);
    return { token, expiresAt: session.expiresAt, viewer: account };
  });
  await attempt.succeeded();
  return result;
}

/** The person with this username, unless its account (or a contact's customer) is deactivated. */
async function findAccount(em: EntityManager, username: string): Promise<Person | null> {
  const active = { username, account: { deactivatedAt: null } };
  const technician = await em.findOne(Technician, active, { populate: ['passwordHash'] });
  if (technician) return technician;
  return em.findOne(Contact, { ...active, customer: { deactivatedAt: null } }, { populate: ['passwordHash'] });
}

export async function loadAccount(em: EntityManager, principal: SignedInPrincipal): Promise<Person> {
  return isContact(principal) ? em.findOneOrFail(Contact, principal.id) : em.findOneOrFail(Technician, principal.id);
}

/**
 * The new password must pass the policy (password-policy.ts); wrong current passwords are
 * throttled per account (RATE_LIMITED), so a left-open session cannot be used to guess it.
 */
export async function changePassword(tx: EntityManager, record: RecordEvent, throttle: SignInThrottle, principal: SignedInPrincipal, currentPassword: string, newPassword: string): Promise<void> {
  const account = isContact(principal)
    ? await tx.findOneOrFail(Contact, principal.id, { populate: ['passwordHash'] })
    : await tx.findOneOrFail(Technician, principal.id, { populate: ['passwordHash'] });
  assertAcceptablePassword(newPassword, { holder: account instanceof Technician ? 'technician' : 'contact', username: account.username, name: account.name, email: account.email });
  if (newPassword === currentPassword) throw new AppError('BAD_USER_INPUT', 'auth.passwordUnchanged', { field: 'newPassword' });
  const attempt = await throttle.admitPasswordChange(account.username);
  if (!(await verifyPassword(account.passwordHash, currentPassword))) {
    throw new AppError('BAD_USER_INPUT', 'auth.wrongCurrentPassword', { field: 'currentPassword' });
  }
  await attempt.succeeded();
  account.passwordHash = await hashPassword(newPassword);
  await tx.flush();
  // Whoever knew the old password is signed out; the caller's own session stays.
  await revokeSessions(tx, record, { account: principal.accountId }, principal.sessionId);
}
