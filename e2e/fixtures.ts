import { generateKeyPairSync } from 'node:crypto';
import { GraphQLTestClient } from '../server/src/test/graphql-client.js';

/** Creates a customer and a contact through the API, as a technician would. */
export async function createCustomerWithContact(
  admin: GraphQLTestClient,
  options: { customerName?: string; contactName?: string; email?: string; language?: string | null; isPrimary?: boolean } = {},
) {
  const suffix = Math.random().toString(36).slice(2, 8);
  const { createCustomer } = await admin.ok<{ createCustomer: { id: string; name: string } }>(
    'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id name } }',
    { input: { name: options.customerName ?? `Customer ${suffix}`, domains: [`c${suffix}.example`] } },
  );
  const { createContact } = await admin.ok<{ createContact: { username: string; password: string; contact: { id: string } } }>(
    'mutation($input: CreateContactInput!) { createContact(input: $input) { username password contact { id } } }',
    {
      input: {
        customerId: createCustomer.id,
        name: options.contactName ?? `Pat Doe ${suffix}`,
        email: options.email ?? `pat.${suffix}@c${suffix}.example`,
        language: options.language ?? null,
        isPrimary: options.isPrimary ?? false,
      },
    },
  );
  return { customer: createCustomer, contactId: createContact.contact.id, username: createContact.username, password: createContact.password };
}

/** Publishes one knowledge base article: the section opens for every customer with the first one. */
export async function publishKbArticle(admin: GraphQLTestClient, input: { title?: string; body?: string; language?: string } = {}): Promise<string> {
  const { createKbArticle } = await admin.ok<{ createKbArticle: { id: string } }>('mutation($input: CreateKbArticleInput!) { createKbArticle(input: $input) { id } }', {
    input: { title: input.title ?? 'How to reset your password', body: input.body ?? 'Open **Settings** and choose *Reset password*.', language: input.language ?? 'EN' },
  });
  await admin.ok('mutation($id: ID!) { setKbArticleStatus(id: $id, status: PUBLISHED) { id } }', { id: createKbArticle.id });
  return createKbArticle.id;
}

/** Another contact of an existing customer, through the API; its one-time password comes back. */
export async function addContact(admin: GraphQLTestClient, customerId: string, options: { name?: string; email?: string; language?: string | null } = {}) {
  const suffix = Math.random().toString(36).slice(2, 8);
  const { createContact } = await admin.ok<{ createContact: { username: string; password: string; contact: { id: string } } }>(
    'mutation($input: CreateContactInput!) { createContact(input: $input) { username password contact { id } } }',
    { input: { customerId, name: options.name ?? `Sam Roe ${suffix}`, email: options.email ?? `sam.${suffix}@example.com`, language: options.language ?? null, isPrimary: false } },
  );
  return { contactId: createContact.contact.id, username: createContact.username, password: createContact.password };
}

/** Opens the self-service section ("My devices") to every customer, or only to these. */
export async function openSelfService(admin: GraphQLTestClient, customerIds?: string[]): Promise<void> {
  const { portalSettings } = await admin.ok<{ portalSettings: { version: number } }>('{ portalSettings { ... on PortalSettings { version } } }');
  const scope = customerIds ? { section: 'SELF_SERVICE', mode: 'SELECTED_CUSTOMERS', customerIds } : { section: 'SELF_SERVICE', mode: 'ALL_CUSTOMERS' };
  await admin.ok('mutation($input: UpdatePortalSettingsInput!) { updatePortalSettings(input: $input) { version } }', { input: { version: portalSettings.version, sectionScopes: [scope] } });
}

/**
 * Enrolls a device through the API, as an agent would (its own Ed25519 key, an enrollment token made
 * by the admin), without running an agent. Returns the device and a client holding its credential
 * (`Authorization: Bearer ptd_…`), to report facts and command progress over HTTP.
 */
export async function enrollDeviceThroughApi(admin: GraphQLTestClient, customerId: string, input: { hostname: string; os?: 'WINDOWS' | 'MACOS' | 'LINUX'; osVersion?: string; loggedInUser?: string | null }) {
  const { createEnrollmentToken } = await admin.ok<{ createEnrollmentToken: { token: string } }>(
    'mutation($input: CreateEnrollmentTokenInput!) { createEnrollmentToken(input: $input) { token } }',
    { input: { customerId } },
  );
  const publicKey = generateKeyPairSync('ed25519').publicKey.export({ format: 'pem', type: 'spki' }).toString();
  const { enrollDevice } = await new GraphQLTestClient(admin.baseUrl).ok<{ enrollDevice: { deviceId: string; deviceToken: string } }>(
    'mutation($input: EnrollDeviceInput!) { enrollDevice(input: $input) { deviceId deviceToken } }',
    { input: { token: createEnrollmentToken.token, hostname: input.hostname, os: input.os ?? 'WINDOWS', osVersion: input.osVersion ?? '11 Pro 23H2', loggedInUser: input.loggedInUser ?? null, publicKey } },
  );
  return { deviceId: enrollDevice.deviceId, device: new GraphQLTestClient(admin.baseUrl, enrollDevice.deviceToken) };
}

export const REPORT_DEVICE_FACTS = 'mutation($input: DeviceFactsInput!) { reportDeviceFacts(input: $input) }';
export const ASSIGN_DEVICE = 'mutation($deviceId: ID!, $contactId: ID) { assignDevice(deviceId: $deviceId, contactId: $contactId) { id } }';
