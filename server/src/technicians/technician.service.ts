import type { EntityManager } from '@mikro-orm/postgresql';
import { passwordProblem } from '../auth/password-policy.js';
import { generatePassword, hashPassword } from '../auth/passwords.js';
import { revokeSessions } from '../auth/session.service.js';
import { Account, AccountKind } from '../auth/account.entity.js';
import type { AuditActor, AuditSubject } from '../audit/audit.service.js';
import { flushClaimingUsername, isUsernameTaken } from '../auth/usernames.js';
import type { RecordEvent } from '../db/domain-events.js';
import { AppError } from '../core/errors.js';
import { Language } from '../i18n/language.js';
import { translate } from '../i18n/translate.js';
import { email as validEmail, requiredText, username as validUsername } from '../core/validate.js';
import { Technician, TechnicianRole } from './technician.entity.js';
import { technicianPolicy } from './technician.policy.js';
import type { CreateTechnicianInput, UpdateTechnicianInput } from './technician.types.js';

export interface IssuedTechnicianCredentials {
  technician: Technician;
  username: string;
  password: string;
}

/** How the audit log names a technician. */
const subjectOf = (technician: Technician): AuditSubject => ({ kind: 'technician', id: technician.id, name: technician.name });

/** Creates a technician; `actor` (absent for the first admin and test factories) is recorded in the audit log. */
export async function createTechnician(tx: EntityManager, record: RecordEvent, input: CreateTechnicianInput, password = generatePassword(), actor?: AuditActor): Promise<IssuedTechnicianCredentials> {
  const name = requiredText('name', input.name);
  const email = validEmail('email', input.email);
  const username = validUsername('username', input.username);
  if (await isUsernameTaken(tx, username)) throw new AppError('CONFLICT', 'technicians.usernameTaken', { field: 'username' });
  const account = tx.create(Account, { kind: AccountKind.TECHNICIAN, username });
  const technician = tx.create(Technician, { account, name, email, username, role: input.role, language: input.language ?? null, passwordHash: await hashPassword(password) });
  await flushClaimingUsername(tx, 'username');
  if (actor) record('technician.created', { actor, details: { username, role: technician.role }, subject: subjectOf(technician) });
  return { technician, username, password };
}

/** Changes a technician; a role change is audited, and the last active admin keeps its role. */
export async function updateTechnician(tx: EntityManager, record: RecordEvent, technician: Technician, input: UpdateTechnicianInput, actor?: AuditActor): Promise<Technician> {
  const changes: Partial<Technician> = {};
  if (input.name != null) changes.name = requiredText('name', input.name);
  if (input.email != null) changes.email = validEmail('email', input.email);
  if (input.language != null) changes.language = input.language;
  const previousRole = technician.role;
  if (input.role != null && input.role !== technician.role) {
    if (technician.role === TechnicianRole.ADMIN) await assertAnotherActiveAdmin(tx, technician, 'role');
    changes.role = input.role;
  }
  tx.assign(technician, changes);
  await tx.flush();
  if (changes.role) record('accounts.changed', { accountIds: [technician.account.id] });
  if (changes.role && actor) record('technician.role_changed', { actor, details: { from: previousRole, to: changes.role }, subject: subjectOf(technician) });
  return technician;
}

export async function reissueTechnicianCredentials(tx: EntityManager, record: RecordEvent, technician: Technician, actor?: AuditActor): Promise<IssuedTechnicianCredentials> {
  const password = generatePassword();
  tx.assign(technician, { passwordHash: await hashPassword(password) });
  await tx.flush();
  await revokeSessions(tx, record, { account: technician.account.id });
  if (actor) record('technician.credentials_reissued', { actor, details: { username: technician.username }, subject: subjectOf(technician) });
  return { technician, username: technician.username, password };
}

/**
 * Deactivates (no sign-in, every session ended at once, history kept) or reactivates a
 * technician's account, in the caller's transaction, with its audit record. Admins only; never
 * oneself, never the last active admin. Asking for the state it already has changes nothing.
 */
export async function setTechnicianActive(tx: EntityManager, record: RecordEvent, actor: AuditActor, technician: Technician, active: boolean): Promise<Technician> {
  if (active) {
    if (!technicianPolicy.canReactivate(actor.principal)) throw new AppError('FORBIDDEN');
  } else {
    const verdict = technicianPolicy.deactivation(actor.principal, technician);
    if (verdict === 'FORBIDDEN') throw new AppError('FORBIDDEN');
    if (verdict === 'SELF') throw new AppError('CONFLICT', 'technicians.cannotDeactivateSelf');
  }
  // Serialize with other admin changes, then read the rows as they are now.
  await lockAdmins(tx);
  const current = await tx.findOneOrFail(Technician, technician.id, { refresh: true });
  const account = await tx.findOneOrFail(Account, current.account.id, { refresh: true });
  if ((account.deactivatedAt === null) === active) return current;
  if (!active && current.role === TechnicianRole.ADMIN) await assertAnotherActiveAdmin(tx, current);
  account.deactivatedAt = active ? null : new Date();
  await tx.flush();
  if (!active) await revokeSessions(tx, record, { account: account.id });
  record(active ? 'technician.reactivated' : 'technician.deactivated', { actor, details: { role: current.role }, subject: subjectOf(current) });
  await tx.flush();
  return current;
}

/**
 * CONFLICT unless an active admin other than this technician remains. Under the admins lock, so
 * two admins deactivating or demoting each other at the same moment cannot leave none.
 */
async function assertAnotherActiveAdmin(tx: EntityManager, technician: Technician, field?: string): Promise<void> {
  await lockAdmins(tx);
  const others = await tx.count(Technician, { role: TechnicianRole.ADMIN, id: { $ne: technician.id }, account: { deactivatedAt: null } });
  if (others === 0) throw new AppError('CONFLICT', 'technicians.lastAdmin', field ? { field } : {});
}

/** One transaction at a time may change who is an active admin (held until commit). */
async function lockAdmins(tx: EntityManager): Promise<void> {
  await tx.getConnection().execute("select pg_advisory_xact_lock(hashtext('portico.active_admins'))", [], 'all', tx.getTransactionContext());
}

/**
 * First start: with no technician at all, create the admin from PORTICO_ADMIN_USERNAME/PASSWORD,
 * or with a generated password that is printed once. A chosen password must pass the password
 * policy, else the start fails with the reason.
 */
export async function ensureFirstAdmin(em: EntityManager, username: string | undefined, password: string | undefined, print: (line: string) => void): Promise<void> {
  if ((await em.count(Technician, {})) > 0) return;
  const admin = { name: 'Administrator', email: 'admin@localhost.localdomain', username: username ?? 'admin', role: TechnicianRole.ADMIN };
  const problem = password === undefined ? null : passwordProblem(password, { holder: 'technician', ...admin });
  if (problem) {
    throw new Error(`PORTICO_ADMIN_PASSWORD is not accepted: ${translate(Language.EN, problem.key, problem.params)} Choose another one, or leave it unset to get a generated password printed once.`);
  }
  const chosen = password ?? generatePassword();
  // The first admin has no actor: nothing to record.
  await em.transactional((tx) => createTechnician(tx as EntityManager, () => undefined, admin, chosen));
  if (!password) {
    print(`First start: created the administrator "${username ?? 'admin'}" with the password ${chosen}`);
    print('Sign in at /admin and keep this password safe; it is not shown again.');
  }
}
