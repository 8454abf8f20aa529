import { Entity, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity.js';
import { Account } from './account.entity.js';

/**
 * A signed-in browser or script. The token is random and only its SHA-256 is stored, so a database
 * leak yields no usable sessions; revoking is setting `revokedAt`, checked on every request.
 */
@Entity({ tableName: 'sessions' })
@Index({ properties: ['account'] })
export class Session extends BaseEntity<'revokedAt' | 'lastSeenAt'> {
  @Unique()
  @Property({ length: 64 })
  tokenHash!: string;

  /** Whose session: one account, whatever its kind. */
  @ManyToOne(() => Account, { ref: true, deleteRule: 'cascade' })
  account!: Ref<Account>;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz' })
  lastSeenAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  @Property({ length: 64, nullable: true })
  ip?: string;

  @Property({ length: 400, nullable: true })
  userAgent?: string;
}
