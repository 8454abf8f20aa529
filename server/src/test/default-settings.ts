import { DEFAULT_STANDARD_FIELD_VISIBILITY } from '../fields/field-visibility.js';
import { PortalSettings } from '../settings/portal-settings.entity.js';
import type { GraphQLTestClient } from './graphql-client.js';

const SETTINGS = '{ portalSettings { ... on PortalSettings { version } } }';
const UPDATE = 'mutation($input: UpdatePortalSettingsInput!) { updatePortalSettings(input: $input) { version } }';
const FIELDS = 'mutation($input: [StandardFieldVisibilityInput!]!) { updateStandardFieldVisibility(input: $input) { field } }';

/**
 * Puts the portal settings and standard field visibility back to their defaults, through the API
 * like an admin (so every instance and open subscription hears of it). Files whose tests change the
 * global settings call it after each test: every test starts from the defaults, in any order.
 */
export async function restoreDefaultSettings(admin: GraphQLTestClient): Promise<void> {
  const defaults = new PortalSettings();
  const { portalSettings } = await admin.ok(SETTINGS);
  await admin.ok(UPDATE, {
    input: {
      version: portalSettings.version,
      customDomain: '',
      welcomeEmailEnabled: defaults.welcomeEmailEnabled,
      visibleTicketStatuses: defaults.visibleTicketStatuses,
      ticketsCannotBeReopened: defaults.ticketsCannotBeReopened,
      aiAssistantEnabled: defaults.aiAssistantEnabled,
      ticketCreationAssistantEnabled: defaults.ticketCreationAssistantEnabled,
      manualTicketCreationDisabled: defaults.manualTicketCreationDisabled,
      selfServiceEnabled: defaults.selfServiceEnabled,
      sectionScopes: [
        { section: 'TICKETING', mode: defaults.ticketingScope },
        { section: 'KNOWLEDGE_BASE', mode: defaults.knowledgeBaseScope },
        { section: 'SELF_SERVICE', mode: defaults.selfServiceScope },
      ],
    },
  });
  await admin.ok(FIELDS, { input: Object.entries(DEFAULT_STANDARD_FIELD_VISIBILITY).map(([field, visibility]) => ({ field, visibility })) });
}
