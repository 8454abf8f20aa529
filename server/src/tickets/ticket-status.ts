import { registerEnumType } from 'type-graphql';

/** Life cycle of a ticket (PRODUCT.md F2). Defined ahead of the tickets feature: settings refer to it. */
export enum TicketStatus {
  OPEN = 'OPEN',
  PENDING = 'PENDING',
  RESOLVED = 'RESOLVED',
  CLOSED = 'CLOSED',
}

registerEnumType(TicketStatus, { name: 'TicketStatus', description: 'Open, Pending (waiting for someone), Resolved, Closed.' });
