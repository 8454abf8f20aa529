import type { SharedMessageKey } from './messages';

// The schema's ticket enums; an app passing its generated type fails to compile when they drift.
export type TicketStatus = 'OPEN' | 'PENDING' | 'RESOLVED' | 'CLOSED';
export type TicketPriority = 'LOW' | 'NORMAL' | 'HIGH' | 'URGENT';
export type TicketType = 'INCIDENT' | 'PROBLEM' | 'QUESTION' | 'REQUEST';
export type TicketImpact = 'LOW' | 'MEDIUM' | 'HIGH';

type Translate = (key: SharedMessageKey) => string;

/** The names of ticket statuses, priorities, types and impacts, through the caller's `t` (literal keys). */
export function ticketLabels(t: Translate) {
  return {
    status(status: TicketStatus): string {
      switch (status) {
        case 'OPEN':
          return t('ticket.status.OPEN');
        case 'PENDING':
          return t('ticket.status.PENDING');
        case 'RESOLVED':
          return t('ticket.status.RESOLVED');
        case 'CLOSED':
          return t('ticket.status.CLOSED');
      }
    },
    priority(priority: TicketPriority): string {
      switch (priority) {
        case 'LOW':
          return t('ticket.priority.LOW');
        case 'NORMAL':
          return t('ticket.priority.NORMAL');
        case 'HIGH':
          return t('ticket.priority.HIGH');
        case 'URGENT':
          return t('ticket.priority.URGENT');
      }
    },
    type(type: TicketType): string {
      switch (type) {
        case 'INCIDENT':
          return t('ticket.type.INCIDENT');
        case 'PROBLEM':
          return t('ticket.type.PROBLEM');
        case 'QUESTION':
          return t('ticket.type.QUESTION');
        case 'REQUEST':
          return t('ticket.type.REQUEST');
      }
    },
    impact(impact: TicketImpact): string {
      switch (impact) {
        case 'LOW':
          return t('ticket.impact.LOW');
        case 'MEDIUM':
          return t('ticket.impact.MEDIUM');
        case 'HIGH':
          return t('ticket.impact.HIGH');
      }
    },
  };
}
