import type { EntityManager } from '@mikro-orm/postgresql';
import { passwordProblem } from '../auth/password-policy.js';
import { generatePassword, hashPassword } from '../auth/passwords.js';
import { revokeSessions } from '../auth/session.service.js';
import { Account, AccountKind } from '../auth/account.entity.js';
import { flushClaimingUsername, isUsernameTaken } from '../auth/usernames.js';
import type { Emit } from '../db/transaction.js';
import { AppError } from '../graphql/errors.js';
import { Language } from '../i18n/language.js';
import { translate } from '../i18n/translate.js';
import { email as validEmail, requiredText, username as validUsername } from '../graphql/validate.js';
import { Technician, TechnicianRole } from './technician.entity.js';
import type { CreateTechnicianInput, UpdateTechnicianInput } from './technician.types.js';

export interface IssuedTechnicianCredentials {
  technician: Technician;
  username: string;
  password: string;
}

export async function createTechnician(tx: EntityManager, input: CreateTechnicianInput, password = generatePassword()): Promise<IssuedTechnicianCredentials> {
  const name = requiredText('name', input.name);
  const email = validEmail('email', input.email);
  const username = validUsername('username', input.username);
  if (await isUsernameTaken(tx, username)) throw new AppError('CONFLICT', 'technicians.usernameTaken', { field: 'username' });
  const account = tx.create(Account, { kind: AccountKind.TECHNICIAN, username });
  const technician = tx.create(Technician, { account, name, email, username, role: input.role, language: input.language ?? null, passwordHash: await hashPassword(password) });
  await flushClaimingUsername(tx, 'username');
  return { technician, username, password };
}

export async function updateTechnician(tx: EntityManager, technician: Technician, input: UpdateTechnicianInput): Promise<Technician> {
  const changes: Partial<Technician> = {};
  if (input.name != null) changes.name = requiredText('name', input.name);
  if (input.email != null) changes.email = validEmail('email', input.email);
  if (input.language != null) changes.language = input.language;
  if (input.role != null && input.role !== technician.role) {
    if (technician.role === TechnicianRole.ADMIN && (await tx.count(Technician, { role: TechnicianRole.ADMIN })) <= 1) {
      throw new AppError('CONFLICT', 'technicians.lastAdmin', { field: 'role' });
    }
    changes.role = input.role;
  }
  tx.assign(technician, changes);
  await tx.flush();
  return technician;
}

export async function reissueTechnicianCredentials(tx: EntityManager, emit: Emit, technician: Technician): Promise<IssuedTechnicianCredentials> {
  const password = generatePassword();
  tx.assign(technician, { passwordHash: await hashPassword(password) });
  await tx.flush();
  await revokeSessions(tx, emit, { account: technician.account.id });
  return { technician, username: technician.username, password };
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
  await em.transactional((tx) => createTechnician(tx as EntityManager, admin, chosen));
  if (!password) {
    print(`First start: created the administrator "${username ?? 'admin'}" with the password ${chosen}`);
    print('Sign in at /admin and keep this password safe; it is not shown again.');
  }
}
