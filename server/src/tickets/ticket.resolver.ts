import { filter } from '@graphql-yoga/subscription';
import { Allow } from '../auth/permissions.js';
import { followCaller } from '../auth/live-session.js';
import { isAnonymous, isPerson, personOf } from '../auth/principal.js';
import DataLoader from 'dataloader';
import type { FilterQuery } from '@mikro-orm/postgresql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { Principal } from '../auth/principal.js';
import { Contact } from '../contacts/contact.entity.js';
import { Customer } from '../customers/customer.entity.js';
import { isUuid } from '../db/query-helpers.js';
import { inTransaction } from '../db/transaction.js';
import { StandardTicketField } from '../fields/field-visibility.js';
import type { Context } from '../context.js';
import { AppError, notFound } from '../core/errors.js';
import { once, onceSettled, perRequest, refreshForEvent } from '../graphql/memo.js';
import { PortalSection, type PortalSettings } from '../settings/portal-settings.entity.js';
import { assertSectionAvailable, settingsOf } from '../settings/request-settings.js';
import { selectedAt, selects, selectsOnly } from '../graphql/selection.js';
import { Technician } from '../technicians/technician.entity.js';
import { TicketAttachment } from './ticket-attachment.entity.js';
import { TicketComment } from './ticket-comment.entity.js';
import { LiveKeys, type EventTopics } from '../pubsub/event-bus.js';
import { TicketImpact, TicketPriority, TicketType } from './ticket.enums.js';
import { ticketPolicy, type TicketListScope, type TicketScope } from './ticket.policy.js';
import { partsFor, readTicket, readTicketPage, ticketInScope, ticketRowOf, type Instant, type LatestCommentRow, type TicketRow } from './ticket.reads.js';
import { addComment, closeTicket, openTicket, reopenTicket, updateTicket, type TicketWriteContext } from './ticket.service.js';
import { TicketStatus } from './ticket-status.js';
import { TicketStatusChange } from './ticket-status-change.entity.js';
import { Ticket } from './ticket.entity.js';
import { AddTicketCommentInput, CustomFieldValue, OpenTicketInput, TicketConnection, TicketPermissions, TicketsArgs, UpdateTicketInput } from './ticket.types.js';
import { TicketVisibility } from './ticket.visibility.js';
import { storeUpload, type UploadInfo } from './ticket-uploads.js';

/** Standard-field visibility: no query of its own, so masking a list costs nothing extra. */
const visibilityOf = (ctx: Context) => once(ctx, 'ticketVisibility', async () => TicketVisibility.standardOnly(ctx.principal, await settingsOf(ctx)));

/** `value` when the caller may see `field`, else null: synchronous once the visibility is known (every row of a list after the first). */
function masked<T>(ctx: Context, field: StandardTicketField, value: T): T | null | Promise<T | null> {
  const known = onceSettled<TicketVisibility>(ctx, 'ticketVisibility');
  if (known) return known.canSee(field) ? value : null;
  return visibilityOf(ctx).then((visibility) => (visibility.canSee(field) ? value : null));
}
/** With the custom field definitions, only for paths that need them. */
const fullVisibilityOf = (ctx: Context) => once(ctx, 'ticketVisibilityFull', async () => TicketVisibility.load(ctx.em, ctx.principal, await settingsOf(ctx)));

/** The Ticketing section gate, then the caller's ticket scope (as data, for the read paths). */
async function visibleScope(ctx: Context, list?: TicketListScope): Promise<TicketScope> {
  await assertSectionAvailable(ctx, PortalSection.TICKETING);
  return ticketPolicy.sees(ctx.principal, await settingsOf(ctx), list);
}

/** The Ticketing section gate, then the caller's ticket scope as a MikroORM filter (writes, attachments). */
async function ticketScope(ctx: Context, list?: TicketListScope): Promise<FilterQuery<Ticket>> {
  await assertSectionAvailable(ctx, PortalSection.TICKETING);
  return ticketPolicy.scope(ctx.principal, await settingsOf(ctx), list);
}

