import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../db/base.entity.js';

export enum OutboxStatus {
  QUEUED = 'QUEUED',
  SENT = 'SENT',
  FAILED = 'FAILED',
}
registerEnumType(OutboxStatus, { name: 'OutboxStatus', description: 'QUEUED (waiting or retrying), SENT, or FAILED after the last retry.' });

/** Where secrets sit in a body until sending; shown masked everywhere else. */
export const SECRET_PLACEHOLDER = '{{secret}}';

/**
 * A message waiting to leave (email now, SMS later). Written in the same transaction as the change
 * that causes it, so nothing is sent for a rolled-back change and nothing is lost in a crash.
 */
@ObjectType({ description: 'An outgoing message and its delivery state.' })
@Entity({ tableName: 'outbox_messages' })
@Index({ properties: ['status', 'nextAttemptAt'] })
export class OutboxMessage extends BaseEntity<'status' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'sentAt' | 'transport' | 'sealedSecret' | 'messageId'> {
  @Field({ description: 'What kind of message, e.g. welcome.' })
  @Property({ length: 50 })
  template!: string;

  @Field({ description: 'Recipient address.' })
  @Property({ length: 320 })
  recipient!: string;

  @Field({ description: 'Subject line.' })
  @Property({ length: 500 })
  subject!: string;

  /** Plain-text body; a secret appears only as SECRET_PLACEHOLDER. */
  @Property({ type: 'text' })
  textBody!: string;

  /** HTML body; a secret appears only as SECRET_PLACEHOLDER. */
  @Property({ type: 'text' })
  htmlBody!: string;

  /**
   * The Message-ID to send with (angle brackets included), when the message needs a particular one
   * (ticket mail carries a reply token in it); otherwise `<row id@host>`. Not exposed in the API.
   */
  @Property({ length: 998, nullable: true })
  messageId: string | null = null;

  /** The secret (e.g. a password), encrypted; wiped once sent or given up on. */
  @Property({ type: 'text', nullable: true, hidden: true })
  sealedSecret: string | null = null;

  @Field(() => OutboxStatus, { description: 'Delivery state.' })
  @Enum({ items: () => OutboxStatus })
  status: OutboxStatus = OutboxStatus.QUEUED;

  @Field(() => Int, { description: 'Delivery attempts so far.' })
  @Property()
  attempts: number = 0;

  @Field({ description: 'When the next attempt is due (while QUEUED).' })
  @Property({ type: 'timestamptz' })
  nextAttemptAt: Date = new Date();

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed.' })
  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When it was delivered.' })
  @Property({ type: 'timestamptz', nullable: true })
  sentAt: Date | null = null;

  @Field(() => String, { nullable: true, description: 'How it left: smtp, or sink (development: kept here only).' })
  @Property({ length: 10, nullable: true })
  transport: string | null = null;
}
