import type { EntityManager } from '@mikro-orm/postgresql';
import { actorKindOf, type Principal, type SignedInPrincipal } from '../auth/principal.js';
import { Contact } from '../contacts/contact.entity.js';
import { Customer } from '../customers/customer.entity.js';
import { isUuid } from '../db/query-helpers.js';
import type { RecordEvent } from '../db/domain-events.js';
import { StandardTicketField } from '../fields/field-visibility.js';
import { CustomFieldKind, type TicketField } from '../fields/ticket-field.entity.js';
import { AppError, badInput } from '../core/errors.js';
import { requiredText } from '../core/validate.js';
import type { PortalSettings } from '../settings/portal-settings.entity.js';
import { Technician } from '../technicians/technician.entity.js';
import { TicketAttachment } from './ticket-attachment.entity.js';
import { claimUploads } from './ticket-uploads.js';
import { TicketComment } from './ticket-comment.entity.js';
import type { TicketFact } from './ticket.events.js';
import { TicketSource } from './ticket.enums.js';
import { ticketPolicy } from './ticket.policy.js';
import { TicketStatus } from './ticket-status.js';
import { TicketStatusChange } from './ticket-status-change.entity.js';
import { Ticket } from './ticket.entity.js';
import type { AddTicketCommentInput, CustomFieldValueInput, OpenTicketInput, UpdateTicketInput } from './ticket.types.js';
import { TicketVisibility } from './ticket.visibility.js';

/** A text that may be empty; when given, it follows the rules of a required one. */
const requiredTextOrEmpty = (field: string, value: string | null | undefined, max: number) => (value?.trim() ? requiredText(field, value, max) : '');

export interface TicketWriteContext {
  tx: EntityManager;
  record: RecordEvent;
  principal: SignedInPrincipal;
  settings: PortalSettings;
  visibility: TicketVisibility;
}

/** Opens a ticket; contacts for themselves with only the fields they may edit. */
export async function openTicket(ctx: TicketWriteContext, input: OpenTicketInput, followUpOf: Ticket | null, source: TicketSource): Promise<Ticket> {
  const { tx, principal, visibility } = ctx;
  // While no assistant can take new requests, contacts always may (see ticketPolicy.manualCreationDisabled).
  if (!ticketPolicy.canOpenTicket(principal, ctx.settings)) throw new AppError('FORBIDDEN', 'tickets.manualCreationDisabled');
  const ticket = tx.create(Ticket, { title: requiredText('title', input.title, 300), source, followUpOf });
  if (input.description != null) ticket.description = assertEditable(visibility, StandardTicketField.DESCRIPTION, 'description', input.description.trim().slice(0, 100_000));
  if (input.priority != null) ticket.priority = assertEditable(visibility, StandardTicketField.PRIORITY, 'priority', input.priority);
  if (input.type != null) ticket.type = assertEditable(visibility, StandardTicketField.TYPE, 'type', input.type);
  if (input.impact != null) ticket.impact = assertEditable(visibility, StandardTicketField.IMPACT, 'impact', input.impact);
  if (input.dueDate != null) ticket.dueDate = assertEditable(visibility, StandardTicketField.DUE_DATE, 'dueDate', validDate('dueDate', input.dueDate));
  if (input.technicianId != null) ticket.technician = await technicianFor(tx, principal, input.technicianId);

  const requester = ticketPolicy.requesterOf(principal);
  if (requester) {
    if (input.customerId || input.contactId) throw new AppError('BAD_USER_INPUT', 'tickets.fieldNotEditable', { field: input.customerId ? 'customerId' : 'contactId' });
    ticket.customer = tx.getReference(Customer, requester.customerId, { wrapped: true });
    ticket.contact = tx.getReference(Contact, requester.contactId, { wrapped: true });
  } else {
    const { customer, contact } = await requesterFor(tx, input.customerId, input.contactId);
    Object.assign(ticket, { customer, contact });
  }
  ticket.customFieldValues = applyCustomFields(visibility, {}, input.customFields ?? [], true);
  tx.create(TicketStatusChange, { ticket, toStatus: ticket.status, actorKind: actorKindOf(principal), actorName: await actorName(tx, principal) });
  await tx.flush();
  await claimUploads(tx, principal, input.attachmentIds, ticket, null);
  ctx.record('ticket.opened', factOf(ticket, true));
  return ticket;
}

