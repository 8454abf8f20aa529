import type { EntityManager } from '@mikro-orm/postgresql';
import { generatePassword, hashPassword } from '../auth/passwords.js';
import { revokeSessions } from '../auth/session.service.js';
import { Account, AccountKind } from '../auth/account.entity.js';
import type { AuditActor, AuditSubject } from '../audit/audit.service.js';
import { flushClaimingUsername, generateUsername } from '../auth/usernames.js';
import { Customer } from '../customers/customer.entity.js';
import type { RecordEvent } from '../db/domain-events.js';
import { AppError } from '../core/errors.js';
import { email as validEmail, optionalPhone, requiredText } from '../core/validate.js';
import { Contact } from './contact.entity.js';
import { contactPolicy } from './contact.policy.js';
import type { CreateContactInput, UpdateContactInput } from './contact.types.js';

export interface IssuedCredentials {
  contact: Contact;
  username: string;
  password: string;
}

/** Creates a contact with a generated username and password; the password leaves only in the result. */
export async function createContact(tx: EntityManager, record: RecordEvent, customer: Customer, input: CreateContactInput): Promise<IssuedCredentials> {
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
  record('contact.credentialsIssued', { contactId: contact.id, password, reissued: false });
  return { contact, username, password };
}

export async function updateContact(tx: EntityManager, record: RecordEvent, contact: Contact, input: UpdateContactInput): Promise<Contact> {
  const changes: Partial<Contact> = {};
  if (input.name != null) changes.name = requiredText('name', input.name);
  if (input.email != null) {
    changes.email = validEmail('email', input.email);
    if (changes.email !== contact.email) await assertEmailFree(tx, changes.email);
  }
  if (input.phone !== undefined) changes.phone = optionalPhone('phone', input.phone);
  if (input.language != null) changes.language = input.language;
  if (input.isPrimary != null) changes.isPrimary = input.isPrimary;
  const permissionsChange = changes.isPrimary !== undefined && changes.isPrimary !== contact.isPrimary;
  tx.assign(contact, changes);
  await tx.flush();
  // A primary contact sees the company's tickets: open subscriptions must re-read who this is.
  if (permissionsChange) record('accounts.changed', { accountIds: [contact.account.id] });
  return contact;
}

/** How the audit log names a contact. */
const subjectOf = (contact: Contact): AuditSubject => ({ kind: 'contact', id: contact.id, name: contact.name });

/** New password, old one and every session invalidated (PRODUCT.md F1 "re-issue credentials"); audited when an actor is given. */
export async function reissueContactCredentials(tx: EntityManager, record: RecordEvent, contact: Contact, actor?: AuditActor): Promise<IssuedCredentials> {
  const password = generatePassword();
  tx.assign(contact, { passwordHash: await hashPassword(password), credentialsIssuedAt: new Date() });
  await tx.flush();
  await revokeSessions(tx, record, { account: contact.account.id });
  record('contact.credentialsIssued', { contactId: contact.id, password, reissued: true });
  if (actor) record('contact.credentials_reissued', { actor, details: { username: contact.username }, subject: subjectOf(contact) });
  return { contact, username: contact.username, password };
}

/**
 * Deactivates (no sign-in, every session ended at once, so open portal pages sign out; tickets and
 * history kept) or reactivates a contact's account, with its audit record, in the caller's
 * transaction. Reactivation keeps the password. Asking for the state it already has changes nothing.
 */
export async function setContactActive(tx: EntityManager, record: RecordEvent, actor: AuditActor, contact: Contact, active: boolean): Promise<Contact> {
  if (!contactPolicy.canChangeActivation(actor.principal)) throw new AppError('FORBIDDEN');
  const account = await tx.findOneOrFail(Account, contact.account.id, { refresh: true });
  if ((account.deactivatedAt === null) === active) return contact;
  account.deactivatedAt = active ? null : new Date();
  await tx.flush();
  if (!active) await revokeSessions(tx, record, { account: account.id });
  record(active ? 'contact.reactivated' : 'contact.deactivated', { actor, details: { username: contact.username, customerId: contact.customer.id }, subject: subjectOf(contact) });
  await tx.flush();
  return contact;
}

async function assertEmailFree(em: EntityManager, email: string): Promise<void> {
  if (await em.count(Contact, { email })) throw new AppError('CONFLICT', 'contacts.emailTaken', { field: 'email' });
}