/** A ticket the caller may see, as the entity a write changes. NOT_FOUND for a missing one and one out of scope alike. */
export async function findVisibleTicket(ctx: Context, id: string): Promise<Ticket> {
  const scope = await ticketScope(ctx);
  const ticket = isUuid(id) ? await ctx.em.findOne(Ticket, { $and: [{ id }, scope] }) : null;
  if (!ticket) throw notFound();
  return ticket;
}

/** A ticket the caller may see, as a plain row (ticket.reads.ts). NOT_FOUND for a missing one and one out of scope alike. */
async function readVisibleTicket(ctx: Context, key: { id: string } | { number: number }): Promise<TicketRow> {
  const ticket = await readTicket(ctx.services.reads, ctx.principal, await visibleScope(ctx), key);
  if (!ticket) throw notFound();
  return ticket;
}

/** An attachment without its bytes. */
export type AttachmentInfo = Omit<TicketAttachment, 'content'>;

/** Attachments of internal notes are the technicians', like the notes. */
const attachmentsSeenBy = (principal: Principal): FilterQuery<TicketAttachment> =>
  ticketPolicy.seesInternalNotes(principal) ? {} : { $or: [{ comment: null }, { comment: { isInternal: false } }] };

/**
 * An attachment the caller may download, without its bytes: one query joining the ticket's scope
 * (NOT_FOUND, like a missing one, for anything else). Read the bytes with `attachmentContent` only
 * after this answered, so a denied id never costs a file read.
 */
export async function findVisibleAttachment(ctx: Context, id: string): Promise<AttachmentInfo> {
  if (!isUuid(id)) throw notFound();
  const scope = await ticketScope(ctx);
  const attachment = await ctx.em.findOne(TicketAttachment, { $and: [{ id }, { ticket: scope }, attachmentsSeenBy(ctx.principal)] }, { exclude: ['content'] });
  if (!attachment) throw notFound();
  return attachment;
}

/**
 * Keeps a file from the browser for the caller's next ticket or reply: people who may write
 * tickets only (contacts with Ticketing in their scope, technicians).
 */
export async function uploadFile(ctx: Context, file: { filename: string; contentType: string | undefined; content: Buffer }): Promise<UploadInfo> {
  if (!isPerson(ctx.principal)) throw new AppError(isAnonymous(ctx.principal) ? 'UNAUTHENTICATED' : 'FORBIDDEN');
  await assertSectionAvailable(ctx, PortalSection.TICKETING);
  return storeUpload(ctx.em, ctx.principal, file);
}

/** The bytes of an attachment `findVisibleAttachment` returned. */
export async function attachmentContent(ctx: Context, attachment: AttachmentInfo): Promise<Buffer> {
  const [row] = await ctx.em.getConnection().execute<Array<{ content: Buffer }>>('select content from ticket_attachments where id = ?', [attachment.id]);
  if (!row) throw notFound();
  return row.content;
}

/** The newest visible comment of every ticket on a page, in one query (DISTINCT ON), per request. */
function latestCommentLoader(ctx: Context) {
  return perRequest(ctx, 'latestComment', () => new DataLoader<string, TicketComment | null>(async (ticketIds) => {
    const publicOnly = !ticketPolicy.seesInternalNotes(ctx.principal);
    const rows = await ctx.em.getConnection().execute<Record<string, unknown>[]>(
      `select distinct on (ticket_id) * from ticket_comments where ticket_id in (${ticketIds.map(() => '?').join(',')})${publicOnly ? ' and is_internal = false' : ''} order by ticket_id, created_at desc, id desc`,
      [...ticketIds],
    );
    const byTicket = new Map(rows.map((row) => [row.ticket_id as string, ctx.em.map(TicketComment, row)]));
    return ticketIds.map((id) => byTicket.get(id) ?? null);
  }));
}