/**
 * Changes a ticket. A change to nothing moves nothing; a change only to what contacts cannot see
 * (hidden fields) moves the technicians' activity only and reaches only technicians live.
 */
export async function updateTicket(ctx: TicketWriteContext, ticket: Ticket, input: UpdateTicketInput): Promise<Ticket> {
  const { tx, principal, visibility } = ctx;
  if (ticketPolicy.isReadOnlyFor(principal, ticket)) throw new AppError('FORBIDDEN', 'tickets.billedReadOnly');
  const staffOnly = (field: string) => {
    if (!ticketPolicy.canSetStaffFields(principal)) throw new AppError('BAD_USER_INPUT', 'tickets.fieldNotEditable', { field });
  };
  // Staff-only whatever the value, the current one included: a contact's answer cannot tell a hidden status.
  if (input.status != null) staffOnly('status');
  const contactView = contactViewOf(ctx);
  const before = { all: stateOf(ticket), seen: contactVisibleStateOf(ticket, contactView) };
  if (input.title != null) ticket.title = assertEditable(visibility, StandardTicketField.TITLE, 'title', requiredText('title', input.title, 300));
  if (input.description != null) ticket.description = assertEditable(visibility, StandardTicketField.DESCRIPTION, 'description', input.description.trim().slice(0, 100_000));
  if (input.priority != null) ticket.priority = assertEditable(visibility, StandardTicketField.PRIORITY, 'priority', input.priority);
  if (input.type != null) ticket.type = assertEditable(visibility, StandardTicketField.TYPE, 'type', input.type);
  if (input.impact != null) ticket.impact = assertEditable(visibility, StandardTicketField.IMPACT, 'impact', input.impact);
  if (input.dueDate !== undefined && input.dueDate !== null) {
    ticket.dueDate = assertEditable(visibility, StandardTicketField.DUE_DATE, 'dueDate', input.dueDate.trim() ? validDate('dueDate', input.dueDate) : null);
  }
  if (input.technicianId != null) ticket.technician = await technicianFor(tx, principal, input.technicianId);
  if (input.unassignTechnician) (staffOnly('unassignTechnician'), (ticket.technician = null));
  if (input.isBilled != null) (staffOnly('isBilled'), (ticket.isBilled = input.isBilled));
  if (input.customerId != null || input.contactId != null) {
    staffOnly(input.customerId != null ? 'customerId' : 'contactId');
    const sameCustomer = !input.customerId || input.customerId === ticket.customer?.id;
    const { customer, contact } = await requesterFor(tx, input.customerId ?? ticket.customer?.id, input.contactId ?? undefined);
    Object.assign(ticket, { customer, contact: contact ?? (sameCustomer ? ticket.contact : null) });
  }
  if (input.detachContact) {
    staffOnly('detachContact');
    if (input.contactId != null) throw badInput('detachContact', 'errors.invalidInput');
    ticket.contact = null;
  }
  if (input.customFields?.length) ticket.customFieldValues = applyCustomFields(visibility, ticket.customFieldValues, input.customFields, false);
  if (input.status != null && input.status !== ticket.status) await changeStatus(ctx, ticket, input.status);
  if (stateOf(ticket) === before.all) return ticket;
  const visibleToContacts = contactVisibleStateOf(ticket, contactView) !== before.seen;
  touch(ticket, visibleToContacts);
  await tx.flush();
  ctx.record('ticket.updated', factOf(ticket, visibleToContacts));
  return ticket;
}

