import type { FilterQuery } from '@mikro-orm/postgresql';
import type { Actor } from '../auth/actor.js';
import type { PortalSettings } from '../settings/portal-settings.entity.js';
import { TicketStatus } from './ticket-status.js';
import type { Ticket } from './ticket.entity.js';

export type TicketListScope = 'MINE' | 'COMPANY';

const NOTHING = { id: { $in: [] } };

/**
 * Who sees which tickets (PRODUCT.md F2): technicians all; a contact its own, a primary contact its
 * company's; contacts only in the statuses shown in the portal. The same filter serves lists,
 * single reads, searches and subscription deliveries.
 */
export const ticketPolicy = {
  scope(actor: Actor, settings: PortalSettings, list: TicketListScope = 'COMPANY'): FilterQuery<Ticket> {
    if (actor.kind === 'technician') return {};
    if (actor.kind !== 'contact') return NOTHING;
    const whose = actor.isPrimary && list === 'COMPANY' ? { customer: actor.customerId } : { contact: actor.id };
    return { ...whose, status: { $in: settings.visibleTicketStatuses } };
  },

  /** Billed tickets are read-only for contacts: no edits, no status change, no reply. */
  isReadOnlyFor(actor: Actor, ticket: Ticket): boolean {
    return actor.kind === 'contact' && ticket.isBilled;
  },

  canReply(actor: Actor, ticket: Ticket): boolean {
    return actor.kind === 'technician' || (actor.kind === 'contact' && !ticket.isBilled);
  },

  canClose(actor: Actor, ticket: Ticket): boolean {
    if (ticket.status === TicketStatus.CLOSED) return false;
    return actor.kind === 'technician' || (actor.kind === 'contact' && !ticket.isBilled);
  },

  canReopen(actor: Actor, ticket: Ticket, settings: PortalSettings): boolean {
    if (ticket.status !== TicketStatus.RESOLVED && ticket.status !== TicketStatus.CLOSED) return false;
    if (actor.kind === 'technician') return true;
    return actor.kind === 'contact' && !ticket.isBilled && !settings.ticketsCannotBeReopened;
  },
};
