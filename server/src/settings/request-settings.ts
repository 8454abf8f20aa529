import type { Principal } from '../auth/principal.js';
import type { Context } from '../context.js';
import { AppError } from '../core/errors.js';
import { readStatement } from '../db/reads.js';
import { once } from '../graphql/memo.js';
import type { StandardFieldVisibility } from '../fields/field-visibility.js';
import type { TicketStatus } from '../fields/ticket-status.js';
import { PortalSection, SectionScopeMode, type PortalSettings } from './portal-settings.entity.js';
import { settingsPolicy } from './settings.policy.js';

/** The settings as one request sees them, and the sections its caller may use. */
export interface RequestSettings {
  /** A plain row shaped like the entity (read-only: writes load the entity, settings.service.ts). */
  settings: PortalSettings;
  sections: PortalSection[];
}

/**
 * The settings columns of a read statement (`ps` is portal_settings) and the sections scoped to
 * the caller's customer (`customer` an SQL expression, null for none). composition.ts reads them
 * in the statement that resolves the caller, so a request pays no statement of its own for them.
 */
export function settingsColumns(customer: string): string {
  return `ps.version as settings_version, ps.custom_domain, ps.welcome_email_enabled, ps.ticketing_scope, ps.knowledge_base_scope, ps.knowledge_base_scope_chosen,
    ps.self_service_scope, ps.visible_ticket_statuses, ps.tickets_cannot_be_reopened, ps.ai_assistant_enabled,
    ps.ticket_creation_assistant_enabled, ps.manual_ticket_creation_disabled, ps.self_service_enabled,
    ps.standard_field_visibility, ps.updated_at as settings_updated_at,
    (select array_agg(sc.section) from section_scope_customers sc where sc.customer_id = ${customer}) as customer_sections`;
}

/** The columns `settingsColumns` selects, as pg returns them. */
export interface SettingsColumns {
  settings_version: number;
  custom_domain: string | null;
  welcome_email_enabled: boolean;
  ticketing_scope: SectionScopeMode;
  knowledge_base_scope: SectionScopeMode;
  knowledge_base_scope_chosen: boolean;
  self_service_scope: SectionScopeMode;
  visible_ticket_statuses: TicketStatus[];
  tickets_cannot_be_reopened: boolean;
  ai_assistant_enabled: boolean;
  ticket_creation_assistant_enabled: boolean;
  manual_ticket_creation_disabled: boolean;
  self_service_enabled: boolean;
  standard_field_visibility: StandardFieldVisibility;
  settings_updated_at: Date;
  customer_sections: PortalSection[] | null;
}

/** The settings of a request from its row, and the sections its caller may use. */
export function requestSettingsFromRow(principal: Principal, row: SettingsColumns): RequestSettings {
  const settings: PortalSettings = {
    id: 1,
    version: row.settings_version,
    customDomain: row.custom_domain,
    welcomeEmailEnabled: row.welcome_email_enabled,
    ticketingScope: row.ticketing_scope,
    knowledgeBaseScope: row.knowledge_base_scope,
    knowledgeBaseScopeChosen: row.knowledge_base_scope_chosen,
    selfServiceScope: row.self_service_scope,
    visibleTicketStatuses: row.visible_ticket_statuses,
    ticketsCannotBeReopened: row.tickets_cannot_be_reopened,
    aiAssistantEnabled: row.ai_assistant_enabled,
    ticketCreationAssistantEnabled: row.ticket_creation_assistant_enabled,
    manualTicketCreationDisabled: row.manual_ticket_creation_disabled,
    selfServiceEnabled: row.self_service_enabled,
    standardFieldVisibility: row.standard_field_visibility,
    updatedAt: row.settings_updated_at,
  };
  return { settings, sections: sectionsFor(principal, settings, row.customer_sections ?? []) };
}

const SCOPE_OF: Record<PortalSection, (s: PortalSettings) => SectionScopeMode> = {
  [PortalSection.TICKETING]: (s) => s.ticketingScope,
  [PortalSection.KNOWLEDGE_BASE]: (s) => s.knowledgeBaseScope,
  [PortalSection.SELF_SERVICE]: (s) => s.selfServiceScope,
};

/**
 * Sections the caller may use: technicians every section that is not off; a contact those on for
 * all customers or selected for its own (`customerSections`). Pure, so the cache of live updates
 * (settings-cache.ts) and requests decide alike.
 */
export function sectionsFor(principal: Principal, settings: PortalSettings, customerSections: readonly PortalSection[]): PortalSection[] {
  const sections = Object.values(PortalSection);
  if (settingsPolicy.seesEverySection(principal)) return sections.filter((s) => SCOPE_OF[s](settings) !== SectionScopeMode.OFF);
  if (!settingsPolicy.sectionCustomer(principal)) return [];
  return sections.filter((s) => SCOPE_OF[s](settings) === SectionScopeMode.ALL_CUSTOMERS || (SCOPE_OF[s](settings) === SectionScopeMode.SELECTED_CUSTOMERS && customerSections.includes(s)));
}

const SETTINGS_READ = readStatement<SettingsColumns>('settings-read', `select ${settingsColumns('$1::uuid')} from portal_settings ps where ps.id = 1`);

/**
 * The settings of this request: those read with the caller when there are (composition.ts),
 * else one statement, once per request (and again for each live event, refreshForEvent).
 */
export function requestSettings(ctx: Context): Promise<RequestSettings> {
  return once(ctx, 'requestSettings', async () => {
    const preloaded = ctx.withCaller as { settings?: RequestSettings } | undefined;
    if (preloaded?.settings) return preloaded.settings;
    const row = await ctx.services.reads.row(SETTINGS_READ, [settingsPolicy.sectionCustomer(ctx.principal)]);
    if (!row) throw new Error('The portal settings row is missing (created at start)');
    return requestSettingsFromRow(ctx.principal, row);
  });
}

/** The settings of this request (see requestSettings). */
export async function settingsOf(ctx: Context): Promise<PortalSettings> {
  return (await requestSettings(ctx)).settings;
}

/**
 * The gate every API path of a section calls first: a contact outside the section's scope gets
 * FORBIDDEN (not an empty list). Read per request, so a change applies to the very next one.
 */
export async function assertSectionAvailable(ctx: Context, section: PortalSection): Promise<void> {
  if (settingsPolicy.seesEverySection(ctx.principal)) return;
  if (!(await requestSettings(ctx)).sections.includes(section)) throw new AppError('FORBIDDEN', 'settings.sectionUnavailable');
}
