import type { LanguageCode } from '@portico/client-common';
import { LANGUAGE_NAMES, ticketLabels } from '@portico/client-common';
import type {
  CustomFieldKind,
  FieldVisibility,
  OutboxStatus,
  PortalSection,
  SectionScopeMode,
  StandardTicketField,
  TechnicianRole,
  TicketImpact,
  TicketPriority,
  TicketSource,
  TicketStatus,
  TicketType,
} from '../gql/graphql';
import { t } from './i18n';

/** Enum values as people read them; one literal key per value so the catalog check sees them all. */
export function roleLabel(role: TechnicianRole): string {
  switch (role) {
    case 'ADMIN':
      return t('technicians.role.admin');
    case 'TECHNICIAN':
      return t('technicians.role.technician');
  }
}

/** A language in its own name, or what happens while none is chosen. */
export function languageLabel(code: LanguageCode | null | undefined): string {
  return code ? LANGUAGE_NAMES[code] : t('common.languageNotChosen');
}


/** The portal sections that can be scoped per customer. */
export function sectionLabel(section: PortalSection): string {
  switch (section) {
    case 'TICKETING':
      return t('section.ticketing');
    case 'KNOWLEDGE_BASE':
      return t('section.knowledgeBase');
    case 'SELF_SERVICE':
      return t('section.selfService');
  }
}

export function scopeModeLabel(mode: SectionScopeMode): string {
  switch (mode) {
    case 'OFF':
      return t('scope.mode.off');
    case 'ALL_CUSTOMERS':
      return t('scope.mode.all');
    case 'SELECTED_CUSTOMERS':
      return t('scope.mode.selected');
  }
}

export function outboxStatusLabel(status: OutboxStatus): string {
  switch (status) {
    case 'QUEUED':
      return t('outbox.status.queued');
    case 'SENT':
      return t('outbox.status.sent');
    case 'FAILED':
      return t('outbox.status.failed');
  }
}




export function ticketSourceLabel(source: TicketSource): string {
  switch (source) {
    case 'API':
      return t('ticketSource.api');
    case 'CONSOLE':
      return t('ticketSource.console');
    case 'DEVICE':
      return t('ticketSource.device');
    case 'EMAIL':
      return t('ticketSource.email');
    case 'PORTAL':
      return t('ticketSource.portal');
  }
}

export function standardFieldLabel(field: StandardTicketField): string {
  switch (field) {
    case 'TITLE':
      return t('fields.standard.title');
    case 'DESCRIPTION':
      return t('fields.standard.description');
    case 'STATUS':
      return t('fields.standard.status');
    case 'PRIORITY':
      return t('fields.standard.priority');
    case 'TYPE':
      return t('fields.standard.type');
    case 'IMPACT':
      return t('fields.standard.impact');
    case 'TECHNICIAN':
      return t('fields.standard.technician');
    case 'DUE_DATE':
      return t('fields.standard.dueDate');
  }
}

export function visibilityLabel(visibility: FieldVisibility): string {
  switch (visibility) {
    case 'EDITABLE':
      return t('fields.visibility.editable');
    case 'READ_ONLY':
      return t('fields.visibility.readOnly');
    case 'HIDDEN':
      return t('fields.visibility.hidden');
  }
}

export function fieldKindLabel(kind: CustomFieldKind): string {
  switch (kind) {
    case 'TEXT':
      return t('fields.kind.text');
    case 'NUMBER':
      return t('fields.kind.number');
    case 'DATE':
      return t('fields.kind.date');
    case 'DROPDOWN':
      return t('fields.kind.dropdown');
    case 'CHECKBOX':
      return t('fields.kind.checkbox');
  }
}

/** Ticket statuses, priorities, types and impacts: shared names (client-common). */
export const { status: ticketStatusLabel, priority: ticketPriorityLabel, type: ticketTypeLabel, impact: ticketImpactLabel } = ticketLabels(t);
