import { Entity, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity.js';
import { Customer } from './customer.entity.js';

/**
 * An email domain owned by one customer. Its own table, so the database itself guarantees a domain
 * belongs to at most one customer (inbound mail attaches new contacts by domain).
 */
@Entity({ tableName: 'customer_domains' })
export class CustomerDomain extends BaseEntity {
  @Index()
  @ManyToOne(() => Customer, { ref: true, deleteRule: 'cascade' })
  customer!: Ref<Customer>;

  @Unique()
  @Property({ length: 253 })
  domain!: string;
}
