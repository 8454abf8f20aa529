import { Collection, Entity, OneToMany, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../db/base.entity.js';
import { CustomerDomain } from './customer-domain.entity.js';

@ObjectType({ description: 'A company the MSP serves. Its contacts use the portal.' })
@Entity({ tableName: 'customers' })
export class Customer extends BaseEntity<'deactivatedAt'> {
  @Field({ description: 'Company name, unique regardless of letter case.' })
  @Property({ length: 200 })
  name!: string;

  /** Lower-cased name; the unique index that keeps names distinct regardless of case. */
  @Unique()
  @Property({ length: 200, hidden: true })
  nameKey!: string;

  /** Set while the customer is deactivated: none of its contacts can sign in or keep a session. */
  @Field(() => Date, { nullable: true, description: 'When the customer was deactivated; null while active.' })
  @Property({ type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null = null;

  @OneToMany(() => CustomerDomain, (domain) => domain.customer, { orphanRemoval: true })
  domains = new Collection<CustomerDomain>(this);
}
