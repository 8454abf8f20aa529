import { Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Contact } from '../contacts/contact.entity.js';
import { BaseEntity } from '../db/base.entity.js';
import { Technician } from '../technicians/technician.entity.js';
import { Ticket } from './ticket.entity.js';

/** A public reply or an internal note (never shown to contacts). */
@ObjectType({ description: 'A reply in a ticket’s conversation, or an internal note (technicians only).' })
@Entity({ tableName: 'ticket_comments' })
@Index({ properties: ['ticket', 'createdAt'] })
export class TicketComment extends BaseEntity<'isInternal' | 'authorContact' | 'authorTechnician' | 'authorEmail'> {
  @ManyToOne(() => Ticket, { ref: true, deleteRule: 'cascade' })
  ticket!: Ref<Ticket>;

  @Field({ description: 'Text of the reply (plain text; HTML mail is converted).' })
  @Property({ type: 'text' })
  body!: string;

  @Field({ description: 'Internal notes are for technicians only.' })
  @Property()
  isInternal: boolean = false;

  @ManyToOne(() => Contact, { ref: true, nullable: true })
  authorContact: Ref<Contact> | null = null;

  @ManyToOne(() => Technician, { ref: true, nullable: true })
  authorTechnician: Ref<Technician> | null = null;

  /** Sender of a mail reply from someone without an account. */
  @Property({ length: 320, nullable: true })
  authorEmail: string | null = null;
}
