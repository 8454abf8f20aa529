import { Entity, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { Contact } from '../contacts/contact.entity.js';
import { BaseEntity } from '../db/base.entity.js';
import { Technician } from '../technicians/technician.entity.js';

/**
 * A signed-in browser or script. The token is random and only its SHA-256 is stored, so a database
 * leak yields no usable sessions; revoking is setting `revokedAt`, checked on every request.
 */
@Entity({ tableName: 'sessions' })
@Index({ properties: ['contact'] })
@Index({ properties: ['technician'] })
export class Session extends BaseEntity<'revokedAt' | 'contact' | 'technician' | 'lastSeenAt'> {
  @Unique()
  @Property({ length: 64 })
  tokenHash!: string;

  @ManyToOne(() => Contact, { ref: true, nullable: true, deleteRule: 'cascade' })
  contact: Ref<Contact> | null = null;

  @ManyToOne(() => Technician, { ref: true, nullable: true, deleteRule: 'cascade' })
  technician: Ref<Technician> | null = null;

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
