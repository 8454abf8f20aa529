import type { LanguageCode } from '../../../client-common/src/i18n';
import { LANGUAGE_NAMES } from '../../../client-common/src/i18n';
import type { OutboxStatus, PortalSection, SectionScopeMode, TechnicianRole, TicketStatus } from '../gql/graphql';
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

/** Ticket statuses, as the settings page lists them. */
export function ticketStatusLabel(status: TicketStatus): string {
  switch (status) {
    case 'OPEN':
      return t('ticketStatus.open');
    case 'PENDING':
      return t('ticketStatus.pending');
    case 'RESOLVED':
      return t('ticketStatus.resolved');
    case 'CLOSED':
      return t('ticketStatus.closed');
  }
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
