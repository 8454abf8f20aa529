import type { EntityManager } from '@mikro-orm/postgresql';
import { generatePassword, hashPassword } from '../auth/passwords.js';
import { revokeSessions } from '../auth/session.service.js';
import { Account, AccountKind } from '../auth/account.entity.js';
import { flushClaimingUsername, generateUsername } from '../auth/usernames.js';
import { Customer } from '../customers/customer.entity.js';
import type { Emit } from '../db/transaction.js';
import { AppError } from '../graphql/errors.js';
import { email as validEmail, optionalPhone, requiredText } from '../graphql/validate.js';
import { Contact } from './contact.entity.js';
import type { CreateContactInput, UpdateContactInput } from './contact.types.js';

export interface IssuedCredentials {
  contact: Contact;
  username: string;
  password: string;
}

/** Creates a contact with a generated username and password; the password leaves only in the result. */
export async function createContact(tx: EntityManager, customer: Customer, input: CreateContactInput): Promise<IssuedCredentials> {
  const name = requiredText('name', input.name);
  const email = validEmail('email', input.email);
  const phone = optionalPhone('phone', input.phone);
  await assertEmailFree(tx, email);
  const username = await generateUsername(tx, name, email);
  const password = generatePassword();
  const account = tx.create(Account, { kind: AccountKind.CONTACT, username });
  const contact = tx.create(Contact, {
    account,
    customer,
    name,
    email,
    username,
    passwordHash: await hashPassword(password),
    language: input.language ?? null,
    isPrimary: input.isPrimary ?? false,
    phone,
  });
  await flushClaimingUsername(tx, 'username');
  return { contact, username, password };
}

export async function updateContact(tx: EntityManager, contact: Contact, input: UpdateContactInput): Promise<Contact> {
  const changes: Partial<Contact> = {};
  if (input.name != null) changes.name = requiredText('name', input.name);
  if (input.email != null) {
    changes.email = validEmail('email', input.email);
    if (changes.email !== contact.email) await assertEmailFree(tx, changes.email);
  }
  if (input.phone !== undefined) changes.phone = optionalPhone('phone', input.phone);
  if (input.language != null) changes.language = input.language;
  if (input.isPrimary != null) changes.isPrimary = input.isPrimary;
  tx.assign(contact, changes);
  await tx.flush();
  return contact;
}

/** New password, old one and every session invalidated (PRODUCT.md F1 "re-issue credentials"). */
export async function reissueContactCredentials(tx: EntityManager, emit: Emit, contact: Contact): Promise<IssuedCredentials> {
  const password = generatePassword();
  tx.assign(contact, { passwordHash: await hashPassword(password), credentialsIssuedAt: new Date() });
  await tx.flush();
  await revokeSessions(tx, emit, { account: contact.account.id });
  return { contact, username: contact.username, password };
}

async function assertEmailFree(em: EntityManager, email: string): Promise<void> {
  if (await em.count(Contact, { email })) throw new AppError('CONFLICT', 'contacts.emailTaken', { field: 'email' });
}