async function writeContext<T>(ctx: Context, work: (w: TicketWriteContext) => Promise<T>): Promise<T> {
  const principal = personOf(ctx.principal);
  const settings = await settingsOf(ctx);
  const visibility = await fullVisibilityOf(ctx);
  return inTransaction(ctx.em, ctx.services.domainEvents, (tx, record) => work({ tx, record, principal, settings, visibility }));
}

/** A write's ticket as the row the field resolvers read. */
async function answered(write: Promise<Ticket>): Promise<TicketRow> {
  return ticketRowOf(await write);
}

/** Joined with every page row: a related person or company needs no statement of its own when only these are asked. */
const JOINED_PERSON = new Set(['id', 'name']);
const JOINED_CONTACT = new Set(['id', 'name', 'email']);

@Resolver(() => Ticket)
export class TicketResolver {
  @Allow('SIGNED_IN')
  @Query(() => TicketConnection, { description: 'Tickets the caller may see, most recently active first (contacts: by the activity they can see).' })
  async tickets(@Args() args: TicketsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const principal = personOf(ctx.principal);
    const scope = await visibleScope(ctx, args.scope ?? 'COMPANY');
    const staff = ticketPolicy.usesStaffFilters(principal);
    const visibility = await visibilityOf(ctx);
    return readTicketPage(ctx.services.reads, principal, scope, {
      // With the status hidden from the caller the filter is ignored: narrowing by it would reveal the status.
      statuses: args.statuses?.length && visibility.canSee(StandardTicketField.STATUS) ? args.statuses : undefined,
      customerId: staff && args.customerId ? args.customerId : undefined,
      technicianId: staff && args.technicianId ? args.technicianId : undefined,
      unassigned: staff && !!args.unassigned,
      search: args.search ?? undefined,
      // Never search a field the caller cannot see: a match would reveal its content.
      searchDescription: visibility.canSee(StandardTicketField.DESCRIPTION),
    }, { first: args.first, after: args.after, withTotal: selects(info, 'totalCount'), parts: partsFor(selectedAt(info, ['edges', 'node'])) });
  }

  @Allow('SIGNED_IN')
  @Query(() => Ticket, { description: 'One ticket. NOT_FOUND when missing or not visible to the caller.' })
  async ticket(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: Context) {
    return readVisibleTicket(ctx, { id });
  }

  @Allow('SIGNED_IN')
  @Query(() => Ticket, { description: 'One ticket by its number. NOT_FOUND when missing or not visible to the caller.' })
  async ticketByNumber(@Arg('number', () => Int, { description: 'The ticket number.' }) number: number, @Ctx() ctx: Context) {
    return readVisibleTicket(ctx, { number });
  }

  @Allow('SIGNED_IN')
  @Mutation(() => Ticket, {
    description: 'Opens a ticket. Contacts open tickets for themselves and may set only fields EDITABLE for them. "Disable manual ticket creation" applies only once an AI assistant takes new requests (none has shipped yet).',
  })
  async openTicket(@Arg('input', { description: 'See the input type.' }) input: OpenTicketInput, @Ctx() ctx: Context) {
    const principal = personOf(ctx.principal);
    await assertSectionAvailable(ctx, PortalSection.TICKETING);
    const followUpOf = input.followUpOfId ? await findVisibleTicket(ctx, input.followUpOfId) : null;
    return answered(writeContext(ctx, (w) => openTicket(w, input, followUpOf, ticketPolicy.sourceOf(principal))));
  }

  @Allow('SIGNED_IN')
  @Mutation(() => Ticket, { description: 'Changes a ticket. Contacts may change only EDITABLE fields, and nothing on billed tickets.' })
  async updateTicket(@Arg('input', { description: 'See the input type.' }) input: UpdateTicketInput, @Ctx() ctx: Context) {
    const ticket = await findVisibleTicket(ctx, input.id);
    return answered(writeContext(ctx, (w) => updateTicket(w, ticket, input)));
  }

