import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow } from '../auth/permissions.js';
import { Customer } from '../customers/customer.entity.js';
import { findVisibleCustomer } from '../customers/customer.resolver.js';
import { containsPattern, isUuid } from '../db/query-helpers.js';
import { inTransaction } from '../db/transaction.js';
import { paginate } from '../graphql/connection.js';
import type { Context } from '../graphql/context.js';
import { AppError, notFound } from '../graphql/errors.js';
import { queueWelcomeEmail } from '../mail/welcome-email.js';
import { Contact } from './contact.entity.js';
import { contactPolicy } from './contact.policy.js';
import { createContact, reissueContactCredentials, updateContact } from './contact.service.js';
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
    return inTransaction(em, services.events, async (tx, emit) => {
      const issued = await createContact(tx, customer, input);
      await queueWelcomeEmail(tx, emit, { secrets: services.secrets, publicUrl: services.config.publicUrl }, issued.contact, issued.password, false);
      return issued;
    });
  }

  @Allow('STAFF')
  @Mutation(() => Contact, { description: 'Changes a contact (technicians).' })
  async updateContact(@Arg('input', { description: 'See the input type.' }) input: UpdateContactInput, @Ctx() { em, principal, services }: Context) {
    const contact = await findVisibleContact(em, principal, input.id);
    return inTransaction(em, services.events, (tx) => updateContact(tx, contact, input));
  }

  @Allow('STAFF')
  @Mutation(() => ContactCredentials, { description: 'Issues a new password, invalidating the old one and signing the contact out everywhere (technicians).' })
  async reissueContactCredentials(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() { em, principal, services }: Context) {
    const contact = await findVisibleContact(em, principal, id);
    return inTransaction(em, services.events, async (tx, emit) => {
      const issued = await reissueContactCredentials(tx, emit, contact);
      await queueWelcomeEmail(tx, emit, { secrets: services.secrets, publicUrl: services.config.publicUrl }, contact, issued.password, true);
      return issued;
    });
  }

  @FieldResolver(() => Customer, { description: 'The company the contact works for.' })
  async customer(@Root() contact: Contact): Promise<Customer> {
    return contact.customer.load({ dataloader: true }) as Promise<Customer>;
  }
}

export async function findVisibleContact(em: Context['em'], principal: Context['principal'], id: string): Promise<Contact> {
  if (!isUuid(id)) throw notFound();
  const contact = await em.findOne(Contact, { $and: [{ id }, contactPolicy.scope(principal)] });
  if (!contact) throw notFound();
  return contact;
}
