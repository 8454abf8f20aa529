import { Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { ObjectType } from 'type-graphql';
import { BaseEntity } from '../db/base.entity.js';
import { Technician } from '../technicians/technician.entity.js';
import { Ticket } from '../tickets/ticket.entity.js';

export enum InboundOutcome {
  NEW_TICKET = 'NEW_TICKET',
  REPLY = 'REPLY',
  IGNORED = 'IGNORED',
  /** From an existing contact's (or requester's) address, but not proven to be theirs: waits for a technician. */
  HELD = 'HELD',
  /** Held, then discarded by a technician. */
  DISCARDED = 'DISCARDED',
}

/** Why a message was held. */
export enum HeldReason {
  /** A reply to a ticket ([#n] or a reply token) without a valid reply token or a DMARC pass. */
  UNVERIFIED_REPLY = 'UNVERIFIED_REPLY',
  /** A new request from an existing contact's address without a DMARC pass. */
  UNVERIFIED_NEW_TICKET = 'UNVERIFIED_NEW_TICKET',
}

/** An attachment of a held message, as listed to technicians (the content stays in the raw message). */
export interface HeldAttachmentInfo {
  filename: string;
  contentType: string;
  size: number;
}

/**
 * Every mail received, once: its Message-ID makes a re-delivered message a no-op. A held message
 * (unverified sender) also keeps what technicians need to judge it and the raw MIME message, from
 * which accepting it delivers it exactly like a verified message. In the API as `HeldMessage`
 * (technicians only); contacts never see these rows.
 */
@ObjectType('HeldMessage', { description: 'Mail from an existing contact’s address whose sender could not be verified (no valid reply token, no DMARC pass). Technicians only.' })
@Entity({ tableName: 'inbound_messages' })
@Index({ properties: ['outcome', 'createdAt'] })
export class InboundMessage extends BaseEntity<'ticket' | 'reason' | 'bodyText' | 'rawMessage' | 'attachments' | 'checks' | 'reviewedAt' | 'reviewedBy'> {
  @Unique()
  @Property({ length: 998 })
  messageId!: string;

  @Property({ length: 320 })
  fromAddress!: string;

  @Property({ length: 998 })
  subject!: string;

  @Enum({ items: () => InboundOutcome })
  outcome!: InboundOutcome;

  /** IGNORED: why (e.g. auto-submitted); HELD/DISCARDED: a HeldReason. */
  @Property({ length: 200, nullable: true })
  reason: string | null = null;

  /** The ticket it became or was added to; while held, the ticket it refers to, if any. */
  @ManyToOne(() => Ticket, { ref: true, nullable: true, deleteRule: 'set null' })
  ticket: Ref<Ticket> | null = null;

  /** Held messages: the plain text (HTML converted), for technicians to read. */
  @Property({ type: 'text', nullable: true })
  bodyText: string | null = null;

  /** Held messages: the message as received, delivered from on accept; wiped once decided. */
  @Property({ type: 'blob', lazy: true, nullable: true })
  rawMessage: Buffer | null = null;

  /** Held messages: the attachments it carries. */
  @Property({ type: 'json', nullable: true })
  attachments: HeldAttachmentInfo[] | null = null;

  /** Held messages: what the sender checks found (reply token, DKIM, DMARC). */
  @Property({ length: 500, nullable: true })
  checks: string | null = null;

  /** When a technician accepted or discarded it. */
  @Property({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null = null;

  @ManyToOne(() => Technician, { ref: true, nullable: true, deleteRule: 'set null' })
  reviewedBy: Ref<Technician> | null = null;
}
