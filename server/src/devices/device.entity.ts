import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Contact } from '../contacts/contact.entity.js';
import { Customer } from '../customers/customer.entity.js';
import { BaseEntity } from '../db/base.entity.js';
import { DeviceOs } from './device.enums.js';

/** What the agent last reported about its computer (every few minutes); hostile input, length-limited. */
export interface DeviceFactsData {
  hostname: string;
  osVersion: string;
  loggedInUser: string | null;
  uptimeSeconds: number | null;
  freeDiskBytes: number | null;
  totalDiskBytes: number | null;
  freeMemoryBytes: number | null;
  totalMemoryBytes: number | null;
}

/**
 * A managed computer with an enrolled agent. The agent's credential is kept as a hash; revoking
 * the device ends it and closes its connection. `connectionId` names the live connection (any
 * instance): a close from an older connection does not mark a reconnected device offline.
 */
@ObjectType({ description: 'A managed computer running the Portico agent.' })
@Entity({ tableName: 'devices' })
@Index({ properties: ['customer', 'hostname'] })
@Index({ properties: ['assignedContact'] })
export class Device extends BaseEntity<'assignedContact' | 'revokedAt' | 'lastSeenAt' | 'connectionId' | 'facts' | 'factsReportedAt' | 'loggedInUser'> {
  @Property({ length: 64, unique: true, hidden: true })
  credentialHash!: string;

  @ManyToOne(() => Customer, { ref: true, deleteRule: 'cascade' })
  customer!: Ref<Customer>;

  @ManyToOne(() => Contact, { ref: true, nullable: true, deleteRule: 'set null' })
  assignedContact: Ref<Contact> | null = null;

  @Field({ description: 'Its name on the network, as the agent reports it.' })
  @Property({ length: 200 })
  hostname!: string;

  @Field(() => DeviceOs, { description: 'Operating system.' })
  @Enum({ items: () => DeviceOs })
  os!: DeviceOs;

  @Field({ description: 'Operating system version, as reported.' })
  @Property({ length: 200 })
  osVersion!: string;

  @Field(() => String, { nullable: true, description: 'The user signed in on it, as last reported.' })
  @Property({ length: 200, nullable: true })
  loggedInUser: string | null = null;

  /** The agent's Ed25519 public key (PEM). */
  @Property({ type: 'text', hidden: true })
  publicKey!: string;

  @Field({ description: 'SHA-256 fingerprint of the agent’s public key (hex), to recognise the agent.' })
  @Property({ length: 64 })
  publicKeyFingerprint!: string;

  @Field(() => Date, { nullable: true, description: 'When the agent was last heard from.' })
  @Property({ type: 'timestamptz', nullable: true })
  lastSeenAt: Date | null = null;

  /** The live connection's id while connected (on whichever instance), else null. */
  @Property({ type: 'uuid', nullable: true, hidden: true })
  connectionId: string | null = null;

  @Property({ type: 'jsonb', nullable: true, hidden: true })
  facts: DeviceFactsData | null = null;

  @Property({ type: 'timestamptz', nullable: true, hidden: true })
  factsReportedAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was revoked: its agent can no longer connect.' })
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;
}
