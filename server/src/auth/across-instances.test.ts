import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContact } from '../test/factories.js';
import { GraphQLTestClient } from '../test/graphql-client.js';
import { createTestDatabase, startTestPortico, type TestPortico } from '../test/harness.js';
import { openTicketAs } from '../test/ticket-factories.js';

/**
 * Nothing about the caller or the settings is cached between requests (composition.ts reads both in
 * one statement per request): a change made through one instance applies to the very next request
 * on every other, with no event to wait for.
 */
describe('the caller and the settings across instances', () => {
  let first: TestPortico;
  let second: TestPortico;
  const LIST = '{ tickets(first: 5) { edges { node { id title } } } }';

  beforeAll(async () => {
    const databaseUrl = await createTestDatabase();
    first = await startTestPortico({ databaseUrl });
    second = await startTestPortico({ databaseUrl });
  });
  afterAll(async () => {
    await first.stop();
    await second.stop();
  });

  it('a session revoked on instance A is refused by the very next request on instance B', async () => {
    const person = await buildContact(second);
    const onSecond = await person.signIn();
    await openTicketAs(onSecond, { title: 'Before the revocation' });
    expect((await onSecond.ok(LIST)).tickets.edges).toHaveLength(1);

    const onFirst = new GraphQLTestClient(first.url, onSecond.token);
    await onFirst.ok('mutation { signOutEverywhere }');

    expect(await onSecond.errorOf(LIST)).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('a customer deactivated on instance A locks its contacts out of instance B at once', async () => {
    const person = await buildContact(second);
    const onSecond = await person.signIn();
    expect((await onSecond.ok(LIST)).tickets.edges).toEqual([]);
    await (await first.admin()).ok('mutation($id: ID!) { deactivateCustomer(id: $id) { id } }', { id: person.customer.id });
    expect(await onSecond.errorOf(LIST)).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });

  it('a portal setting changed on instance A applies to the very next request on instance B', async () => {
    const person = await buildContact(second);
    const onSecond = await person.signIn();
    await openTicketAs(onSecond, { title: 'Closed soon' });
    const admin = await first.admin();
    const { portalSettings } = await admin.ok('{ portalSettings { ... on PortalSettings { version } } }');
    try {
      await admin.ok('mutation($input: UpdatePortalSettingsInput!) { updatePortalSettings(input: $input) { version } }', {
        input: { version: portalSettings.version, sectionScopes: [{ section: 'TICKETING', mode: 'OFF' }] },
      });
      expect(await onSecond.errorOf(LIST)).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    } finally {
      const { portalSettings: now } = await admin.ok('{ portalSettings { ... on PortalSettings { version } } }');
      await admin.ok('mutation($input: UpdatePortalSettingsInput!) { updatePortalSettings(input: $input) { version } }', {
        input: { version: now.version, sectionScopes: [{ section: 'TICKETING', mode: 'ALL_CUSTOMERS' }] },
      });
    }
    expect((await onSecond.ok(LIST)).tickets.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual(['Closed soon']);
  });
});
