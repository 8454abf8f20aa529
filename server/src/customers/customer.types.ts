import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ActivationFilter } from '../auth/activation.js';
import { Connection, PageArgs } from '../graphql/connection.js';
import { Customer } from './customer.entity.js';

export const CustomerConnection = Connection(Customer, 'Customer');

@ArgsType()
export class CustomersArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Matches part of the name or a domain, ignoring case.' })
  search?: string | null;

  @Field(() => ActivationFilter, { defaultValue: ActivationFilter.ALL, description: 'Active customers, deactivated ones, or all (the default).' })
  activation!: ActivationFilter;
}

@InputType({ description: 'A new customer.' })
export class CreateCustomerInput {
  @Field({ description: 'Company name; unique regardless of case.' })
  name!: string;

  @Field(() => [String], { defaultValue: [], description: 'Email domains the company owns, such as example.com.' })
  domains!: string[];
}

@InputType({ description: 'Changes to a customer; omitted fields stay as they are.' })
export class UpdateCustomerInput {
  @Field(() => ID, { description: 'The customer to change.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'New name.' })
  name?: string | null;

  @Field(() => [String], { nullable: true, description: 'The complete new list of domains.' })
  domains?: string[] | null;
}
