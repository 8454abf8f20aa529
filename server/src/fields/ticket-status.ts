import { registerEnumType } from 'type-graphql';

/**
 * Life cycle of a ticket (PRODUCT.md F2): the values of the standard STATUS field. Kept with the field
 * vocabulary, below settings and tickets, because the portal settings store which statuses contacts see.
 */
export enum TicketStatus {
  OPEN = 'OPEN',
  PENDING = 'PENDING',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
}

registerEnumType(TicketStatus, { name: 'TicketStatus', description: 'Open, Pending (waiting for someone), Resolved, Closed.' });
