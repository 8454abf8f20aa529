import { generateKeyPairSync } from 'node:crypto';
import { hostname } from 'node:os';
import { printEvent, warn } from './events.js';
import { loggedInUser, osVersion } from './facts.js';
import { describeErrors, postGraphQL } from './graphql-http.js';
import { agentOs } from './platform.js';
import { writeState } from './state.js';
import { probeFingerprint } from './tls-pin.js';
import { UsageError } from './usage.js';

export interface EnrollOptions {
  server: string;
  token: string;
  stateFile: string;
  pin: boolean;
}

const ENROLL_MUTATION = 'mutation($input: EnrollDeviceInput!) { enrollDevice(input: $input) { deviceId deviceToken commandKey } }';

interface Enrollment {
  deviceId: string;
  deviceToken: string;
  commandKey: string;
}

/** The server as stored: an http(s) URL without a trailing slash. */
function normalizeServer(server: string): URL {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new UsageError(`--server is not a URL: ${server}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError('--server must be an http:// or https:// URL');
  return new URL(`${url.origin}${url.pathname.replace(/\/+$/, '')}`);
}

/** `portico-agent enroll`: resolves with the exit code. */
export async function enroll(options: EnrollOptions): Promise<number> {
  const url = normalizeServer(options.server);
  if (options.pin && url.protocol !== 'https:') throw new UsageError('--pin needs an https:// server');
  const server = url.href.replace(/\/$/, '');
  const pinnedFingerprint = options.pin ? await probeFingerprint(url) : undefined;
  if (pinnedFingerprint) warn(`pinned the server certificate, SHA-256 ${pinnedFingerprint}`);

  const { privateKey, publicKey } = generateKeyPairSync('ed25519', {
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const input = { token: options.token, hostname: hostname().slice(0, 200), os: agentOs(), osVersion: osVersion(), loggedInUser: loggedInUser(), publicKey };
  const response = await postGraphQL<{ enrollDevice: Enrollment }>(server, { query: ENROLL_MUTATION, variables: { input } }, { pinnedFingerprint }).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || code === 'SELF_SIGNED_CERT_IN_CHAIN') throw new Error(`${(error as Error).message} (--pin trusts this server's certificate)`);
    throw error;
  });
  if (response.errors?.length || !response.data?.enrollDevice) {
    warn(`enrollment refused: ${describeErrors(response.errors ?? [{ message: 'no answer' }])}`);
    return 1;
  }
  const { deviceId, deviceToken, commandKey } = response.data.enrollDevice;
  writeState(options.stateFile, { server, deviceId, deviceToken, commandKey, privateKey, publicKey, ...(pinnedFingerprint ? { pinnedFingerprint } : {}) });
  printEvent({ event: 'enrolled', deviceId });
  return 0;
}
