import type { EntityManager } from '@mikro-orm/postgresql';
import { Contact } from '../contacts/contact.entity.js';
import type { Emit } from '../db/transaction.js';
import { AppError } from '../graphql/errors.js';
import type { Language } from '../i18n/language.js';
import { Technician } from '../technicians/technician.entity.js';
import { isContact, type SignedInPrincipal } from './principal.js';
import { burnVerificationTime, hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, verifyPassword } from './passwords.js';
import { revokeSessions, startSession, type Person, type SessionMeta } from './session.service.js';
import type { SignInThrottle } from './sign-in-throttle.js';

export interface SignInRequest extends SessionMeta {
  username: string;
  password: string;
  ip: string;
  browserLanguage?: Language;
}

/**
 * Checks the throttle, then the password. Unknown usernames and wrong passwords take the same path
 * and time and give the same answer, so sign-in does not reveal which accounts exist.
 */
export async function signIn(em: EntityManager, throttle: SignInThrottle, request: SignInRequest) {
  const username = request.username.trim().toLowerCase();
  await throttle.assertAllowed(username, request.ip);
  const account = await findAccount(em, username);
  const valid = account ? await verifyPassword(account.passwordHash, request.password) : (await burnVerificationTime(request.password), false);
  if (!account || !valid) {
    await throttle.recordFailure(username, request.ip);
    throw new AppError('UNAUTHENTICATED', 'auth.invalidCredentials');
  }
  await throttle.recordSuccess(username);
  account.lastSignInAt = new Date();
  // First sign-in of a contact without a chosen language starts from the browser's (PRODUCT.md F7).
  if (account instanceof Contact && account.language === null && request.browserLanguage) account.language = request.browserLanguage;
  const { token, session } = await startSession(em, account, request);
  return { token, expiresAt: session.expiresAt, viewer: account };
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

export async function changePassword(tx: EntityManager, emit: Emit, principal: SignedInPrincipal, currentPassword: string, newPassword: string): Promise<void> {
  if (newPassword.length < PASSWORD_MIN_LENGTH) throw new AppError('BAD_USER_INPUT', 'auth.passwordTooShort', { field: 'newPassword', params: { min: PASSWORD_MIN_LENGTH } });
  if (newPassword.length > PASSWORD_MAX_LENGTH) throw new AppError('BAD_USER_INPUT', 'auth.passwordTooLong', { field: 'newPassword', params: { max: PASSWORD_MAX_LENGTH } });
  if (newPassword === currentPassword) throw new AppError('BAD_USER_INPUT', 'auth.passwordUnchanged', { field: 'newPassword' });
  const account = isContact(principal)
    ? await tx.findOneOrFail(Contact, principal.id, { populate: ['passwordHash'] })
    : await tx.findOneOrFail(Technician, principal.id, { populate: ['passwordHash'] });
  if (!(await verifyPassword(account.passwordHash, currentPassword))) {
    throw new AppError('BAD_USER_INPUT', 'auth.wrongCurrentPassword', { field: 'currentPassword' });
  }
  account.passwordHash = await hashPassword(newPassword);
  await tx.flush();
  // Whoever knew the old password is signed out; the caller's own session stays.
  await revokeSessions(tx, emit, { account: principal.accountId }, principal.sessionId);
}
