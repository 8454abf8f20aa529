import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { restoreDefaultSettings } from '../test/default-settings.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { buildContact, buildCustomer, buildTechnician } from '../test/factories.js';
import type { GraphQLTestClient } from '../test/graphql-client.js';
import { startTestPortico, type TestPortico } from '../test/harness.js';
import { untilMoreThan } from '../test/live.js';
import { PortalSection } from './portal-settings.entity.js';
import type { Principal } from '../auth/principal.js';
import type { Context } from '../context.js';
import { assertSectionAvailable } from './request-settings.js';

const READ = `{ portalSettings {
  __typename
  ... on PortalSettings { version portalUrl customDomain welcomeEmailEnabled visibleTicketStatuses ticketsCannotBeReopened availableSections
    sectionScopes { section mode customers { id name } } }
  ... on ContactPortalSettings { portalUrl availableSections visibleTicketStatuses ticketsCanBeReopened aiAssistantEnabled manualTicketCreationDisabled } } }`;
const UPDATE = 'mutation($input: UpdatePortalSettingsInput!) { updatePortalSettings(input: $input) { version customDomain portalUrl sectionScopes { section mode customers { name } } } }';
const SECTIONS = '{ portalSettings { ... on ContactPortalSettings { availableSections } } }';

describe('portal settings and section scopes', () => {
  let portico: TestPortico;
  let admin: GraphQLTestClient;
  const version = async () => (await admin.ok(READ)).portalSettings.version as number;

  beforeAll(async () => {
    portico = await startTestPortico({ publicUrl: 'https://portal.msp.example' });
    admin = await portico.admin();
  });
  afterAll(() => portico.stop());
  afterEach(() => restoreDefaultSettings(admin));

  it('start with sensible defaults', async () => {
    const { portalSettings } = await admin.ok(READ);
    expect(portalSettings).toMatchObject({
      __typename: 'PortalSettings', portalUrl: 'https://portal.msp.example', customDomain: null, welcomeEmailEnabled: true,
      visibleTicketStatuses: ['OPEN', 'PENDING', 'RESOLVED', 'CLOSED'], ticketsCannotBeReopened: false,
      // The knowledge base opens with its first published article (kb/kb.test.ts).
      availableSections: ['TICKETING'],
    });
  });

  it('an admin scopes Ticketing to two customers: a third customer’s contact loses it on its next request', async () => {
    const [first, second, third] = [await buildCustomer(portico), await buildCustomer(portico), await buildCustomer(portico)];
    const insider = await (await buildContact(portico, { customer: first })).signIn();
    const outsider = await buildContact(portico, { customer: third });
    const outsiderClient = await outsider.signIn();
    expect((await outsiderClient.ok(SECTIONS)).portalSettings.availableSections).toContain('TICKETING');

    const { updatePortalSettings } = await admin.ok(UPDATE, {
      input: { version: await version(), sectionScopes: [{ section: 'TICKETING', mode: 'SELECTED_CUSTOMERS', customerIds: [first.id, second.id] }] },
    });
    expect(updatePortalSettings.sectionScopes.find((s: { section: string }) => s.section === 'TICKETING')).toMatchObject({
      mode: 'SELECTED_CUSTOMERS', customers: [{ name: first.name }, { name: second.name }].sort((a, b) => a.name.localeCompare(b.name)),
    });
    // Same sessions, no new sign-in:
    expect((await outsiderClient.ok(SECTIONS)).portalSettings.availableSections).toEqual([]);
    expect((await insider.ok(SECTIONS)).portalSettings.availableSections).toEqual(['TICKETING']);
    // The gate every Ticketing API path calls:
    const principal = { kind: 'contact' as const, id: outsider.contact.id, accountId: outsider.contact.id, customerId: third.id, isPrimary: false, sessionId: 'x', language: null };
    const context = (p: Principal) => ({ em: portico.orm.em.fork(), principal: p, services: portico.services }) as Context;
    await expect(assertSectionAvailable(context(principal), PortalSection.TICKETING)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(assertSectionAvailable(context({ ...principal, customerId: first.id }), PortalSection.TICKETING)).resolves.toBeUndefined();
  });

  it('live subscriptions hear of a scope change at once', async () => {
    const customer = await buildCustomer(portico);
    const client = await (await buildContact(portico, { customer })).signIn();
    const before = portico.liveSubscriptions('SETTINGS_CHANGED');
    const ws = client.websocket();
    const received: string[][] = [];
    const next = new Promise<void>((resolve, reject) =>
      ws.subscribe({ query: 'subscription { availableSectionsChanged }' }, {
        next: (value) => { received.push((value.data as { availableSectionsChanged: string[] }).availableSectionsChanged); resolve(); },
        error: reject, complete: () => undefined,
      }),
    );
    await untilMoreThan(portico, 'SETTINGS_CHANGED', before); // the subscription is in place
    await admin.ok(UPDATE, { input: { version: await version(), sectionScopes: [{ section: 'KNOWLEDGE_BASE', mode: 'OFF' }, { section: 'TICKETING', mode: 'ALL_CUSTOMERS' }] } });
    await next;
    expect(received[0]).toEqual(['TICKETING']);
    await ws.dispose();
  });

  it('refuses a change based on a stale version, and writes nothing', async () => {
    const current = await version();
    await admin.ok(UPDATE, { input: { version: current, ticketsCannotBeReopened: true } });
    const stale = await admin.errorOf(UPDATE, { input: { version: current, ticketsCannotBeReopened: false } });
    expect(stale.extensions).toMatchObject({ code: 'CONFLICT', field: 'version' });
    expect((await admin.ok(READ)).portalSettings.ticketsCannotBeReopened).toBe(true);
  });

  it('validates the custom domain and derives the portal URL from it', async () => {
    const bad = await admin.errorOf(UPDATE, { input: { version: await version(), customDomain: 'not a domain' } });
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'customDomain' });
    const { updatePortalSettings } = await admin.ok(UPDATE, { input: { version: await version(), customDomain: 'Help.MSP.example' } });
    expect(updatePortalSettings).toMatchObject({ customDomain: 'help.msp.example', portalUrl: 'https://help.msp.example' });
  });

  it('refuses unknown customers in a scope', async () => {
    const error = await admin.errorOf(UPDATE, { input: { version: await version(), sectionScopes: [{ section: 'SELF_SERVICE', mode: 'SELECTED_CUSTOMERS', customerIds: ['00000000-0000-4000-8000-000000000000'] }] } });
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'sectionScopes' });
  });

  it('audits every change with who and what', async () => {
    const before = await portico.orm.em.fork().count(AuditEvent, { action: 'portal_settings.updated' });
    await admin.ok(UPDATE, { input: { version: await version(), aiAssistantEnabled: true } });
    const events = await portico.orm.em.fork().find(AuditEvent, { action: 'portal_settings.updated' }, { orderBy: { createdAt: 'desc' } });
    expect(events).toHaveLength(before + 1);
    expect(events[0]).toMatchObject({ actorKind: 'technician', actorName: 'Administrator', details: { changes: { aiAssistantEnabled: { from: false, to: true } } } });
    const { auditEvents } = await admin.ok('{ auditEvents(first: 1) { edges { node { action actorName details createdAt } } } }');
    expect(auditEvents.edges[0].node).toMatchObject({ action: 'portal_settings.updated', actorName: 'Administrator', details: { changes: { aiAssistantEnabled: { to: true } } } });
    const tech = await (await buildTechnician(portico)).signIn();
    expect((await tech.errorOf('{ auditEvents { totalCount } }')).extensions?.code).toBe('FORBIDDEN');
  });

  it('only admins change settings; contacts read only what applies to them', async () => {
    const tech = await (await buildTechnician(portico)).signIn();
    expect((await tech.ok(READ)).portalSettings.__typename).toBe('PortalSettings');
    expect((await tech.errorOf(UPDATE, { input: { version: await version(), aiAssistantEnabled: false } })).extensions?.code).toBe('FORBIDDEN');
    const contact = await (await buildContact(portico)).signIn();
    const view = (await contact.ok(READ)).portalSettings;
    expect(view.__typename).toBe('ContactPortalSettings');
    expect(Object.keys(view).sort()).toEqual(['__typename', 'aiAssistantEnabled', 'availableSections', 'manualTicketCreationDisabled', 'portalUrl', 'ticketsCanBeReopened', 'visibleTicketStatuses']);
    expect((await contact.errorOf(UPDATE, { input: { version: await version(), aiAssistantEnabled: false } })).extensions?.code).toBe('FORBIDDEN');
    expect((await portico.anonymous().errorOf(READ)).extensions?.code).toBe('UNAUTHENTICATED');
  });
});
