import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { FieldVisibility, StandardTicketField } from '../fields/field-visibility.js';
import { TicketField } from '../fields/ticket-field.entity.js';
import { Connection, PageArgs } from '../graphql/connection.js';
import { TicketImpact, TicketPriority, TicketType } from './ticket.enums.js';
import { TicketStatus } from './ticket-status.js';
import { Ticket } from './ticket.entity.js';

export const TicketConnection = Connection(Ticket, 'Ticket');

export enum TicketListScopeEnum {
  MINE = 'MINE',
  COMPANY = 'COMPANY',
}
registerEnumType(TicketListScopeEnum, { name: 'TicketListScope', description: 'MINE: tickets I opened; COMPANY: all of my company’s (primary contacts).' });

@ArgsType()
export class TicketsArgs extends PageArgs {
  @Field(() => [TicketStatus], { nullable: true, description: 'Only these statuses. Ignored when the status is hidden from the caller (contacts): narrowing by it would reveal it.' })
  statuses?: TicketStatus[] | null;

  @Field(() => String, { nullable: true, description: 'Matches the number, or part of the title (and of the description where visible).' })
  search?: string | null;

  @Field(() => TicketListScopeEnum, { nullable: true, description: 'For primary contacts: MINE or COMPANY (default).' })
  scope?: TicketListScopeEnum | null;

  @Field(() => ID, { nullable: true, description: 'Only this customer’s tickets (technicians).' })
  customerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only tickets assigned to this technician (technicians).' })
  technicianId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only tickets without a customer (mail from unknown domains; technicians).' })
  unassigned?: boolean | null;
}

@ObjectType({ description: 'A custom field’s value on a ticket.' })
export class CustomFieldValue {
  @Field(() => TicketField, { description: 'The field.' })
  field!: TicketField;

  @Field(() => String, { nullable: true, description: 'The value as text (numbers as digits, dates as YYYY-MM-DD, checkboxes as true/false).' })
  value!: string | null;
}

@InputType({ description: 'A custom field value to set.' })
export class CustomFieldValueInput {
  @Field(() => ID, { description: 'The field.' })
  fieldId!: string;

  @Field(() => String, { nullable: true, description: 'The value as text; empty clears it.' })
  value?: string | null;
}

@ObjectType({ description: 'What the caller may do with this ticket, so apps can show the right buttons.' })
export class TicketPermissions {
  @Field({ description: 'May reply.' })
  reply!: boolean;

  @Field({ description: 'May close.' })
  close!: boolean;

  @Field({ description: 'May reopen.' })
  reopen!: boolean;

  @Field({ description: 'May change fields.' })
  edit!: boolean;
}

@ObjectType({ description: 'How one standard field appears in the portal, for the caller.' })
export class StandardFieldSetting {
  @Field(() => StandardTicketField, { description: 'The field.' })
  field!: StandardTicketField;

  @Field(() => FieldVisibility, { description: 'Its visibility.' })
  visibility!: FieldVisibility;
}

@InputType({ description: 'A new ticket. Contacts may set only fields that are EDITABLE for them.' })
export class OpenTicketInput {
  @Field({ description: 'Short summary.' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'What happened, in detail.' })
  description?: string | null;

  @Field(() => TicketPriority, { nullable: true, description: 'Priority.' })
  priority?: TicketPriority | null;

  @Field(() => TicketType, { nullable: true, description: 'Type.' })
  type?: TicketType | null;

  @Field(() => TicketImpact, { nullable: true, description: 'Impact.' })
  impact?: TicketImpact | null;

  @Field(() => ID, { nullable: true, description: 'The customer (technicians; contacts open tickets for their own company).' })
  customerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The requesting contact (technicians).' })
  contactId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Assigned technician (technicians).' })
  technicianId?: string | null;

  @Field(() => String, { nullable: true, description: 'Due date, YYYY-MM-DD.' })
  dueDate?: string | null;

  @Field(() => ID, { nullable: true, description: 'The ticket this one follows up (e.g. a billed ticket).' })
  followUpOfId?: string | null;

  @Field(() => [CustomFieldValueInput], { nullable: true, description: 'Custom field values.' })
  customFields?: CustomFieldValueInput[] | null;

  @Field(() => [ID], { nullable: true, description: 'Files sent before with POST /uploads by the same account (at most 10); they become the ticket\'s attachments.' })
  attachmentIds?: string[] | null;
}

@InputType({ description: 'Changes to a ticket; omitted fields stay. Contacts may change only EDITABLE fields of unbilled tickets.' })
export class UpdateTicketInput {
  @Field(() => ID, { description: 'The ticket.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'New title.' })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'New description.' })
  description?: string | null;

  @Field(() => TicketStatus, { nullable: true, description: 'New status (technicians; contacts use closeTicket/reopenTicket and get BAD_USER_INPUT whatever the value).' })
  status?: TicketStatus | null;

  @Field(() => TicketPriority, { nullable: true, description: 'New priority.' })
  priority?: TicketPriority | null;

  @Field(() => TicketType, { nullable: true, description: 'New type.' })
  type?: TicketType | null;

  @Field(() => TicketImpact, { nullable: true, description: 'New impact.' })
  impact?: TicketImpact | null;

  @Field(() => ID, { nullable: true, description: 'Assign to this technician (technicians).' })
  technicianId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Remove the assigned technician (technicians).' })
  unassignTechnician?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Due date, YYYY-MM-DD; empty clears it.' })
  dueDate?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Billed flag (technicians).' })
  isBilled?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Attach an unassigned ticket to this customer (technicians).' })
  customerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Attach to this contact (technicians).' })
  contactId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Detach the requesting contact; the ticket stays with its customer (technicians).' })
  detachContact?: boolean | null;

  @Field(() => [CustomFieldValueInput], { nullable: true, description: 'Custom field values to set.' })
  customFields?: CustomFieldValueInput[] | null;
}

@InputType({ description: 'A reply, or an internal note (technicians).' })
export class AddTicketCommentInput {
  @Field(() => ID, { description: 'The ticket.' })
  ticketId!: string;

  @Field({ description: 'The text; may be empty when files are attached.' })
  body!: string;

  @Field({ defaultValue: false, description: 'An internal note, never shown to contacts (technicians only).' })
  isInternal!: boolean;

  @Field(() => [ID], { nullable: true, description: 'Files sent before with POST /uploads by the same account (at most 10); they belong to this reply or note (a note\'s files stay the technicians\').' })
  attachmentIds?: string[] | null;
}
