import { Entity, Enum, OneToOne, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Customer } from '../customers/customer.entity.js';
import { Account } from '../auth/account.entity.js';
import { BaseEntity } from '../db/base.entity.js';
import { Language } from '../i18n/language.js';

/**
 * A person at a customer. Other contacts (a primary contact's colleagues, on tickets) see its id and
 * name only: every other GraphQL field is declared by ContactResolver and masked by
 * `contactPolicy.canSeeDetails`, whatever the path.
 */
@ObjectType({ description: 'A person at a customer who uses the portal. Other contacts see the id and name only; every other field is null for them.' })
@Entity({ tableName: 'contacts' })
@Index({ properties: ['customer', 'name'] })
export class Contact extends BaseEntity<'isPrimary' | 'language' | 'phone' | 'lastSignInAt' | 'credentialsIssuedAt'> {
  @ManyToOne(() => Customer, { ref: true })
  customer!: Ref<Customer>;

  @Field({ description: 'Full name.' })
  @Property({ length: 200 })
  name!: string;

  @Unique()
  @Property({ length: 320 })
  email!: string;

  @Unique()
  @Property({ length: 40 })
  username!: string;

  /** The sign-in identity (unique username across contacts and technicians, sessions, deactivation). */
  @OneToOne(() => Account, { ref: true, owner: true, deleteRule: 'cascade' })
  account!: Ref<Account>;

  /** argon2id hash; the password itself is never stored. */
  @Property({ hidden: true, lazy: true })
  passwordHash!: string;

  @Enum({ items: () => Language, nullable: true })
  language: Language | null = null;

  @Property()
  isPrimary: boolean = false;

  @Property({ length: 20, nullable: true })
  phone: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  lastSignInAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  credentialsIssuedAt: Date = new Date();
}
