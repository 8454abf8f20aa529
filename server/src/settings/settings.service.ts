import type { EntityManager } from '@mikro-orm/postgresql';
import type { TechnicianPrincipal } from '../auth/principal.js';
import { auditActor, diff } from '../audit/audit.service.js';
import { Customer } from '../customers/customer.entity.js';
import { isUuid } from '../db/query-helpers.js';
import type { RecordEvent } from '../db/domain-events.js';
import { AppError } from '../core/errors.js';
import { domainList } from '../core/validate.js';
import { PortalSection, PortalSettings, SectionScopeCustomer, SectionScopeMode } from './portal-settings.entity.js';
import type { UpdatePortalSettingsInput } from './settings.types.js';

const SCOPE_FIELD = {
  [PortalSection.TICKETING]: 'ticketingScope',
  [PortalSection.KNOWLEDGE_BASE]: 'knowledgeBaseScope',
  [PortalSection.SELF_SERVICE]: 'selfServiceScope',
} as const satisfies Record<PortalSection, keyof PortalSettings>;

/** The settings row, created with the defaults the first time it is needed. */
export async function loadSettings(em: EntityManager): Promise<PortalSettings> {
  const existing = await em.findOne(PortalSettings, 1);
  if (existing) return existing;
  // Every other column has a database default; concurrent first reads race harmlessly.
  const defaults = new PortalSettings();
  const statuses = `{${defaults.visibleTicketStatuses.join(',')}}`;
  await em.getConnection().execute(
    'insert into portal_settings (id, version, updated_at, visible_ticket_statuses, standard_field_visibility) values (1, 1, now(), ?, ?) on conflict (id) do nothing',
    [statuses, JSON.stringify(defaults.standardFieldVisibility)], 'run', em.getTransactionContext());
  return em.findOneOrFail(PortalSettings, 1, { refresh: true });
}

/** Address of the portal: the custom domain (same scheme as PUBLIC_URL) when set, else PUBLIC_URL. */
export function portalUrl(settings: PortalSettings, publicUrl: string): string {
  if (!settings.customDomain) return publicUrl;
  return `${new URL(publicUrl).protocol}//${settings.customDomain}`;
}

export function scopeMode(settings: PortalSettings, section: PortalSection): SectionScopeMode {
  return settings[SCOPE_FIELD[section]];
}

export async function updateSettings(tx: EntityManager, record: RecordEvent, principal: TechnicianPrincipal, input: UpdatePortalSettingsInput, ip: string | null = null): Promise<PortalSettings> {
  const settings = await loadSettings(tx);
  if (input.version !== settings.version) throw new AppError('CONFLICT', 'settings.staleVersion', { field: 'version' });
  const before = { ...snapshot(settings), scopes: await scopeSnapshot(tx) };

  const changes: Partial<PortalSettings> = {};
  if (input.customDomain !== undefined) {
    const domain = input.customDomain?.trim() ? domainList('customDomain', [input.customDomain])[0] : null;
    changes.customDomain = domain;
  }
  if (input.visibleTicketStatuses) changes.visibleTicketStatuses = [...new Set(input.visibleTicketStatuses)];
  for (const key of ['welcomeEmailEnabled', 'ticketsCannotBeReopened', 'aiAssistantEnabled', 'ticketCreationAssistantEnabled', 'manualTicketCreationDisabled', 'selfServiceEnabled'] as const) {
    if (input[key] != null) changes[key] = input[key];
  }
  for (const scope of input.sectionScopes ?? []) {
    const customerIds = [...new Set(scope.customerIds ?? [])];
    if (scope.mode === SectionScopeMode.SELECTED_CUSTOMERS && customerIds.length > 0) {
      const found = await tx.count(Customer, { id: { $in: customerIds.filter(isUuid) } });
      if (found !== customerIds.length) throw new AppError('NOT_FOUND', 'errors.notFound', { field: 'sectionScopes' });
    }
    if (scope.section === PortalSection.KNOWLEDGE_BASE && scope.mode !== settings.knowledgeBaseScope) changes.knowledgeBaseScopeChosen = true;
    changes[SCOPE_FIELD[scope.section]] = scope.mode;
    await tx.nativeDelete(SectionScopeCustomer, { section: scope.section });
    if (scope.mode === SectionScopeMode.SELECTED_CUSTOMERS) {
      for (const id of customerIds) tx.create(SectionScopeCustomer, { section: scope.section, customer: tx.getReference(Customer, id) });
    }
  }
  tx.assign(settings, changes);
  await tx.flush();

  const after = { ...snapshot(settings), scopes: await scopeSnapshot(tx) };
  const changed = diff(before, after);
  if (Object.keys(changed).length > 0) {
    record('portal_settings.updated', { actor: await auditActor(tx, principal, ip), details: { version: settings.version, changes: changed }, subject: { kind: 'portal_settings', id: null, name: null } });
  }
  record('portal_settings.changed', { version: settings.version });
  return settings;
}

function snapshot(settings: PortalSettings): Record<string, unknown> {
  const { customDomain, welcomeEmailEnabled, ticketingScope, knowledgeBaseScope, selfServiceScope, visibleTicketStatuses, ticketsCannotBeReopened,
    aiAssistantEnabled, ticketCreationAssistantEnabled, manualTicketCreationDisabled, selfServiceEnabled } = settings;
  return { customDomain, welcomeEmailEnabled, ticketingScope, knowledgeBaseScope, selfServiceScope, visibleTicketStatuses: [...visibleTicketStatuses].sort(),
    ticketsCannotBeReopened, aiAssistantEnabled, ticketCreationAssistantEnabled, manualTicketCreationDisabled, selfServiceEnabled };
}

async function scopeSnapshot(em: EntityManager): Promise<Record<string, string[]>> {
  const rows = await em.find(SectionScopeCustomer, {}, { orderBy: { section: 'asc' } });
  const result: Record<string, string[]> = {};
  for (const row of rows) (result[row.section] ??= []).push(row.customer.id);
  for (const ids of Object.values(result)) ids.sort();
  return result;
}
