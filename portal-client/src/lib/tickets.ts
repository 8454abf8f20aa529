import type { CombinedError } from '@urql/core';
import { graphql } from '../gql';
import type {
  FieldVisibility,
  StandardTicketField,
  TicketImpact,
  TicketPriority,
  TicketStatus,
  TicketType,
} from '../gql/graphql';
import { ticketLabels } from '@portico/client-common';
import { language, t } from './i18n';

export const { status: statusLabel, priority: priorityLabel, type: typeLabel, impact: impactLabel } = ticketLabels(t);

/** Everything the detail page shows; queries, live updates and mutations all answer with it. */
export const TicketDetailFields = graphql(`
  fragment PortalTicketDetail on Ticket {
    ...TicketCore
    viewerCan {
      reply
      close
      reopen
      edit
    }
  }
`);

/** One row of the list. */
export const TicketRowFields = graphql(`
  fragment PortalTicketRow on Ticket {
    id
    number
    title
    status
    lastActivityAt
    contact {
      id
      name
    }
    latestComment {
      id
      body
      authorName
      authorKind
      createdAt
    }
  }
`);

export const TICKET_STATUSES: TicketStatus[] = ['OPEN', 'PENDING', 'RESOLVED', 'CLOSED'];
export const TICKET_PRIORITIES: TicketPriority[] = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];
export const TICKET_TYPES: TicketType[] = ['INCIDENT', 'PROBLEM', 'QUESTION', 'REQUEST'];
export const TICKET_IMPACTS: TicketImpact[] = ['LOW', 'MEDIUM', 'HIGH'];





/** The label of a standard field, as forms and the detail page show it. */
export function fieldLabel(field: StandardTicketField): string {
  switch (field) {
    case 'TITLE':
      return t('ticket.field.title');
    case 'DESCRIPTION':
      return t('ticket.field.description');
    case 'STATUS':
      return t('ticket.field.status');
    case 'PRIORITY':
      return t('ticket.field.priority');
    case 'TYPE':
      return t('ticket.field.type');
    case 'IMPACT':
      return t('ticket.field.impact');
    case 'TECHNICIAN':
      return t('ticket.field.technician');
    case 'DUE_DATE':
      return t('ticket.field.dueDate');
  }
}

export type FieldSettings = ReadonlyArray<{ field: StandardTicketField; visibility: FieldVisibility }>;

export function visibilityOf(settings: FieldSettings | undefined, field: StandardTicketField): FieldVisibility {
  return settings?.find((setting) => setting.field === field)?.visibility ?? 'HIDDEN';
}

/** Date and time in the portal's language, e.g. "12 Mar 2026, 14:05". */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(language().toLowerCase(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD) in the portal's language, without shifting it across time zones. */
export function formatDate(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(language().toLowerCase(), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

export function isNotFound(error: CombinedError | undefined): boolean {
  return !!error?.graphQLErrors.some((e) => e.extensions?.code === 'NOT_FOUND');
}
