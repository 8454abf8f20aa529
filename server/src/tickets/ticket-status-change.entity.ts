import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../db/base.entity.js';
import { TicketStatus } from './ticket-status.js';
import { Ticket } from './ticket.entity.js';

/** One step of a ticket's status history. */
@ObjectType({ description: 'A status change: from, to, by whom, when.' })
@Entity({ tableName: 'ticket_status_changes' })
@Index({ properties: ['ticket', 'createdAt'] })
export class TicketStatusChange extends BaseEntity<'fromStatus'> {
  @ManyToOne(() => Ticket, { ref: true, deleteRule: 'cascade' })
  ticket!: Ref<Ticket>;

  @Field(() => TicketStatus, { nullable: true, description: 'Previous status; empty when the ticket was opened.' })
  @Enum({ items: () => TicketStatus, nullable: true })
  fromStatus: TicketStatus | null = null;

  @Field(() => TicketStatus, { description: 'New status.' })
  @Enum({ items: () => TicketStatus })
  toStatus!: TicketStatus;

  @Field({ description: 'Who changed it: technician, contact or system.' })
  @Property({ length: 20 })
  actorKind!: string;

  @Field(() => String, { nullable: true, description: 'Name of who changed it.' })
  @Property({ length: 200, nullable: true })
  actorName: string | null = null;
}
