import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { randomInt } from 'node:crypto';
import { AppError } from '../core/errors.js';
import { Account } from './account.entity.js';

/**
 * Contacts and technicians sign in through the same `signIn`, so a username is unique across both:
 * the unique index on `accounts.username` guarantees it; this check only gives the early answer.
 */
export async function isUsernameTaken(em: EntityManager, username: string): Promise<boolean> {
  return (await em.count(Account, { username })) > 0;
}

/**
 * Flushes a new account. When another request took the same username in the meantime, the
 * database's unique index refuses it and the caller gets CONFLICT on the username field.
 */
export async function flushClaimingUsername(tx: EntityManager, field: string): Promise<void> {
  try {
    await tx.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException && /accounts_username/.test(String(error.message))) {
      throw new AppError('CONFLICT', 'technicians.usernameTaken', { field });
    }
    throw error;
  }
}

/** `jane.doe` from "Jane Doe" (accents dropped), with a number appended when taken. */
export async function generateUsername(em: EntityManager, name: string, email: string): Promise<string> {
  const fromName = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '')
    .slice(0, 32);
  const base = fromName.length >= 3 ? fromName : email.split('@')[0].toLowerCase().replace(/[^a-z0-9._-]/g, '').slice(0, 32).padEnd(3, '0');
  if (!(await isUsernameTaken(em, base))) return base;
  for (let attempt = 0; attempt < 20; attempt++) {
    const candidate = `${base}${randomInt(10 ** (2 + Math.floor(attempt / 5)))}`;
    if (!(await isUsernameTaken(em, candidate))) return candidate;
  }
  throw new Error(`Could not find a free username for ${base}`);
}
