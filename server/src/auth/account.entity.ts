import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity.js';

export enum AccountKind {
  CONTACT = 'CONTACT',
  TECHNICIAN = 'TECHNICIAN',
}

/**
 * The sign-in identity behind every contact and technician. Its unique index makes usernames unique
 * across both kinds in the database (one `signIn` serves both), sessions point at it, and a
 * deactivated account has no principal any more.
 */
@Entity({ tableName: 'accounts' })
export class Account extends BaseEntity<'deactivatedAt'> {
  @Enum({ items: () => AccountKind })
  kind!: AccountKind;

  /** The same username as on the contact or technician row (it never changes after creation). */
  @Unique()
  @Property({ length: 40 })
  username!: string;

  /** Set while the account is deactivated: no sign-in, no session, history kept. */
  @Property({ type: 'timestamptz', nullable: true })
  deactivatedAt: Date | null = null;
}
