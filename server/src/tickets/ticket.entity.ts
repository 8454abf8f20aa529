import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Contact } from '../contacts/contact.entity.js';
import { Customer } from '../customers/customer.entity.js';
import { BaseEntity } from '../db/base.entity.js';
import { Technician } from '../technicians/technician.entity.js';
import { TicketImpact, TicketPriority, TicketSource, TicketType } from './ticket.enums.js';
import { TicketStatus } from './ticket-status.js';
import { TicketComment } from './ticket-comment.entity.js';

/**
 * A ticket. Fields a contact may not see are masked by the field resolvers of TicketResolver,
 * the one place every ticket-returning path goes through (see ticket.visibility.ts). Activity is
 * kept twice: `lastActivityAt` moves with every change (technicians), `publicActivityAt` only with
 * changes contacts can see (public replies, fields shown in the portal), so internal notes and
 * changes to hidden fields neither move a ticket up in a contact's list nor show in its times.
 */
@ObjectType({ description: 'A support request and its conversation.' })
@Entity({ tableName: 'tickets' })
@Index({ properties: ['customer', 'status', 'publicActivityAt'] })
@Index({ properties: ['contact', 'status', 'publicActivityAt'] })
@Index({ properties: ['lastActivityAt'] })
// In the order of the lists (ticket.reads.ts): a page stops after `first + 1` index entries.
@Index({ properties: ['customer', 'publicActivityAt', 'id'] })
@Index({ properties: ['contact', 'publicActivityAt', 'id'] })
@Index({ properties: ['lastActivityAt', 'id'] })
export class Ticket extends BaseEntity<'number' | 'status' | 'priority' | 'type' | 'impact' | 'technician' | 'dueDate' | 'isBilled' | 'customer' | 'contact' | 'followUpOf' | 'lastActivityAt' | 'publicActivityAt' | 'customFieldValues' | 'requesterEmail' | 'description'> {
  @Field(() => Int, { description: 'Ticket number for people, e.g. in email subjects as [#1234].' })
  @Property({ unique: true, autoincrement: true })
  number!: number;

  @Field({ description: 'Short summary. Never hidden.' })
  @Property({ length: 300 })
  title!: string;

  @Property({ type: 'text' })
  description: string = '';

  @Enum({ items: () => TicketStatus })
  status: TicketStatus = TicketStatus.OPEN;

  @Enum({ items: () => TicketPriority })
  priority: TicketPriority = TicketPriority.NORMAL;

  @Enum({ items: () => TicketType })
  type: TicketType = TicketType.QUESTION;

  @Enum({ items: () => TicketImpact })
  impact: TicketImpact = TicketImpact.LOW;

  @ManyToOne(() => Technician, { ref: true, nullable: true })
  technician: Ref<Technician> | null = null;

  @Property({ type: 'date', nullable: true })
  dueDate: string | null = null;

  @Field({ description: 'Billed tickets are read-only for contacts.' })
  @Property()
  isBilled: boolean = false;

  /** Empty for mail from unknown domains: an unassigned ticket for technicians. */
  @ManyToOne(() => Customer, { ref: true, nullable: true })
  customer: Ref<Customer> | null = null;

  @ManyToOne(() => Contact, { ref: true, nullable: true })
  contact: Ref<Contact> | null = null;

  /** Sender address when no contact could be attached (unknown domain). */
  @Property({ length: 320, nullable: true })
  requesterEmail: string | null = null;

  @ManyToOne(() => Ticket, { ref: true, nullable: true })
  followUpOf: Ref<Ticket> | null = null;

  @Field(() => TicketSource, { description: 'Where it was opened.' })
  @Enum({ items: () => TicketSource })
  source!: TicketSource;

  /** Custom field values by field id; read through the visibility rules only. */
  @Property({ type: 'json' })
  customFieldValues: Record<string, unknown> = {};

  /** Last reply or change of any kind (exposed as `lastActivityAt` to technicians). */
  @Property({ type: 'timestamptz' })
  lastActivityAt: Date = new Date();

  /** Last reply or change contacts can see (exposed as `lastActivityAt` and `updatedAt` to contacts; their lists sort by it). */
  @Property({ type: 'timestamptz' })
  publicActivityAt: Date = this.lastActivityAt;

  @OneToMany(() => TicketComment, (comment) => comment.ticket)
  comments = new Collection<TicketComment>(this);
}
