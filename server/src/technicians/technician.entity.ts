import { Entity, Enum, OneToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Account } from '../auth/account.entity.js';
import { BaseEntity } from '../db/base.entity.js';
import { Language } from '../i18n/language.js';

export enum TechnicianRole {
  ADMIN = 'ADMIN',
  TECHNICIAN = 'TECHNICIAN',
}

registerEnumType(TechnicianRole, {
  name: 'TechnicianRole',
  description: 'ADMIN may do everything, settings and technicians included; TECHNICIAN works with customers, contacts and tickets.',
});

@ObjectType({ description: 'A member of the MSP staff who uses the admin console.' })
@Entity({ tableName: 'technicians' })
export class Technician extends BaseEntity<'language' | 'lastSignInAt'> {
  @Field({ description: 'Full name.' })
  @Property({ length: 200 })
  name!: string;

  @Field({ description: 'Email address.' })
  @Property({ length: 320 })
  email!: string;

  @Field({ description: 'Console sign-in name.' })
  @Unique()
  @Property({ length: 40 })
  username!: string;

  /** The sign-in identity (unique username across contacts and technicians, sessions, deactivation). */
  @OneToOne(() => Account, { ref: true, owner: true, deleteRule: 'cascade' })
  account!: Ref<Account>;

  /** argon2id hash; the password itself is never stored. */
  @Property({ hidden: true, lazy: true })
  passwordHash!: string;

  @Field(() => TechnicianRole, { description: 'What the technician may do.' })
  @Enum({ items: () => TechnicianRole })
  role!: TechnicianRole;

  @Field(() => Language, { nullable: true, description: 'Preferred console language; empty means the browser language.' })
  @Enum({ items: () => Language, nullable: true })
  language: Language | null = null;

  @Field(() => Date, { nullable: true, description: 'When the technician last signed in.' })
  @Property({ type: 'timestamptz', nullable: true })
  lastSignInAt: Date | null = null;
}
