import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { auditActor } from '../audit/audit.service.js';
import { deactivatedAtWhere } from '../auth/activation.js';
import { Allow } from '../auth/permissions.js';
import { inTransaction } from '../db/transaction.js';
import type { Context } from '../context.js';
import { notFound } from '../core/errors.js';
import { paginate } from '../graphql/connection.js';
import { containsPattern, isUuid } from '../db/query-helpers.js';
import { Customer } from './customer.entity.js';
import { customerPolicy } from './customer.policy.js';
import { createCustomer, setCustomerActive, updateCustomer } from './customer.service.js';
import { CreateCustomerInput, CustomerConnection, CustomersArgs, UpdateCustomerInput } from './customer.types.js';

@Resolver(() => Customer)
export class CustomerResolver {
  @Allow('SIGNED_IN')
  @Query(() => CustomerConnection, { description: 'Customers the caller may see, by name. Contacts see only their own company.' })
  async customers(@Args() args: CustomersArgs, @Ctx() { em, principal }: Context) {
    const search = args.search?.trim();
    const matches = search
      ? { $or: [{ nameKey: { $like: containsPattern(search) } }, { domains: { domain: { $like: containsPattern(search) } } }] }
      : {};
    return paginate(em, Customer, { $and: [customerPolicy.scope(principal), matches, deactivatedAtWhere(args.activation)] }, args, { nameKey: 'asc', id: 'asc' }, { populate: ['domains'] });
  }

  @Allow('SIGNED_IN')
  @Query(() => Customer, { description: 'One customer. NOT_FOUND when it does not exist or the caller may not see it.' })
  async customer(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() { em, principal }: Context) {
    return findVisibleCustomer(em, principal, id);
  }

  @Allow('STAFF')
  @Mutation(() => Customer, { description: 'Creates a customer (technicians).' })
  async createCustomer(@Arg('input', { description: 'See the input type.' }) input: CreateCustomerInput, @Ctx() { em, principal }: Context) {
    return createCustomer(em, input);
  }

  @Allow('STAFF')
  @Mutation(() => Customer, { description: 'Changes a customer’s name or domains (technicians).' })
  async updateCustomer(@Arg('input', { description: 'See the input type.' }) input: UpdateCustomerInput, @Ctx() { em, principal }: Context) {
    const customer = await findVisibleCustomer(em, principal, input.id);
    return updateCustomer(em, customer, input);
  }

  @Allow('STAFF')
  @Mutation(() => Customer, {
    description: 'Deactivates a customer (technicians): none of its contacts can sign in any more and all their sessions end at once; tickets and history stay. Audited.',
  })
  async deactivateCustomer(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: Context) {
    return changeActivation(ctx, id, false);
  }

  @Allow('STAFF')
  @Mutation(() => Customer, {
    description: 'Reactivates a customer (technicians): its contacts sign in again with their passwords, except contacts deactivated one by one. Audited.',
  })
  async reactivateCustomer(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: Context) {
    return changeActivation(ctx, id, true);
  }

  @FieldResolver(() => [String], { description: 'Email domains the company owns, sorted.' })
  async domains(@Root() customer: Customer): Promise<string[]> {
    const domains = customer.domains.isInitialized() ? customer.domains.getItems() : await customer.domains.loadItems();
    return domains.map((d) => d.domain).sort();
  }
}

async function changeActivation({ em, principal, ip, services }: Context, id: string, active: boolean): Promise<Customer> {
  const customer = await findVisibleCustomer(em, principal, id);
  return inTransaction(em, services.domainEvents, async (tx, record) => setCustomerActive(tx, record, await auditActor(tx, principal, ip), customer, active));
}

export async function findVisibleCustomer(em: Context['em'], principal: Context['principal'], id: string): Promise<Customer> {
  if (!isUuid(id)) throw notFound();
  const customer = await em.findOne(Customer, { $and: [{ id }, customerPolicy.scope(principal)] });
  if (!customer) throw notFound();
  return customer;
}
