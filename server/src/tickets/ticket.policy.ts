import type { FilterQuery } from '@mikro-orm/postgresql';
import { isContact, isPerson, isStaff, type Principal, type SignedInPrincipal } from '../auth/principal.js';
import type { EventTopics } from '../pubsub/event-bus.js';
import type { PortalSettings } from '../settings/portal-settings.entity.js';
import { settingsPolicy, SHIPPED, type ShippedFeatures } from '../settings/settings.policy.js';
import { TicketSource } from './ticket.enums.js';
import { TicketStatus } from './ticket-status.js';
import type { Ticket } from './ticket.entity.js';

export type TicketListScope = 'MINE' | 'COMPANY';

/**
 * Which tickets a caller sees, as data: nothing, everything ({}), or those of a customer or a
 * contact in some statuses. `ticketPolicy.scope` renders it for MikroORM, `scopeSql` for the plain
 * SQL of the read paths (ticket.reads.ts): two renderings of one decision.
 */
export interface TicketScope {
  nothing?: true;
  customerId?: string;
  contactId?: string;
  statuses?: readonly TicketStatus[];
}

/** The facts of a ticket the decisions below read: an entity (writes) and a row (reads) both have them. */
export type TicketFacts = Pick<Ticket, 'status' | 'isBilled'>;

/** A ticket's times, as an entity (Dates) or a row (ISO text from json) has them. */
interface TicketTimes<T> {
  lastActivityAt: T;
  publicActivityAt: T;
  updatedAt: T;
}

/** `scope` as SQL conditions on `tickets t`, its values appended to `values` as bind parameters. */
export function scopeSql(scope: TicketScope, values: unknown[]): string[] {
  if (scope.nothing) return ['false'];
  const conditions: string[] = [];
  if (scope.customerId !== undefined) conditions.push(`t.customer_id = $${values.push(scope.customerId)}`);
  if (scope.contactId !== undefined) conditions.push(`t.contact_id = $${values.push(scope.contactId)}`);
  if (scope.statuses) conditions.push(`t.status = any($${values.push(scope.statuses)}::text[])`);
  return conditions;
}

/**
 * Every decision about tickets that depends on who is asking (PRODUCT.md F2), in one place; the
 * resolver, the service, the visibility mask and the fields resolver ask these functions and never
 * look at the principal's kind themselves. Table-driven tests: ticket.policy.test.ts.
 *
 * Technicians see and do everything. Contacts see their own tickets (primary contacts their
 * company's) in the statuses shown in the portal, the fields the admin does not hide, never
 * internal notes, and only activity they can see. What a contact is allowed never depends on a
 * value hidden from it: with the status hidden, closing is allowed (unless billed) and reopening is
 * allowed (unless billed or forbidden by the portal) whatever the status — both are harmless no-ops
 * when there is nothing to close or reopen — and a status change is refused as staff-only whatever
 * the value. API keys, devices and the anonymous caller get nothing.
 *
 * One consequence is accepted, because the admin chooses it: when some statuses are not shown in
 * the portal, a ticket leaving those statuses appears to its contacts, whether or not the status
 * field itself is hidden.
 */