export async function addComment(ctx: TicketWriteContext, ticket: Ticket, input: AddTicketCommentInput): Promise<TicketComment> {
  const { tx, principal } = ctx;
  if (!ticketPolicy.canReply(principal, ticket)) throw new AppError('FORBIDDEN', 'tickets.billedReadOnly');
  if (input.isInternal && !ticketPolicy.canWriteInternalNotes(principal)) throw new AppError('BAD_USER_INPUT', 'tickets.fieldNotEditable', { field: 'isInternal' });
  const author = ticketPolicy.authorOf(principal);
  const comment = tx.create(TicketComment, {
    ticket,
    // Files may speak for themselves (a pasted screenshot): then the text may be empty.
    body: input.attachmentIds?.length ? requiredTextOrEmpty('body', input.body, 100_000) : requiredText('body', input.body, 100_000),
    isInternal: input.isInternal,
    authorContact: author.contactId ? tx.getReference(Contact, author.contactId) : null,
    authorTechnician: author.technicianId ? tx.getReference(Technician, author.technicianId) : null,
  });
  // An internal note is the technicians' activity only.
  touch(ticket, !comment.isInternal);
  if (ticketPolicy.replyHandsBack(principal, ticket)) await changeStatus(ctx, ticket, TicketStatus.OPEN);
  await tx.flush();
  await claimUploads(tx, principal, input.attachmentIds, ticket, comment);
  ctx.record('ticket.commentAdded', {
    ...factOf(ticket, !comment.isInternal),
    commentId: comment.id,
    isInternal: comment.isInternal,
    notifyRequester: ticketPolicy.mailsOnStaffChanges(principal),
    authorName: (await actorName(tx, principal)) ?? '',
  });
  return comment;
}

/** Who wrote an email Portico takes in: a contact, or only an address (a requester without a contact). */
export interface EmailAuthor {
  contact: Contact | null;
  email: string;
}

/**
 * Opens a ticket from an email whose sender is established (inbound mail): for the contact and its
 * customer, or unassigned with the address as requester. Subject and text are the request whatever
 * the field visibility: a mail cannot choose fields.
 */
export async function openTicketFromEmail(tx: EntityManager, record: RecordEvent, author: EmailAuthor, title: string, description: string): Promise<Ticket> {
  const { contact } = author;
  const ticket = tx.create(Ticket, {
    title: title.slice(0, 300),
    description: description.slice(0, 100_000),
    source: TicketSource.EMAIL,
    customer: contact ? contact.customer : null,
    contact,
    requesterEmail: contact ? null : author.email,
  });
  tx.create(TicketStatusChange, { ticket, toStatus: ticket.status, actorKind: contact ? 'contact' : 'email', actorName: contact?.name ?? author.email });
  await tx.flush();
  record('ticket.opened', factOf(ticket, true));
  return ticket;
}

/** What a ticket opened from a device needs to know about it (devices/ hands it in). */
export interface HelpingDevice {
  id: string;
  hostname: string;
  os: string;
  osVersion: string;
  customer: { id: string };
  assignedContact: { id: string } | null;
  facts: object | null;
  factsReportedAt: Date | null;
}

/**
 * "I need help" from a managed computer: a ticket for the device's assigned contact (or its
 * customer, unassigned) whose description carries the user's words and the device's last facts,
 * so the technician starts with what a phone call would have asked. Facts are agent-reported text:
 * kept as plain text like any description (escaped wherever shown).
 */
