import { Entity, Enum, OneToOne, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Customer } from '../customers/customer.entity.js';
import { Account } from '../auth/account.entity.js';
import { BaseEntity } from '../db/base.entity.js';
import { Language } from '../i18n/language.js';

@ObjectType({ description: 'A person at a customer who uses the portal.' })
@Entity({ tableName: 'contacts' })
@Index({ properties: ['customer', 'name'] })
export class Contact extends BaseEntity<'isPrimary' | 'language' | 'phone' | 'lastSignInAt' | 'credentialsIssuedAt'> {
  @ManyToOne(() => Customer, { ref: true })
  customer!: Ref<Customer>;

  @Field({ description: 'Full name.' })
  @Property({ length: 200 })
  name!: string;

  @Field({ description: 'Email address (lower case); unique among contacts.' })
  @Unique()
  @Property({ length: 320 })
  email!: string;

  @Field({ description: 'Portal sign-in name, generated when the contact is created.' })
  @Unique()
  @Property({ length: 40 })
  username!: string;

  /** The sign-in identity (unique username across contacts and technicians, sessions, deactivation). */
  @OneToOne(() => Account, { ref: true, owner: true, deleteRule: 'cascade' })
  account!: Ref<Account>;

  /** argon2id hash; the password itself is never stored. */
  @Property({ hidden: true, lazy: true })
  passwordHash!: string;

  @Field(() => Language, { nullable: true, description: 'Preferred language; empty until chosen, then the browser language of the first sign-in is used.' })
  @Enum({ items: () => Language, nullable: true })
  language: Language | null = null;

  @Field({ description: 'A primary contact sees every ticket of its customer.' })
  @Property()
  isPrimary: boolean = false;

  @Field(() => String, { nullable: true, description: 'Phone number in E.164 format (for two-factor checks).' })
  @Property({ length: 20, nullable: true })
  phone: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When the contact last signed in.' })
  @Property({ type: 'timestamptz', nullable: true })
  lastSignInAt: Date | null = null;

  @Field({ description: 'When the current credentials were issued.' })
  @Property({ type: 'timestamptz' })
  credentialsIssuedAt: Date = new Date();
}