export const ticketPolicy = {
  /** The tickets the caller sees: the filter of lists, single reads, searches and subscription deliveries. */
  sees(principal: Principal, settings: PortalSettings, list: TicketListScope = 'COMPANY'): TicketScope {
    if (isStaff(principal)) return {};
    if (!isContact(principal)) return { nothing: true };
    const whose = principal.isPrimary && list === 'COMPANY' ? { customerId: principal.customerId } : { contactId: principal.id };
    return { ...whose, statuses: settings.visibleTicketStatuses };
  },

  /** `sees` as a MikroORM filter (writes and the few reads that go through the ORM). */
  scope(principal: Principal, settings: PortalSettings, list: TicketListScope = 'COMPANY'): FilterQuery<Ticket> {
    const scope = ticketPolicy.sees(principal, settings, list);
    if (scope.nothing) return { id: { $in: [] } };
    return {
      ...(scope.customerId !== undefined ? { customer: scope.customerId } : {}),
      ...(scope.contactId !== undefined ? { contact: scope.contactId } : {}),
      ...(scope.statuses ? { status: { $in: [...scope.statuses] } } : {}),
    };
  },

  /** Every field whatever the portal's field visibility (the mask in ticket.visibility.ts lets everything through). */
  seesEverything(principal: Principal): boolean {
    return isStaff(principal);
  },

  seesInternalNotes(principal: Principal): boolean {
    return isStaff(principal);
  },

  /** The address of an unknown sender who opened a ticket by mail. */
  seesRequesterEmail(principal: Principal): boolean {
    return isStaff(principal);
  },

  /** Filters by customer, technician and unassigned tickets. */
  usesStaffFilters(principal: Principal): boolean {
    return isStaff(principal);
  },

  /**
   * The order of lists, newest activity first. Contacts are sorted by the activity they can see
   * (`publicActivityAt`), so internal notes and changes to hidden fields do not move a ticket up.
   */
  activityOrder(principal: Principal): { lastActivityAt: 'desc'; id: 'desc' } | { publicActivityAt: 'desc'; id: 'desc' } {
    return isStaff(principal) ? { lastActivityAt: 'desc', id: 'desc' } : { publicActivityAt: 'desc', id: 'desc' };
  },

  /** `lastActivityAt` as the caller sees it: contacts see the last change they can see. */
  activityOf<T>(principal: Principal, ticket: TicketTimes<T>): T {
    return isStaff(principal) ? ticket.lastActivityAt : ticket.publicActivityAt;
  },

  /** `updatedAt` as the caller sees it: for contacts the last change they can see. */
  updatedAtOf<T>(principal: Principal, ticket: TicketTimes<T>): T {
    return isStaff(principal) ? ticket.updatedAt : ticket.publicActivityAt;
  },

  /**
   * Whether a ticketChanged event reaches the caller, decided in memory from the event's audience,
   * the settings held in memory and the Ticketing section's scope: contacts hear only changes they
   * can see, of their own (primary: their company's) tickets, in statuses shown in the portal.
   */
  hearsOf(principal: Principal, event: EventTopics['TICKET_CHANGED'], settings: PortalSettings, ticketingOpenTo: (customerId: string) => boolean): boolean {
    if (isStaff(principal)) return true;
    if (!isContact(principal) || !event.visibleToContacts || !settings.visibleTicketStatuses.includes(event.status as TicketStatus)) return false;
    const theirs = principal.isPrimary ? event.customerId === principal.customerId : event.contactId === principal.id;
    return theirs && ticketingOpenTo(principal.customerId);
  },

  /**
   * The live-update keys (pubsub/event-bus.ts AUDIENCE) the caller listens to: technicians every
   * ticket, primary contacts their company's, other contacts their own; nobody else anything.
   * `changing`: while a change to its account is read, whatever it could hear either way.
   */
  liveKeys(principal: Principal, changing = false): string[] {
    if (isStaff(principal)) return ['staff'];
    if (!isContact(principal)) return [];
    if (changing) return [`customer:${principal.customerId}`, `contact:${principal.id}`];
    return principal.isPrimary ? [`customer:${principal.customerId}`] : [`contact:${principal.id}`];
  },

  /** Whether a subscription may deliver anything at all (signed out or revoked meanwhile: no). */
  canWatch(principal: Principal): boolean {
    return isPerson(principal);
  },

  /** Where a ticket the caller opens comes from. */
  sourceOf(principal: SignedInPrincipal): TicketSource {
    return isContact(principal) ? TicketSource.PORTAL : TicketSource.CONSOLE;
  },

  /** Contacts open tickets for themselves and their customer; technicians name the requester. */
  requesterOf(principal: Principal): { customerId: string; contactId: string } | null {
    return isContact(principal) ? { customerId: principal.customerId, contactId: principal.id } : null;
  },

  /** Who a reply or status change is by. */
  authorOf(principal: SignedInPrincipal): { contactId: string | null; technicianId: string | null } {
    return isContact(principal) ? { contactId: principal.id, technicianId: null } : { contactId: null, technicianId: principal.id };
  },

  /** Status, assignment, billing, customer and contact: technicians only, whatever the value (even the current one). */
  canSetStaffFields(principal: Principal): boolean {
    return isStaff(principal);
  },

  canWriteInternalNotes(principal: Principal): boolean {
    return isStaff(principal);
  },

  /** A contact's answer to a ticket waiting for it (PENDING) hands it back to the technicians. */
  replyHandsBack(principal: Principal, ticket: TicketFacts): boolean {
    return isContact(principal) && ticket.status === TicketStatus.PENDING;
  },

  /** Technicians' public replies and resolutions email the requester; contacts' own actions do not. */
  mailsOnStaffChanges(principal: Principal): boolean {
    return isStaff(principal);
  },

  /** Billed tickets are read-only for contacts: no edits, no status change, no reply. */
  isReadOnlyFor(principal: Principal, ticket: TicketFacts): boolean {
    return isContact(principal) && ticket.isBilled;
  },

  /** May change fields (which ones: the field visibility). */
  canEdit(principal: Principal, ticket: TicketFacts): boolean {
    return isStaff(principal) || (isContact(principal) && !ticket.isBilled);
  },

  canReply(principal: Principal, ticket: TicketFacts): boolean {
    return isStaff(principal) || (isContact(principal) && !ticket.isBilled);
  },

  /**
   * May close. `statusVisible`: whether the caller may see the status; when it may not, the answer
   * cannot depend on it (closing a closed ticket is then a no-op).
   */
  canClose(principal: Principal, ticket: TicketFacts, statusVisible: boolean): boolean {
    if (isStaff(principal)) return ticket.status !== TicketStatus.CLOSED;
    if (!isContact(principal) || ticket.isBilled) return false;
    return !statusVisible || ticket.status !== TicketStatus.CLOSED;
  },

  /**
   * May reopen a resolved or closed ticket; contacts unless the portal forbids it. With the status
   * hidden, the answer does not depend on it (reopening an open or pending ticket is then a no-op).
   */
  canReopen(principal: Principal, ticket: TicketFacts, settings: PortalSettings, statusVisible: boolean): boolean {
    const reopenable = ticket.status === TicketStatus.RESOLVED || ticket.status === TicketStatus.CLOSED;
    if (isStaff(principal)) return reopenable;
    if (!isContact(principal) || ticket.isBilled || settings.ticketsCannotBeReopened) return false;
    return !statusVisible || reopenable;
  },

  /** Manual ticket creation is (effectively) disabled; decided with the settings (settings/settings.policy.ts). */
  manualCreationDisabled: settingsPolicy.manualCreationDisabled,

  /** The assistant chat is offered to contacts: shipped and switched on (settings/settings.policy.ts). */
  assistantOffered: settingsPolicy.assistantOffered,

  /** May open a ticket: technicians always; contacts unless manual creation is (effectively) disabled. */
  canOpenTicket(principal: Principal, settings: PortalSettings, shipped: ShippedFeatures = SHIPPED): boolean {
    if (isStaff(principal)) return true;
    return isContact(principal) && !ticketPolicy.manualCreationDisabled(settings, shipped);
  },
};