export async function openTicketFromDevice(tx: EntityManager, record: RecordEvent, device: HelpingDevice, text: string): Promise<Ticket> {
  const words = text.replace(/\s+/g, ' ').trim().slice(0, 2000);
  if (!words) throw new AppError('BAD_USER_INPUT', 'validation.required', { field: 'text' });
  const facts = device.facts ? Object.entries(device.facts).map(([name, value]) => `- ${name}: ${value ?? '—'}`).join('\n') : '- (not reported yet)';
  const ticket = tx.create(Ticket, {
    title: `${device.hostname}: ${words}`.slice(0, 300),
    description: `${words}\n\nDevice: ${device.hostname} (${device.os} ${device.osVersion}), id ${device.id}\nFacts${device.factsReportedAt ? ` reported ${device.factsReportedAt.toISOString()}` : ''}:\n${facts}`,
    source: TicketSource.DEVICE,
    customer: tx.getReference(Customer, device.customer.id, { wrapped: true }),
    contact: device.assignedContact ? tx.getReference(Contact, device.assignedContact.id, { wrapped: true }) : null,
  });
  tx.create(TicketStatusChange, { ticket, toStatus: ticket.status, actorKind: 'device', actorName: device.hostname });
  await tx.flush();
  record('ticket.opened', factOf(ticket, true));
  return ticket;
}

/**
 * A reply by email from the requester of a ticket who has no contact (unassigned tickets), with the
 * address as author; like a contact's reply it hands a PENDING ticket back to the technicians.
 * Contacts' email replies go through `addComment` with their principal.
 */
export async function addRequesterEmailReply(tx: EntityManager, record: RecordEvent, ticket: Ticket, email: string, body: string): Promise<TicketComment> {
  const comment = tx.create(TicketComment, { ticket, body: body.slice(0, 100_000), authorEmail: email });
  touch(ticket, true);
  const from = ticket.status;
  if (from === TicketStatus.PENDING) {
    tx.create(TicketStatusChange, { ticket, fromStatus: from, toStatus: TicketStatus.OPEN, actorKind: 'email', actorName: email });
    ticket.status = TicketStatus.OPEN;
  }
  await tx.flush();
  if (from !== ticket.status) record('ticket.statusChanged', { ...factOf(ticket, true), from, to: ticket.status, notifyRequester: false });
  record('ticket.commentAdded', { ...factOf(ticket, true), commentId: comment.id, isInternal: false, notifyRequester: false, authorName: email });
  return comment;
}

/**
 * Closes a ticket. A contact who cannot see the status gets the same answer whatever it is (see
 * ticketPolicy.canClose): closing a closed ticket is then a no-op.
 */
export async function closeTicket(ctx: TicketWriteContext, ticket: Ticket): Promise<Ticket> {
  if (ticketPolicy.isReadOnlyFor(ctx.principal, ticket)) throw new AppError('FORBIDDEN', 'tickets.billedReadOnly');
  if (!ticketPolicy.canClose(ctx.principal, ticket, ctx.visibility.canSee(StandardTicketField.STATUS))) throw new AppError('CONFLICT', 'tickets.cannotClose');
  if (ticket.status === TicketStatus.CLOSED) return ticket;
  await changeStatus(ctx, ticket, TicketStatus.CLOSED);
  return statusChanged(ctx, ticket);
}

/**
 * Reopens a resolved or closed ticket. A contact who cannot see the status gets the same answer
 * whatever it is (see ticketPolicy.canReopen): reopening an open or pending ticket is then a no-op.
 */
export async function reopenTicket(ctx: TicketWriteContext, ticket: Ticket): Promise<Ticket> {
  if (ticketPolicy.isReadOnlyFor(ctx.principal, ticket)) throw new AppError('FORBIDDEN', 'tickets.billedReadOnly');
  if (!ticketPolicy.canReopen(ctx.principal, ticket, ctx.settings, ctx.visibility.canSee(StandardTicketField.STATUS))) throw new AppError('FORBIDDEN', 'tickets.cannotReopen');
  if (ticket.status !== TicketStatus.RESOLVED && ticket.status !== TicketStatus.CLOSED) return ticket;
  await changeStatus(ctx, ticket, TicketStatus.OPEN);
  return statusChanged(ctx, ticket);
}

