import { Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../db/base.entity.js';
import { TicketComment } from './ticket-comment.entity.js';
import { Ticket } from './ticket.entity.js';

/** A file that came with a ticket (e.g. an inbound mail's attachment), stored in PostgreSQL. */
@ObjectType({ description: 'A file attached to a ticket.' })
@Entity({ tableName: 'ticket_attachments' })
@Index({ properties: ['ticket'] })
export class TicketAttachment extends BaseEntity<'comment'> {
  @ManyToOne(() => Ticket, { ref: true, deleteRule: 'cascade' })
  ticket!: Ref<Ticket>;

  @ManyToOne(() => TicketComment, { ref: true, nullable: true, deleteRule: 'set null' })
  comment: Ref<TicketComment> | null = null;

  @Field(() => ID, { nullable: true, description: 'The reply or internal note the file came with; null when it came with the ticket itself.' })
  get commentId(): string | null {
    return this.comment?.id ?? null;
  }

  @Field({ description: 'File name.' })
  @Property({ length: 255 })
  filename!: string;

  @Field({ description: 'MIME type.' })
  @Property({ length: 255 })
  contentType!: string;

  @Field(() => Int, { description: 'Size in bytes.' })
  @Property()
  size!: number;

  @Property({ type: 'blob', lazy: true })
  content!: Buffer;
}
