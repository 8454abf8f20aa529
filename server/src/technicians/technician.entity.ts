import { Entity, Enum, OneToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Account } from '../auth/account.entity.js';
import { TechnicianRole } from '../auth/technician-role.js';
import { BaseEntity } from '../db/base.entity.js';
import { Language } from '../i18n/language.js';

export { TechnicianRole };

/**
 * A member of the MSP staff. Contacts meet technicians on tickets and see their id and name only:
 * every other GraphQL field is declared by TechnicianResolver and masked by
 * `technicianPolicy.canSeeDetails`, whatever the path.
 */
@ObjectType({ description: 'A member of the MSP staff who uses the admin console. Contacts see the id and name only; every other field is null for them.' })
@Entity({ tableName: 'technicians' })
export class Technician extends BaseEntity<'language' | 'lastSignInAt'> {
  @Field({ description: 'Full name.' })
  @Property({ length: 200 })
  name!: string;

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

  @Enum({ items: () => TechnicianRole })
  role!: TechnicianRole;

  @Enum({ items: () => Language, nullable: true })
  language: Language | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  lastSignInAt: Date | null = null;
}