/** After a status change: activity contacts see only when the status is shown to them. */
async function statusChanged(ctx: TicketWriteContext, ticket: Ticket): Promise<Ticket> {
  const visibleToContacts = contactViewOf(ctx).canSee(StandardTicketField.STATUS);
  touch(ticket, visibleToContacts);
  await ctx.tx.flush();
  return ticket;
}

/** What every ticket event says: who it concerns (customer, requester), the status after it, whether contacts see it. */
function factOf(ticket: Ticket, visibleToContacts: boolean): TicketFact {
  return { ticketId: ticket.id, customerId: ticket.customer?.id ?? null, contactId: ticket.contact?.id ?? null, status: ticket.status, visibleToContacts };
}

/** Records activity: technicians see every change; contacts see (and sort by) only changes they can see. */
function touch(ticket: Ticket, visibleToContacts: boolean): void {
  const now = new Date();
  ticket.lastActivityAt = now;
  if (visibleToContacts) ticket.publicActivityAt = now;
}

/** What contacts see of tickets (the portal's field visibility), whoever makes the change. */
function contactViewOf(ctx: TicketWriteContext): TicketVisibility {
  return TicketVisibility.forContact(ctx.settings, ctx.visibility.customFields);
}

/** Everything about a ticket a change can touch, comparable. */
function stateOf(ticket: Ticket): string {
  const { title, description, status, priority, type, impact, dueDate, isBilled, customFieldValues } = ticket;
  const custom = Object.entries(customFieldValues).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([title, description, status, priority, type, impact, dueDate, isBilled, ticket.technician?.id ?? null, ticket.customer?.id ?? null, ticket.contact?.id ?? null, custom]);
}

/** What of a ticket contacts see, comparable: a change to it is activity contacts see. */
function contactVisibleStateOf(ticket: Ticket, view: TicketVisibility): string {
  const shown = <T>(field: StandardTicketField, value: T) => (view.canSee(field) ? value : '(hidden)');
  return JSON.stringify([
    ticket.title, ticket.isBilled, ticket.customer?.id ?? null, ticket.contact?.id ?? null,
    shown(StandardTicketField.DESCRIPTION, ticket.description), shown(StandardTicketField.STATUS, ticket.status), shown(StandardTicketField.PRIORITY, ticket.priority),
    shown(StandardTicketField.TYPE, ticket.type), shown(StandardTicketField.IMPACT, ticket.impact), shown(StandardTicketField.DUE_DATE, ticket.dueDate),
    shown(StandardTicketField.TECHNICIAN, ticket.technician?.id ?? null),
    view.visibleCustomFields().map((field) => ticket.customFieldValues[field.id] ?? null),
  ]);
}

async function changeStatus(ctx: TicketWriteContext, ticket: Ticket, to: TicketStatus): Promise<void> {
  ctx.tx.create(TicketStatusChange, { ticket, fromStatus: ticket.status, toStatus: to, actorKind: actorKindOf(ctx.principal), actorName: await actorName(ctx.tx, ctx.principal) });
  const from = ticket.status;
  ticket.status = to;
  const visibleToContacts = contactViewOf(ctx).canSee(StandardTicketField.STATUS);
  ctx.record('ticket.statusChanged', { ...factOf(ticket, visibleToContacts), from, to, notifyRequester: ticketPolicy.mailsOnStaffChanges(ctx.principal) });
}

/** Keeps an attachment that came with an email (on the ticket, and on its comment when it was a reply). */
export function attachFromEmail(tx: EntityManager, ticket: Ticket, comment: TicketComment | null, file: { filename: string; contentType: string; size: number; content: Buffer }): TicketAttachment {
  return tx.create(TicketAttachment, { ticket, comment, ...file });
}

function assertEditable<T>(visibility: TicketVisibility, field: StandardTicketField, inputField: string, value: T): T {
  if (!visibility.canEdit(field)) throw new AppError('BAD_USER_INPUT', 'tickets.fieldNotEditable', { field: inputField });
  return value;
}

