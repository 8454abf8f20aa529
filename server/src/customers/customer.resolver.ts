import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow } from '../auth/permissions.js';
import type { Context } from '../graphql/context.js';
import { notFound } from '../graphql/errors.js';
import { paginate } from '../graphql/connection.js';
import { containsPattern, isUuid } from '../db/query-helpers.js';
import { Customer } from './customer.entity.js';
import { customerPolicy } from './customer.policy.js';
import { createCustomer, updateCustomer } from './customer.service.js';
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
    return paginate(em, Customer, { $and: [customerPolicy.scope(principal), matches] }, args, { nameKey: 'asc', id: 'asc' }, { populate: ['domains'] });
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

  @FieldResolver(() => [String], { description: 'Email domains the company owns, sorted.' })
  async domains(@Root() customer: Customer): Promise<string[]> {
    const domains = customer.domains.isInitialized() ? customer.domains.getItems() : await customer.domains.loadItems();
    return domains.map((d) => d.domain).sort();
  }
}

export async function findVisibleCustomer(em: Context['em'], principal: Context['principal'], id: string): Promise<Customer> {
  if (!isUuid(id)) throw notFound();
  const customer = await em.findOne(Customer, { $and: [{ id }, customerPolicy.scope(principal)] });
  if (!customer) throw notFound();
  return customer;
}
