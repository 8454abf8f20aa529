import type { FilterQuery } from '@mikro-orm/postgresql';
import type { Principal } from '../auth/principal.js';
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
  scope(principal: Principal, settings: PortalSettings, list: TicketListScope = 'COMPANY'): FilterQuery<Ticket> {
    if (principal.kind === 'technician') return {};
    if (principal.kind !== 'contact') return NOTHING;
    const whose = principal.isPrimary && list === 'COMPANY' ? { customer: principal.customerId } : { contact: principal.id };
    return { ...whose, status: { $in: settings.visibleTicketStatuses } };
  },

  /** Billed tickets are read-only for contacts: no edits, no status change, no reply. */
  isReadOnlyFor(principal: Principal, ticket: Ticket): boolean {
    return principal.kind === 'contact' && ticket.isBilled;
  },

  canReply(principal: Principal, ticket: Ticket): boolean {
    return principal.kind === 'technician' || (principal.kind === 'contact' && !ticket.isBilled);
  },

  canClose(principal: Principal, ticket: Ticket): boolean {
    if (ticket.status === TicketStatus.CLOSED) return false;
    return principal.kind === 'technician' || (principal.kind === 'contact' && !ticket.isBilled);
  },

  canReopen(principal: Principal, ticket: Ticket, settings: PortalSettings): boolean {
    if (ticket.status !== TicketStatus.RESOLVED && ticket.status !== TicketStatus.CLOSED) return false;
    if (principal.kind === 'technician') return true;
    return principal.kind === 'contact' && !ticket.isBilled && !settings.ticketsCannotBeReopened;
  },
};
