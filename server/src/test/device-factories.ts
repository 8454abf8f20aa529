import { generateKeyPairSync } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { GraphQLTestClient } from './graphql-client.js';

const CREATE_TOKEN = 'mutation($input: CreateEnrollmentTokenInput!) { createEnrollmentToken(input: $input) { token enrollmentToken { id } } }';
const ENROLL = 'mutation($input: EnrollDeviceInput!) { enrollDevice(input: $input) { deviceId deviceToken commandKey } }';

export interface TestDevice {
  deviceId: string;
  deviceToken: string;
  commandKey: string;
  /** Calls over HTTP with the device's credential (Authorization: Bearer). */
  client: GraphQLTestClient;
}

/** A fresh Ed25519 public key, PEM, as an agent makes at enrollment. */
export function agentPublicKey(): string {
  return generateKeyPairSync('ed25519').publicKey.export({ format: 'pem', type: 'spki' }).toString();
}

/** Enrolls a device for the customer the way an agent does (a token from the admin, then enrollDevice without a session). */
export async function enrollTestDevice(admin: GraphQLTestClient, customerId: string, hostname = `pc-${Math.random().toString(36).slice(2, 8)}`, os = 'LINUX'): Promise<TestDevice> {
  const { createEnrollmentToken } = await admin.ok(CREATE_TOKEN, { input: { customerId } });
  const anonymous = new GraphQLTestClient(admin.baseUrl);
  const { enrollDevice } = await anonymous.ok(ENROLL, { input: { token: createEnrollmentToken.token, hostname, os, osVersion: '6.1', loggedInUser: 'kim', publicKey: agentPublicKey() } });
  return { ...enrollDevice, client: new GraphQLTestClient(admin.baseUrl, enrollDevice.deviceToken) };
}

/** The agent's connection: graphql-ws with the device credential in connectionParams, as portico-agent opens it. */
export function agentSocket(baseUrl: string, deviceToken: string, onClosed?: (code: number) => void): Client {
  return createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { deviceToken },
    retryAttempts: 0,
    lazy: false,
    // Closes are what these tests look at: reported through `onClosed`, not printed.
    onNonLazyError: () => undefined,
    on: { closed: (event) => onClosed?.((event as { code: number }).code) },
  });
}