  @Allow('SIGNED_IN')
  @Mutation(() => TicketComment, { description: 'Adds a public reply, or an internal note (technicians). Contacts cannot reply to billed tickets.' })
  async addTicketComment(@Arg('input', { description: 'See the input type.' }) input: AddTicketCommentInput, @Ctx() ctx: Context) {
    const ticket = await findVisibleTicket(ctx, input.ticketId);
    return writeContext(ctx, (w) => addComment(w, ticket, input));
  }

  @Allow('SIGNED_IN')
  @Mutation(() => Ticket, { description: 'Closes a ticket. For a contact who cannot see the status: allowed unless billed, and a no-op when already closed.' })
  async closeTicket(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: Context) {
    const ticket = await findVisibleTicket(ctx, id);
    return answered(writeContext(ctx, (w) => closeTicket(w, ticket)));
  }

  @Allow('SIGNED_IN')
  @Mutation(() => Ticket, { description: 'Reopens a resolved or closed ticket, unless the portal forbids reopening (contacts). For a contact who cannot see the status: a no-op on an open or pending ticket.' })
  async reopenTicket(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: Context) {
    const ticket = await findVisibleTicket(ctx, id);
    return answered(writeContext(ctx, (w) => reopenTicket(w, ticket)));
  }

  @Allow('SIGNED_IN')
  @Subscription(() => Ticket, {
    nullable: false,
    description: 'Tickets the caller may see, each time one changes (new reply, status, fields). Filtered by the same rules as queries, at delivery time; contacts hear only of changes they can see (no internal notes, no hidden fields).',
    subscribe: ({ args, context }: SubscribeResolverData<unknown, { ticketId?: string | null }, Context>) => {
      const { events, settingsCache } = context.services;
      // Decided in memory first (the event's audience, the settings held in memory): events for
      // other customers and callers cost no query. Only a match is checked against the database.
      const visibleNow = filter(async (event: EventTopics['TICKET_CHANGED']) => {
        if (args.ticketId && event.ticketId !== args.ticketId) return false;
        const { settings } = await settingsCache.fresh();
        const ticketingOpenTo = (customerId: string) => settingsCache.sectionOpenTo(PortalSection.TICKETING, customerId);
        if (!ticketPolicy.hearsOf(context.principal, event, settings, ticketingOpenTo)) return false;
        const probe = refreshForEvent(context);
        try {
          return await ticketInScope(probe.services.reads, await visibleScope(probe), event.ticketId);
        } catch {
          return false; // e.g. the section was switched off for this contact: deliver nothing
        }
      });
      if (args.ticketId) return visibleNow(followCaller(context, events.subscribe('TICKET_CHANGED', [`ticket:${args.ticketId}`])));
      // The keys follow the caller: a contact made primary hears its company's tickets from then on.
      const keys = { live: new LiveKeys(ticketPolicy.liveKeys(context.principal)), of: ticketPolicy.liveKeys };
      return visibleNow(followCaller(context, events.subscribe('TICKET_CHANGED', keys.live), keys));
    },
  })
  async ticketChanged(
    @Root() event: { ticketId: string },
    @Arg('ticketId', () => ID, { nullable: true, description: 'Only this ticket.' }) _ticketId: string | null,
    @Ctx() ctx: Context,
  ): Promise<TicketRow> {
    return readVisibleTicket(refreshForEvent(ctx), { id: event.ticketId });
  }

  // ---- fields: every value a contact may not see is masked here, for every path ----

  @FieldResolver(() => Date, { description: 'Last reply or change; for contacts the last one they can see (internal notes and hidden fields do not count).' })
  lastActivityAt(@Root() t: TicketRow, @Ctx() ctx: Context): Instant {
    return ticketPolicy.activityOf(ctx.principal, t);
  }

