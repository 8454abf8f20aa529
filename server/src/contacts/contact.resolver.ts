import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { auditActor } from '../audit/audit.service.js';
import { deactivatedAtWhere } from '../auth/activation.js';
import { Allow } from '../auth/permissions.js';
import { Customer } from '../customers/customer.entity.js';
import { findVisibleCustomer } from '../customers/customer.resolver.js';
import { containsPattern, isUuid } from '../db/query-helpers.js';
import { inTransaction } from '../db/transaction.js';
import { paginate } from '../graphql/connection.js';
import type { Context } from '../context.js';
import { AppError, notFound } from '../core/errors.js';
import { Language } from '../i18n/language.js';
import { Contact } from './contact.entity.js';
import { contactPolicy } from './contact.policy.js';
import { createContact, reissueContactCredentials, setContactActive, updateContact } from './contact.service.js';
import { ContactConnection, ContactCredentials, ContactsArgs, CreateContactInput, UpdateContactInput } from './contact.types.js';

@Resolver(() => Contact)
export class ContactResolver {
  @Allow('SIGNED_IN')
  @Query(() => ContactConnection, { description: 'Contacts the caller may see, by name. A contact sees only itself.' })
  async contacts(@Args() args: ContactsArgs, @Ctx() { em, principal }: Context) {
    if (args.customerId && !isUuid(args.customerId)) throw notFound();
    const pattern = args.search?.trim() ? containsPattern(args.search) : undefined;
    const where = {
      $and: [
        contactPolicy.scope(principal),
        args.customerId ? { customer: args.customerId } : {},
        pattern ? { $or: [{ name: { $ilike: pattern } }, { email: { $like: pattern } }, { username: { $like: pattern } }] } : {},
        args.activation ? { account: deactivatedAtWhere(args.activation) } : {},
      ],
    };
    return paginate(em, Contact, where, args, { name: 'asc', id: 'asc' }, { populate: ['customer'] });
  }

  @Allow('SIGNED_IN')
  @Query(() => Contact, { description: 'One contact. NOT_FOUND when it does not exist or the caller may not see it.' })
  async contact(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() { em, principal }: Context) {
    return findVisibleContact(em, principal, id);
  }

  @Allow('STAFF')
  @Mutation(() => ContactCredentials, { description: 'Creates a contact and returns its generated credentials, shown this once; sends the welcome email when that setting is on (technicians).' })
  async createContact(@Arg('input', { description: 'See the input type.' }) input: CreateContactInput, @Ctx() { em, principal, services }: Context) {
    const customer = await findVisibleCustomer(em, principal, input.customerId).catch((error: unknown) => {
      // Name the input field in the NOT_FOUND answer; anything else (e.g. the database) stays as it is.
      throw error instanceof AppError && error.code === 'NOT_FOUND' ? new AppError('NOT_FOUND', 'errors.notFound', { field: 'customerId' }) : error;
    });
    return inTransaction(em, services.domainEvents, async (tx, record) => {
      return createContact(tx, record, customer, input);
    });
  }

  @Allow('STAFF')
  @Mutation(() => Contact, { description: 'Changes a contact (technicians).' })
  async updateContact(@Arg('input', { description: 'See the input type.' }) input: UpdateContactInput, @Ctx() { em, principal, services }: Context) {
    const contact = await findVisibleContact(em, principal, input.id);
    return inTransaction(em, services.domainEvents, (tx, record) => updateContact(tx, record, contact, input));
  }

  @Allow('STAFF')
  @Mutation(() => ContactCredentials, { description: 'Issues a new password, invalidating the old one and signing the contact out everywhere (technicians).' })
  async reissueContactCredentials(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() { em, principal, ip, services }: Context) {
    const contact = await findVisibleContact(em, principal, id);
    return inTransaction(em, services.domainEvents, async (tx, record) => {
      return reissueContactCredentials(tx, record, contact, await auditActor(tx, principal, ip));
    });
  }

