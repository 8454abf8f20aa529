import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../db/base.entity.js';
import { Device } from './device.entity.js';
import { DeviceAction, DeviceCommandStatus } from './device.enums.js';

/**
 * One command for one device, written in the transaction that asks for it (the durable queue).
 * Signed when queued (id, device, action, arguments, nonce, expiry), so the agent runs only what
 * Portico asked for, once, before it expires.
 */
@ObjectType({ description: 'A command sent to a device, with its progress and result.' })
@Entity({ tableName: 'device_commands' })
@Index({ properties: ['device', 'createdAt'] })
@Index({ name: 'device_commands_pending_index', expression: `create index "device_commands_pending_index" on "device_commands" ("device_id", "created_at") where "status" in ('QUEUED', 'DELIVERED', 'RUNNING')` })
export class DeviceCommand extends BaseEntity<'status' | 'output' | 'deliveredAt' | 'startedAt' | 'finishedAt' | 'requestedById' | 'requestedByName'> {
  @ManyToOne(() => Device, { ref: true, deleteRule: 'cascade' })
  device!: Ref<Device>;

  @Field(() => DeviceAction, { description: 'What to do.' })
  @Enum({ items: () => DeviceAction })
  action!: DeviceAction;

  /** The arguments as the JSON text that was signed (user name, package id). Never a password. */
  @Property({ type: 'text' })
  arguments!: string;

  @Field(() => DeviceCommandStatus, { description: 'Where it is.' })
  @Enum({ items: () => DeviceCommandStatus })
  status: DeviceCommandStatus = DeviceCommandStatus.QUEUED;

  @Field(() => String, { nullable: true, description: 'What the command printed (at most 16 KB), as the agent reported it.' })
  @Property({ type: 'text', nullable: true })
  output: string | null = null;

  /** Who asked: the principal's kind and id, and the name at the time. */
  @Property({ length: 20 })
  requestedByKind!: string;

  @Property({ type: 'uuid', nullable: true })
  requestedById: string | null = null;

  @Field(() => String, { nullable: true, description: 'Who asked for it (name at the time).' })
  @Property({ length: 200, nullable: true })
  requestedByName: string | null = null;

  @Property({ length: 32, hidden: true })
  nonce!: string;

  @Field({ description: 'When it expires if the device has not received it.' })
  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'text', hidden: true })
  signature!: string;

  @Field(() => Date, { nullable: true, description: 'When the agent received it.' })
  @Property({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'When it started.' })
  @Property({ type: 'timestamptz', nullable: true })
  startedAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: 'When it ended (succeeded, failed, expired or cancelled).' })
  @Property({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null = null;
}