function validDate(field: string, value: string): string {
  const trimmed = value.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(trimmed) || Number.isNaN(Date.parse(`${trimmed}T00:00:00Z`))) throw badInput(field, 'validation.invalidDate');
  return trimmed;
}

async function technicianFor(tx: EntityManager, principal: Principal, id: string) {
  if (!ticketPolicy.canSetStaffFields(principal)) throw new AppError('BAD_USER_INPUT', 'tickets.fieldNotEditable', { field: 'technicianId' });
  const technician = isUuid(id) ? await tx.findOne(Technician, id) : null;
  if (!technician) throw new AppError('NOT_FOUND', 'errors.notFound', { field: 'technicianId' });
  return tx.getReference(Technician, technician.id, { wrapped: true });
}

async function requesterFor(tx: EntityManager, customerId: string | null | undefined, contactId: string | null | undefined) {
  const contact = contactId ? (isUuid(contactId) ? await tx.findOne(Contact, contactId) : null) : null;
  if (contactId && !contact) throw new AppError('NOT_FOUND', 'errors.notFound', { field: 'contactId' });
  const resolvedCustomerId = customerId ?? contact?.customer.id;
  if (!resolvedCustomerId) throw badInput('customerId', 'validation.required');
  const customer = isUuid(resolvedCustomerId) ? await tx.findOne(Customer, resolvedCustomerId) : null;
  if (!customer) throw new AppError('NOT_FOUND', 'errors.notFound', { field: 'customerId' });
  if (contact && contact.customer.id !== customer.id) throw badInput('contactId', 'tickets.contactNotOfCustomer');
  return { customer: tx.getReference(Customer, customer.id, { wrapped: true }), contact: contact ? tx.getReference(Contact, contact.id, { wrapped: true }) : null };
}

/** Validates and merges custom field values; contacts may set only fields visible (EDITABLE) to them. */
function applyCustomFields(visibility: TicketVisibility, current: Record<string, unknown>, inputs: CustomFieldValueInput[], creating: boolean): Record<string, unknown> {
  const editable = new Map(visibility.visibleCustomFields().map((f) => [f.id, f]));
  const next = { ...current };
  for (const input of inputs) {
    const field = editable.get(input.fieldId);
    if (!field) throw new AppError('BAD_USER_INPUT', 'tickets.fieldNotEditable', { field: `customFields.${input.fieldId}` });
    const value = parseCustomValue(field, input.value);
    if (value === null) delete next[field.id];
    else next[field.id] = value;
  }
  if (creating) {
    for (const field of editable.values()) {
      if (field.isRequired && next[field.id] === undefined) throw badInput(`customFields.${field.id}`, 'validation.required');
    }
  }
  return next;
}

export function parseCustomValue(field: TicketField, raw: string | null | undefined): string | number | boolean | null {
  const text = (raw ?? '').trim();
  if (text === '') return null;
  const name = `customFields.${field.id}`;
  switch (field.kind) {
    case CustomFieldKind.TEXT:
      if (text.length > 2000) throw badInput(name, 'validation.tooLong', { max: 2000 });
      return text;
    case CustomFieldKind.NUMBER:
      if (!/^-?\d+(\.\d+)?$/.test(text)) throw badInput(name, 'validation.invalidNumber');
      return Number(text);
    case CustomFieldKind.DATE:
      return validDate(name, text);
    case CustomFieldKind.DROPDOWN:
      if (!field.options.includes(text)) throw badInput(name, 'validation.invalidOption');
      return text;
    case CustomFieldKind.CHECKBOX:
      if (text !== 'true' && text !== 'false') throw badInput(name, 'validation.invalidBoolean');
      return text === 'true';
  }
}

async function actorName(tx: EntityManager, principal: SignedInPrincipal): Promise<string | null> {
  const { contactId, technicianId } = ticketPolicy.authorOf(principal);
  const person = contactId ? await tx.findOne(Contact, contactId) : technicianId ? await tx.findOne(Technician, technicianId) : null;
  return person?.name ?? null;
}
