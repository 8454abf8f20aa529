import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TechnicianRole } from '../technicians/technician.entity.js';
import { buildContact, buildTechnician } from '../test/factories.js';
import { GraphQLTestClient } from '../test/graphql-client.js';
import { ADMIN_PASSWORD, startTestPortico, type TestPortico } from '../test/harness.js';
import { AuditEvent } from './audit-event.entity.js';

const EVENTS = `query($personId: ID, $actions: [String!], $from: DateTimeISO, $to: DateTimeISO, $first: Int!, $after: String) {
  auditEvents(personId: $personId, actions: $actions, from: $from, to: $to, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id action actorKind actorId actorName ip subjectKind subjectId subjectName details createdAt } }
  }
}`;
const ME = '{ me { ... on Technician { id name } ... on Contact { id name } } }';

interface EventNode {
  id: string;
  action: string;
  actorKind: string;
  actorId: string | null;
  actorName: string | null;
  ip: string | null;
  subjectKind: string | null;
  subjectId: string | null;
  subjectName: string | null;
  details: Record<string, unknown>;
  createdAt: string;
}

describe('audit log', { timeout: 90_000 }, () => {
  let portico: TestPortico;
  let admin: GraphQLTestClient;
  let adminMe: { id: string; name: string };
  /** Every secret seen during the tests: none may appear in any audit record. */
  const secrets: string[] = [ADMIN_PASSWORD];

  beforeAll(async () => {
    portico = await startTestPortico();
    admin = await portico.admin();
    secrets.push(admin.token!);
    adminMe = (await admin.ok(ME)).me;
  });
  afterAll(() => portico.stop());

  async function events(variables: Record<string, unknown>): Promise<EventNode[]> {
    const { auditEvents } = await admin.ok(EVENTS, { first: 100, ...variables });
    return auditEvents.edges.map((edge: { node: EventNode }) => edge.node);
  }

  /** Exactly one event with this action about this subject; returns it. */
  async function onlyEvent(action: string, subjectId: string): Promise<EventNode> {
    const found = (await events({ personId: subjectId, actions: [action] })).filter((e) => e.subjectId === subjectId);
    expect(found, action).toHaveLength(1);
    return found[0];
  }

  const byAdmin = () => ({ actorKind: 'technician', actorId: adminMe.id, actorName: adminMe.name, ip: expect.stringMatching(/127\.0\.0\.1/) });

  it('records re-issued credentials of a contact and of a technician, without the password', async () => {
    const person = await buildContact(portico);
    const { reissueContactCredentials } = await admin.ok('mutation($id: ID!) { reissueContactCredentials(id: $id) { password } }', { id: person.contact.id });
    secrets.push(person.password, reissueContactCredentials.password);
    expect(await onlyEvent('contact.credentials_reissued', person.contact.id)).toMatchObject({
      ...byAdmin(), subjectKind: 'contact', subjectName: person.contact.name, details: { username: person.username },
    });

    const tech = await buildTechnician(portico);
    const { reissueTechnicianCredentials } = await admin.ok('mutation($id: ID!) { reissueTechnicianCredentials(id: $id) { password } }', { id: tech.technician.id });
    secrets.push(tech.password, reissueTechnicianCredentials.password);
    expect(await onlyEvent('technician.credentials_reissued', tech.technician.id)).toMatchObject({ ...byAdmin(), subjectKind: 'technician', subjectName: tech.technician.name });
  });

  it('records a password change and a sign-out everywhere by the person itself; a refused change records nothing', async () => {
    const person = await buildContact(portico);
    const client = await person.signIn();
    secrets.push(person.password, client.token!);
    const newPassword = `a fresh passphrase ${Date.now()}`;
    secrets.push(newPassword, 'wrong current password!');
    const refused = await client.errorOf('mutation($input: ChangePasswordInput!) { changePassword(input: $input) }', { input: { currentPassword: 'wrong current password!', newPassword } });
    expect(refused.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await events({ personId: person.contact.id })).toEqual([]);

    await client.ok('mutation($input: ChangePasswordInput!) { changePassword(input: $input) }', { input: { currentPassword: person.password, newPassword } });
    const self = { actorKind: 'contact', actorId: person.contact.id, actorName: person.contact.name, subjectKind: 'contact', subjectId: person.contact.id, subjectName: person.contact.name, ip: expect.stringMatching(/127\.0\.0\.1/) };
    expect(await onlyEvent('account.password_changed', person.contact.id)).toMatchObject({ ...self, details: {} });

    await client.ok('mutation { signOutEverywhere }');
    expect(await onlyEvent('account.signed_out_everywhere', person.contact.id)).toMatchObject(self);

    const tech = await buildTechnician(portico);
    const techClient = await tech.signIn();
    await techClient.ok('mutation { signOutEverywhere }');
    expect(await onlyEvent('account.signed_out_everywhere', tech.technician.id)).toMatchObject({ actorKind: 'technician', actorId: tech.technician.id, subjectKind: 'technician' });
  });

  it('records a new technician, a role change (from, to) and nothing for other edits', async () => {
    const { createTechnician } = await admin.ok('mutation($input: CreateTechnicianInput!) { createTechnician(input: $input) { password technician { id name } } }', {
      input: { name: 'Rita Role', email: 'rita@msp.example', username: `rita.${Date.now()}`, role: 'TECHNICIAN' },
    });
    secrets.push(createTechnician.password);
    const id = createTechnician.technician.id;
    expect(await onlyEvent('technician.created', id)).toMatchObject({ ...byAdmin(), subjectName: 'Rita Role', details: { role: 'TECHNICIAN' } });

    await admin.ok('mutation($input: UpdateTechnicianInput!) { updateTechnician(input: $input) { id } }', { input: { id, name: 'Rita Renamed' } });
    await admin.ok('mutation($input: UpdateTechnicianInput!) { updateTechnician(input: $input) { id } }', { input: { id, role: 'ADMIN' } });
    expect(await onlyEvent('technician.role_changed', id)).toMatchObject({ ...byAdmin(), subjectName: 'Rita Renamed', details: { from: 'TECHNICIAN', to: 'ADMIN' } });
    expect((await events({ personId: id })).map((e) => e.action)).toEqual(['technician.role_changed', 'technician.created']);
  });

  it('records deactivation and reactivation of contacts, customers and technicians, once per change', async () => {
    const person = await buildContact(portico);
    const tech = await buildTechnician(portico);
    const techClient = await tech.signIn();
    const techMe = (await techClient.ok(ME)).me;
    await techClient.ok('mutation($id: ID!) { deactivateContact(id: $id) { id } }', { id: person.contact.id });
    await techClient.ok('mutation($id: ID!) { deactivateContact(id: $id) { id } }', { id: person.contact.id }); // no change, no record
    await techClient.ok('mutation($id: ID!) { reactivateContact(id: $id) { id } }', { id: person.contact.id });
    const byTech = { actorKind: 'technician', actorId: techMe.id, actorName: techMe.name, ip: expect.stringMatching(/127\.0\.0\.1/) };
    expect(await onlyEvent('contact.deactivated', person.contact.id)).toMatchObject({ ...byTech, subjectKind: 'contact', subjectName: person.contact.name });
    expect(await onlyEvent('contact.reactivated', person.contact.id)).toMatchObject({ ...byTech, subjectKind: 'contact' });

    await techClient.ok('mutation($id: ID!) { deactivateCustomer(id: $id) { id } }', { id: person.customer.id });
    await techClient.ok('mutation($id: ID!) { reactivateCustomer(id: $id) { id } }', { id: person.customer.id });
    expect(await onlyEvent('customer.deactivated', person.customer.id)).toMatchObject({ ...byTech, subjectKind: 'customer', subjectName: person.customer.name, details: { contacts: 1 } });
    expect(await onlyEvent('customer.reactivated', person.customer.id)).toMatchObject({ ...byTech, subjectKind: 'customer' });

    await admin.ok('mutation($id: ID!) { deactivateTechnician(id: $id) { id } }', { id: tech.technician.id });
    await admin.ok('mutation($id: ID!) { reactivateTechnician(id: $id) { id } }', { id: tech.technician.id });
    expect(await onlyEvent('technician.deactivated', tech.technician.id)).toMatchObject({ ...byAdmin(), subjectKind: 'technician', details: { role: 'TECHNICIAN' } });
    expect(await onlyEvent('technician.reactivated', tech.technician.id)).toMatchObject(byAdmin());

    // A refused deactivation (oneself) records nothing.
    await admin.errorOf('mutation($id: ID!) { deactivateTechnician(id: $id) { id } }', { id: adminMe.id });
    expect((await events({ personId: adminMe.id, actions: ['technician.deactivated'] })).filter((e) => e.subjectId === adminMe.id)).toEqual([]);
  });

  it('records settings, field visibility and custom fields with the address', async () => {
    const { portalSettings } = await admin.ok('{ portalSettings { ... on PortalSettings { version welcomeEmailEnabled } } }');
    await admin.ok('mutation($input: UpdatePortalSettingsInput!) { updatePortalSettings(input: $input) { version } }', {
      input: { version: portalSettings.version, welcomeEmailEnabled: !portalSettings.welcomeEmailEnabled },
    });
    const [settings] = await events({ actions: ['portal_settings.updated'] });
    expect(settings).toMatchObject({ ...byAdmin(), subjectKind: 'portal_settings', details: { changes: { welcomeEmailEnabled: { from: portalSettings.welcomeEmailEnabled, to: !portalSettings.welcomeEmailEnabled } } } });

    await admin.ok('mutation($input: [StandardFieldVisibilityInput!]!) { updateStandardFieldVisibility(input: $input) { field } }', { input: [{ field: 'PRIORITY', visibility: 'HIDDEN' }] });
    const [visibility] = await events({ actions: ['field_visibility.updated'] });
    expect(visibility).toMatchObject({ ...byAdmin(), details: { changes: { PRIORITY: { to: 'HIDDEN' } } } });

    const { createTicketField } = await admin.ok('mutation($input: CreateTicketFieldInput!) { createTicketField(input: $input) { id } }', { input: { label: 'Asset tag', kind: 'TEXT' } });
    await admin.ok('mutation($input: UpdateTicketFieldInput!) { updateTicketField(input: $input) { id } }', { input: { id: createTicketField.id, label: 'Asset number' } });
    await admin.ok('mutation($id: ID!) { deleteTicketField(id: $id) }', { id: createTicketField.id });
    expect(await onlyEvent('ticket_field.created', createTicketField.id)).toMatchObject({ ...byAdmin(), subjectKind: 'ticket_field', subjectName: 'Asset tag' });
    expect(await onlyEvent('ticket_field.updated', createTicketField.id)).toMatchObject({ ...byAdmin(), details: { changes: { label: { from: 'Asset tag', to: 'Asset number' } } } });
    expect(await onlyEvent('ticket_field.deleted', createTicketField.id)).toMatchObject({ ...byAdmin(), subjectName: 'Asset number' });
  });

  it('holds no password, token or hash anywhere', async () => {
    const rows = await portico.orm.em.fork().find(AuditEvent, {});
    expect(rows.length).toBeGreaterThan(15);
    const stored = JSON.stringify(rows);
    for (const secret of secrets) expect(stored.includes(secret), `a secret (${secret.length} characters) in the audit log`).toBe(false);
    expect(stored).not.toMatch(/\$argon2|"password|"token|pts_/i);
  });

  it('filters by person (actor or subject), action and time, pages by keyset', async () => {
    const tech = await buildTechnician(portico, TechnicianRole.ADMIN);
    const techClient = await tech.signIn();
    const contacts = await Promise.all([buildContact(portico), buildContact(portico), buildContact(portico)]);
    const start = new Date();
    await new Promise((r) => setTimeout(r, 20));
    for (const person of contacts) await techClient.ok('mutation($id: ID!) { deactivateContact(id: $id) { id } }', { id: person.contact.id });
    await admin.ok('mutation($id: ID!) { deactivateContact(id: $id) { id } }', { id: (await buildContact(portico)).contact.id });
    await admin.ok('mutation($id: ID!) { reactivateContact(id: $id) { id } }', { id: contacts[0].contact.id });

    // As the actor: the three deactivations, newest first.
    const asActor = await events({ personId: tech.technician.id });
    expect(asActor.map((e) => e.subjectId)).toEqual(contacts.map((c) => c.contact.id).reverse());
    // As the subject: deactivated by the technician, reactivated by the admin.
    expect((await events({ personId: contacts[0].contact.id })).map((e) => [e.action, e.actorId])).toEqual([
      ['contact.reactivated', adminMe.id],
      ['contact.deactivated', tech.technician.id],
    ]);
    expect((await events({ personId: tech.technician.id, actions: ['contact.reactivated'] }))).toEqual([]);
    expect((await events({ personId: 'not-a-uuid' }))).toEqual([]);

    // Time range: everything since the start, then nothing before it.
    const since = await events({ from: start.toISOString(), actions: ['contact.deactivated', 'contact.reactivated'] });
    expect(since).toHaveLength(5);
    const until = await events({ to: start.toISOString(), personId: tech.technician.id });
    expect(until).toEqual([]);
    const window = await events({ from: since[3].createdAt, to: since[1].createdAt, actions: ['contact.deactivated', 'contact.reactivated'] });
    expect(window.map((e) => e.id)).toEqual(since.slice(1, 4).map((e) => e.id));
    const backwards = await admin.errorOf(EVENTS, { first: 10, from: start.toISOString(), to: new Date(start.getTime() - 1000).toISOString() });
    expect(backwards.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });

    // Keyset paging: two pages of two and one of one, no overlap, same order as one page.
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const { auditEvents }: { auditEvents: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: EventNode }> } } = await admin.ok(EVENTS, { first: 2, after, from: start.toISOString(), actions: ['contact.deactivated', 'contact.reactivated'] });
      expect(auditEvents.totalCount).toBe(5);
      seen.push(...auditEvents.edges.map((e) => e.node.id));
      expect(auditEvents.pageInfo.hasNextPage).toBe(page < 2);
      after = auditEvents.pageInfo.endCursor;
    }
    expect(seen).toEqual(since.map((e) => e.id));
  });

  it('is for admins only: technicians and contacts get FORBIDDEN, nobody signed in UNAUTHENTICATED', async () => {
    const tech = await (await buildTechnician(portico)).signIn();
    const contact = await (await buildContact(portico, { isPrimary: true })).signIn();
    expect((await tech.errorOf(EVENTS, { first: 10 })).extensions?.code).toBe('FORBIDDEN');
    expect((await contact.errorOf(EVENTS, { first: 10 })).extensions?.code).toBe('FORBIDDEN');
    expect((await portico.anonymous().errorOf(EVENTS, { first: 10 })).extensions?.code).toBe('UNAUTHENTICATED');
  });
});
