import { graphql } from '../../gql';
import type { AdminPortalSettingsFieldsFragment, PortalSection, SectionScopeMode, TicketStatus, UpdatePortalSettingsInput } from '../../gql/graphql';
import type { PickedCustomer } from './customer-picker';

graphql(`
  fragment AdminPortalSettingsFields on PortalSettings {
    version
    portalUrl
    customDomain
    cnameTarget
    welcomeEmailEnabled
    visibleTicketStatuses
    ticketsCannotBeReopened
    aiAssistantEnabled
    ticketCreationAssistantEnabled
    manualTicketCreationDisabled
    selfServiceEnabled
    updatedAt
    sectionScopes {
      section
      mode
      customers {
        id
        name
      }
    }
  }
`);

export type Settings = AdminPortalSettingsFieldsFragment;

export const SECTIONS: PortalSection[] = ['TICKETING', 'KNOWLEDGE_BASE', 'SELF_SERVICE'];
export const MODES: SectionScopeMode[] = ['OFF', 'ALL_CUSTOMERS', 'SELECTED_CUSTOMERS'];
export const STATUSES: TicketStatus[] = ['OPEN', 'PENDING', 'RESOLVED', 'CLOSED'];
export type ToggleKey = 'welcomeEmailEnabled' | 'ticketsCannotBeReopened' | 'aiAssistantEnabled' | 'ticketCreationAssistantEnabled' | 'manualTicketCreationDisabled' | 'selfServiceEnabled';

/** The settings as the form edits them (the server's answer is the baseline they are compared with). */
export interface Draft extends Record<ToggleKey, boolean> {
  customDomain: string;
  visibleTicketStatuses: TicketStatus[];
  scopes: Record<PortalSection, { mode: SectionScopeMode; customers: PickedCustomer[] }>;
}

export function draftOf(settings: Settings): Draft {
  const scope = (section: PortalSection) => {
    const found = settings.sectionScopes.find((candidate) => candidate.section === section);
    return { mode: found?.mode ?? 'OFF', customers: (found?.customers ?? []).map(({ id, name }) => ({ id, name })) };
  };
  return {
    customDomain: settings.customDomain ?? '',
    welcomeEmailEnabled: settings.welcomeEmailEnabled,
    ticketsCannotBeReopened: settings.ticketsCannotBeReopened,
    aiAssistantEnabled: settings.aiAssistantEnabled,
    ticketCreationAssistantEnabled: settings.ticketCreationAssistantEnabled,
    manualTicketCreationDisabled: settings.manualTicketCreationDisabled,
    selfServiceEnabled: settings.selfServiceEnabled,
    visibleTicketStatuses: STATUSES.filter((status) => settings.visibleTicketStatuses.includes(status)),
    scopes: { TICKETING: scope('TICKETING'), KNOWLEDGE_BASE: scope('KNOWLEDGE_BASE'), SELF_SERVICE: scope('SELF_SERVICE') },
  };
}

/** What saving the draft sends, against the version the form started from. */
export function inputOf(draft: Draft, version: number): UpdatePortalSettingsInput {
  return {
    version,
    customDomain: draft.customDomain.trim(),
    welcomeEmailEnabled: draft.welcomeEmailEnabled,
    ticketsCannotBeReopened: draft.ticketsCannotBeReopened,
    aiAssistantEnabled: draft.aiAssistantEnabled,
    ticketCreationAssistantEnabled: draft.ticketCreationAssistantEnabled,
    manualTicketCreationDisabled: draft.manualTicketCreationDisabled,
    selfServiceEnabled: draft.selfServiceEnabled,
    visibleTicketStatuses: STATUSES.filter((status) => draft.visibleTicketStatuses.includes(status)),
    sectionScopes: SECTIONS.map((section) => {
      const { mode, customers } = draft.scopes[section];
      return { section, mode, customerIds: mode === 'SELECTED_CUSTOMERS' ? customers.map((customer) => customer.id) : [] };
    }),
  };
}

/** A plain copy: query results are stores that urql updates in place. */
export function snapshot(settings: Settings): Settings {
  return JSON.parse(JSON.stringify(settings)) as Settings;
}

/** What would be saved, in a form where equal settings compare equal. */
export function comparable(draft: Draft): string {
  const input = inputOf(draft, 0);
  return JSON.stringify({
    ...input,
    customDomain: input.customDomain?.toLowerCase(),
    sectionScopes: input.sectionScopes?.map((scope) => ({ ...scope, customerIds: [...(scope.customerIds ?? [])].map(String).sort() })),
  });
}
