import { Entity, Enum, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../db/base.entity.js';
import { Ticket } from '../tickets/ticket.entity.js';

export enum InboundOutcome {
  NEW_TICKET = 'NEW_TICKET',
  REPLY = 'REPLY',
  IGNORED = 'IGNORED',
}

/** Every mail received, once: its Message-ID makes a re-delivered message a no-op. */
@Entity({ tableName: 'inbound_messages' })
export class InboundMessage extends BaseEntity<'ticket' | 'reason'> {
  @Unique()
  @Property({ length: 998 })
  messageId!: string;

  @Property({ length: 320 })
  fromAddress!: string;

  @Property({ length: 998 })
  subject!: string;

  @Enum({ items: () => InboundOutcome })
  outcome!: InboundOutcome;

  @Property({ length: 200, nullable: true })
  reason: string | null = null;

  @ManyToOne(() => Ticket, { ref: true, nullable: true, deleteRule: 'set null' })
  ticket: Ref<Ticket> | null = null;
}
