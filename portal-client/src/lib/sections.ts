import { t } from './i18n';

/** The three portal sections (PRODUCT.md: Ticketing, Knowledge base, Self-service), each at its own route. */
export type SectionId = 'tickets' | 'kb' | 'devices';
export const SECTIONS: SectionId[] = ['tickets', 'kb', 'devices'];

export function sectionPath(section: SectionId): string {
  return `/${section}`;
}

export function sectionTitle(section: SectionId): string {
  switch (section) {
    case 'tickets':
      return t('nav.tickets');
    case 'kb':
      return t('nav.kb');
    case 'devices':
      return t('nav.devices');
  }
}

export function sectionDescription(section: SectionId): string {
  switch (section) {
    case 'tickets':
      return t('sections.tickets.description');
    case 'kb':
      return t('sections.kb.description');
    case 'devices':
      return t('sections.devices.description');
  }
}
