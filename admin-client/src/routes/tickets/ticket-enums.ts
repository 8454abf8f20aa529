import type { TicketImpact, TicketPriority, TicketStatus, TicketType } from '../../gql/graphql';

export const STATUSES: TicketStatus[] = ['OPEN', 'PENDING', 'RESOLVED', 'CLOSED'];
export const PRIORITIES: TicketPriority[] = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];
export const TYPES: TicketType[] = ['INCIDENT', 'PROBLEM', 'QUESTION', 'REQUEST'];
export const IMPACTS: TicketImpact[] = ['LOW', 'MEDIUM', 'HIGH'];

export const STATUS_BADGE: Record<TicketStatus, string> = {
  OPEN: 'badge--open',
  PENDING: 'badge--warning',
  RESOLVED: 'badge--success',
  CLOSED: 'badge--closed',
};
