import type { DomainEventHandlers, RecordedEvent } from '../db/domain-events.js';
import type { EventBus } from '../pubsub/event-bus.js';
import type { TicketStatus } from './ticket-status.js';

/** Who a ticket's change concerns: the keys live updates match in memory, and its status after the change. */
export interface TicketFact {
  ticketId: string;
  customerId: string | null;
  contactId: string | null;
  status: TicketStatus;
  /** Whether contacts could see anything of the change (not for internal notes or hidden fields). */
  visibleToContacts: boolean;
}

declare module '../db/domain-events.js' {
  interface DomainEvents {
    'ticket.opened': TicketFact;
    /** Fields, requester or assignment changed. */
    'ticket.updated': TicketFact;
    'ticket.commentAdded': TicketFact & {
      commentId: string;
      isInternal: boolean;
      /** Whether the requester is told by email (replies by staff; see ticketPolicy.mailsOnStaffChanges). */
      notifyRequester: boolean;
      authorName: string;
    };
    'ticket.statusChanged': TicketFact & { from: TicketStatus; to: TicketStatus; notifyRequester: boolean };
  }
}

export const TICKET_EVENTS = ['ticket.opened', 'ticket.updated', 'ticket.commentAdded', 'ticket.statusChanged'] as const;

/**
 * Live updates of tickets: one TICKET_CHANGED per ticket and transaction, after the commit, seen by
 * contacts when any part of the change was visible to them.
 */
export function publishTicketChanges(handlers: DomainEventHandlers, bus: EventBus): void {
  handlers.on(TICKET_EVENTS, {
    afterCommit(fact, batch) {
      const sameTicket = batch.filter((event): event is RecordedEvent<(typeof TICKET_EVENTS)[number]> =>
        (TICKET_EVENTS as readonly string[]).includes(event.name) && (event.data as TicketFact).ticketId === fact.ticketId);
      if (sameTicket.at(-1)?.data !== fact) return; // the last event of the ticket speaks for the whole change
      const { ticketId, customerId, contactId, status } = fact;
      bus.publish('TICKET_CHANGED', { ticketId, customerId, contactId, status, visibleToContacts: sameTicket.some((event) => event.data.visibleToContacts) });
    },
  });
}
