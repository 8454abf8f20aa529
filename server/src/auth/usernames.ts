import type { EntityManager } from '@mikro-orm/postgresql';
import { randomInt } from 'node:crypto';
import { Contact } from '../contacts/contact.entity.js';
import { Technician } from '../technicians/technician.entity.js';

/** Contacts and technicians sign in through the same `signIn`, so a username is unique across both. */
export async function isUsernameTaken(em: EntityManager, username: string): Promise<boolean> {
  const [contacts, technicians] = await Promise.all([em.count(Contact, { username }), em.count(Technician, { username })]);
  return contacts + technicians > 0;
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