  @FieldResolver(() => Date, { description: 'When it was last changed; for contacts the last change they can see.' })
  updatedAt(@Root() t: TicketRow, @Ctx() ctx: Context): Instant {
    return ticketPolicy.updatedAtOf(ctx.principal, t);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Details. Null when hidden from the caller.' })
  description(@Root() t: TicketRow, @Ctx() ctx: Context) {
    return masked(ctx, StandardTicketField.DESCRIPTION, t.description);
  }

  @FieldResolver(() => TicketStatus, { nullable: true, description: 'Status. Null when hidden from the caller.' })
  status(@Root() t: TicketRow, @Ctx() ctx: Context) {
    return masked(ctx, StandardTicketField.STATUS, t.status);
  }

  @FieldResolver(() => TicketPriority, { nullable: true, description: 'Priority. Null when hidden from the caller.' })
  priority(@Root() t: TicketRow, @Ctx() ctx: Context) {
    return masked(ctx, StandardTicketField.PRIORITY, t.priority);
  }

  @FieldResolver(() => TicketType, { nullable: true, description: 'Type. Null when hidden from the caller.' })
  type(@Root() t: TicketRow, @Ctx() ctx: Context) {
    return masked(ctx, StandardTicketField.TYPE, t.type);
  }

  @FieldResolver(() => TicketImpact, { nullable: true, description: 'Impact. Null when hidden from the caller.' })
  impact(@Root() t: TicketRow, @Ctx() ctx: Context) {
    return masked(ctx, StandardTicketField.IMPACT, t.impact);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Due date (YYYY-MM-DD). Null when none or hidden from the caller.' })
  dueDate(@Root() t: TicketRow, @Ctx() ctx: Context) {
    return masked(ctx, StandardTicketField.DUE_DATE, t.dueDate);
  }

  @FieldResolver(() => Technician, { nullable: true, description: 'Assigned technician. Null when none or hidden from the caller.' })
  technician(@Root() t: TicketRow, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const id = t.technicianId;
    if (!id) return null;
    const load = (visible: string | null) => {
      if (!visible) return null;
      if (t.joined?.technicianName != null && selectsOnly(info, JOINED_PERSON)) return { id, name: t.joined.technicianName };
      return ctx.em.getReference(Technician, id, { wrapped: true }).load({ dataloader: true });
    };
    const visible = masked(ctx, StandardTicketField.TECHNICIAN, id);
    return visible instanceof Promise ? visible.then(load) : load(visible);
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'The customer; null for mail from unknown domains.' })
  customer(@Root() t: TicketRow, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    if (!t.customerId) return null;
    if (t.joined?.customerName != null && selectsOnly(info, JOINED_PERSON)) return { id: t.customerId, name: t.joined.customerName };
    return ctx.em.getReference(Customer, t.customerId, { wrapped: true }).load({ dataloader: true });
  }

  @FieldResolver(() => Contact, { nullable: true, description: 'The requesting contact, if any.' })
  contact(@Root() t: TicketRow, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    if (!t.contactId) return null;
    if (t.joined?.contactName != null && selectsOnly(info, JOINED_CONTACT)) return { id: t.contactId, name: t.joined.contactName, email: t.joined.contactEmail };
    return ctx.em.getReference(Contact, t.contactId, { wrapped: true }).load({ dataloader: true });
  }

  @FieldResolver(() => String, { nullable: true, description: 'Sender address of a ticket from an unknown sender (technicians only).' })
  requesterEmail(@Root() t: TicketRow, @Ctx() ctx: Context) {
    return ticketPolicy.seesRequesterEmail(ctx.principal) ? t.requesterEmail : null;
  }

  @FieldResolver(() => Ticket, { nullable: true, description: 'The ticket this one follows up, when the caller may see it.' })
  async followUpOf(@Root() t: TicketRow, @Ctx() ctx: Context) {
    if (!t.followUpOfId) return null;
    return readTicket(ctx.services.reads, ctx.principal, ticketPolicy.sees(ctx.principal, await settingsOf(ctx)), { id: t.followUpOfId });
  }

  @FieldResolver(() => [TicketComment], { description: 'The conversation, oldest first. Contacts never get internal notes.' })
  async comments(@Root() t: TicketRow, @Ctx() ctx: Context) {
    return ctx.em.find(TicketComment, { ticket: t.id, ...(ticketPolicy.seesInternalNotes(ctx.principal) ? {} : { isInternal: false }) }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  @FieldResolver(() => TicketComment, { nullable: true, description: 'The newest entry of the conversation the caller may see.' })
  latestComment(@Root() t: TicketRow, @Ctx() ctx: Context): LatestCommentRow | null | Promise<TicketComment | null> {
    // A page's statement read it already; a written ticket's is loaded (batched per request).
    if (t.joined?.latestComment !== undefined) return t.joined.latestComment;
    return latestCommentLoader(ctx).load(t.id);
  }

  @FieldResolver(() => [TicketStatusChange], { description: 'Status history, oldest first; empty when the status is hidden from the caller.' })
  async statusHistory(@Root() t: TicketRow, @Ctx() ctx: Context) {
    if (!(await visibilityOf(ctx)).canSee(StandardTicketField.STATUS)) return [];
    return ctx.em.find(TicketStatusChange, { ticket: t.id }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  @FieldResolver(() => [CustomFieldValue], { description: 'Custom field values the caller may see.' })
  async customFields(@Root() t: TicketRow, @Ctx() ctx: Context): Promise<CustomFieldValue[]> {
    return (await fullVisibilityOf(ctx)).visibleCustomFields().map((field) => {
      const value = t.customFieldValues[field.id];
      return { field, value: value === undefined || value === null ? null : String(value) };
    });
  }

  @FieldResolver(() => [TicketAttachment], { description: 'Files that came with the ticket (contacts: not those of internal notes); download at /attachments/{id} with the same session.' })
  async attachments(@Root() t: TicketRow, @Ctx() ctx: Context) {
    return ctx.em.find(TicketAttachment, { $and: [{ ticket: t.id }, attachmentsSeenBy(ctx.principal)] }, { orderBy: { createdAt: 'asc', id: 'asc' }, exclude: ['content'] });
  }

  @FieldResolver(() => TicketPermissions, { description: 'What the caller may do with this ticket. Never depends on a value hidden from the caller.' })
  async viewerCan(@Root() t: TicketRow, @Ctx() ctx: Context): Promise<TicketPermissions> {
    const settings: PortalSettings = await settingsOf(ctx);
    const principal: Principal = ctx.principal;
    const statusVisible = (await visibilityOf(ctx)).canSee(StandardTicketField.STATUS);
    return {
      reply: ticketPolicy.canReply(principal, t),
      close: ticketPolicy.canClose(principal, t, statusVisible),
      reopen: ticketPolicy.canReopen(principal, t, settings, statusVisible),
      edit: ticketPolicy.canEdit(principal, t),
    };
  }
}

@Resolver(() => TicketComment)
export class TicketCommentResolver {
  @FieldResolver(() => String, { description: 'Who wrote it, by name (or address for unknown senders).' })
  authorName(@Root() c: TicketComment | LatestCommentRow): string | Promise<string> {
    if (!(c instanceof TicketComment)) return c.authorName;
    return commentAuthorName(c);
  }

  @FieldResolver(() => String, { description: 'technician, contact or email.' })
  authorKind(@Root() c: TicketComment | LatestCommentRow): string {
    if (!(c instanceof TicketComment)) return c.authorKind;
    return c.authorTechnician ? 'technician' : c.authorContact ? 'contact' : 'email';
  }
}

async function commentAuthorName(c: TicketComment): Promise<string> {
  if (c.authorTechnician) return (await c.authorTechnician.load({ dataloader: true }))?.name ?? '';
  if (c.authorContact) return (await c.authorContact.load({ dataloader: true }))?.name ?? '';
  return c.authorEmail ?? '';
}