  @Allow('STAFF')
  @Mutation(() => Contact, { description: 'Deactivates a contact (technicians): no sign-in any more, every session ends at once (open portal pages sign out); tickets and history stay. Audited.' })
  async deactivateContact(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() { em, principal, ip, services }: Context) {
    const contact = await findVisibleContact(em, principal, id);
    return inTransaction(em, services.domainEvents, async (tx, record) => setContactActive(tx, record, await auditActor(tx, principal, ip), contact, false));
  }

  @Allow('STAFF')
  @Mutation(() => Contact, { description: 'Reactivates a contact (technicians): it signs in again with its password. Audited.' })
  async reactivateContact(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() { em, principal, ip, services }: Context) {
    const contact = await findVisibleContact(em, principal, id);
    return inTransaction(em, services.domainEvents, async (tx, record) => setContactActive(tx, record, await auditActor(tx, principal, ip), contact, true));
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When the contact was deactivated; null while active, and for other contacts. A deactivated customer also keeps its contacts out (see customer.deactivatedAt).' })
  async deactivatedAt(@Root() contact: Contact, @Ctx() { principal }: Context): Promise<Date | null> {
    if (!contactPolicy.canSeeDetails(principal, contact)) return null;
    return (await contact.account.load({ dataloader: true }))?.deactivatedAt ?? null;
  }

  // ---- details: other contacts (a primary contact's colleagues, on tickets) see the id and name only ----

  @FieldResolver(() => Customer, { nullable: true, description: 'The company the contact works for. Null for other contacts.' })
  async customer(@Root() contact: Contact, @Ctx() { principal }: Context): Promise<Customer | null> {
    if (!contactPolicy.canSeeDetails(principal, contact)) return null;
    return contact.customer.load({ dataloader: true }) as Promise<Customer>;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Email address (lower case); unique among contacts. Null for other contacts.' })
  email(@Root() contact: Contact, @Ctx() { principal }: Context): string | null {
    return contactPolicy.canSeeDetails(principal, contact) ? contact.email : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Portal sign-in name, generated when the contact is created. Null for other contacts.' })
  username(@Root() contact: Contact, @Ctx() { principal }: Context): string | null {
    return contactPolicy.canSeeDetails(principal, contact) ? contact.username : null;
  }

  @FieldResolver(() => Language, { nullable: true, description: 'Preferred language; empty until chosen, then the browser language of the first sign-in is used. Null for other contacts.' })
  language(@Root() contact: Contact, @Ctx() { principal }: Context): Language | null {
    return contactPolicy.canSeeDetails(principal, contact) ? contact.language : null;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: 'A primary contact sees every ticket of its customer. Null for other contacts.' })
  isPrimary(@Root() contact: Contact, @Ctx() { principal }: Context): boolean | null {
    return contactPolicy.canSeeDetails(principal, contact) ? contact.isPrimary : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Phone number in E.164 format (for two-factor checks). Null when none, and for other contacts.' })
  phone(@Root() contact: Contact, @Ctx() { principal }: Context): string | null {
    return contactPolicy.canSeeDetails(principal, contact) ? contact.phone : null;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When the contact last signed in. Null for other contacts.' })
  lastSignInAt(@Root() contact: Contact, @Ctx() { principal }: Context): Date | null {
    return contactPolicy.canSeeDetails(principal, contact) ? contact.lastSignInAt : null;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When the current credentials were issued. Null for other contacts.' })
  credentialsIssuedAt(@Root() contact: Contact, @Ctx() { principal }: Context): Date | null {
    return contactPolicy.canSeeDetails(principal, contact) ? contact.credentialsIssuedAt : null;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When it was created. Null for other contacts.' })
  createdAt(@Root() contact: Contact, @Ctx() { principal }: Context): Date | null {
    return contactPolicy.canSeeDetails(principal, contact) ? contact.createdAt : null;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When it was last changed. Null for other contacts.' })
  updatedAt(@Root() contact: Contact, @Ctx() { principal }: Context): Date | null {
    return contactPolicy.canSeeDetails(principal, contact) ? contact.updatedAt : null;
  }
}

export async function findVisibleContact(em: Context['em'], principal: Context['principal'], id: string): Promise<Contact> {
  if (!isUuid(id)) throw notFound();
  const contact = await em.findOne(Contact, { $and: [{ id }, contactPolicy.scope(principal)] });
  if (!contact) throw notFound();
  return contact;
}
