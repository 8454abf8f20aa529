import { createMemo, createRoot } from 'solid-js';
import type { PortalSection } from '../gql/graphql';
import { t } from './i18n';
import { availableSections } from './session';

/** The three portal sections (PRODUCT.md: Ticketing, Knowledge base, Self-service), each at its own route. */
export type SectionId = 'tickets' | 'kb' | 'devices';
export const SECTIONS: SectionId[] = ['tickets', 'kb', 'devices'];

/** The server's name of each section, as admins scope it. */
const PORTAL_SECTION: Record<SectionId, PortalSection> = {
  tickets: 'TICKETING',
  kb: 'KNOWLEDGE_BASE',
  devices: 'SELF_SERVICE',
};

/** The sections the signed-in contact may use, in portal order; follows scope changes live. */
export const availableSectionIds = createRoot(() =>
  createMemo(() => {
    const available = new Set(availableSections());
    return SECTIONS.filter((section) => available.has(PORTAL_SECTION[section]));
  }),
);

export function isSectionAvailable(section: SectionId): boolean {
  return availableSectionIds().includes(section);
}

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
