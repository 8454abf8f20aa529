import type { LanguageCode } from '../../../client-common/src/i18n';
import { LANGUAGE_NAMES } from '../../../client-common/src/i18n';
import type { TechnicianRole } from '../gql/graphql';
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
