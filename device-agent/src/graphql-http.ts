import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { PinnedAgent } from './tls-pin.js';

export interface GraphQLErrorPayload {
  message: string;
  extensions?: { code?: unknown };
}

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLErrorPayload[];
}

export interface HttpOptions {
  /** Sent as `Authorization: Bearer …`. */
  deviceToken?: string;
  /** Only a server showing this certificate is talked to. */
  pinnedFingerprint?: string;
}

const REQUEST_TIMEOUT_MS = 30_000;

/** `<server>/graphql`, for http(s) or, with `ws`, for WebSocket. */
export function graphqlUrl(server: string, ws = false): string {
  const url = `${server.replace(/\/+$/, '')}/graphql`;
  return ws ? url.replace(/^http/, 'ws') : url;
}

/** "message (CODE)" for stderr. */
export function describeErrors(errors: readonly GraphQLErrorPayload[]): string {
  return errors.map((error) => (typeof error.extensions?.code === 'string' ? `${error.message} (${error.extensions.code})` : error.message)).join('; ');
}

/**
 * A GraphQL request over HTTP POST. node:http rather than fetch: fetch cannot be given an agent,
 * and a pinned certificate needs one.
 */
export function postGraphQL<T>(server: string, body: { query: string; variables: Record<string, unknown> }, options: HttpOptions = {}): Promise<GraphQLResponse<T>> {
  const url = new URL(graphqlUrl(server));
  const payload = JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json', 'content-length': String(Buffer.byteLength(payload)) };
  if (options.deviceToken) headers.authorization = `Bearer ${options.deviceToken}`;
  const secure = url.protocol === 'https:';
  const agent = secure && options.pinnedFingerprint ? new PinnedAgent(options.pinnedFingerprint) : undefined;
  return new Promise((resolve, reject) => {
    const request = (secure ? httpsRequest : httpRequest)(url, { method: 'POST', headers, agent, timeout: REQUEST_TIMEOUT_MS }, (response) => {
      readBody(response).then((text) => resolve(parseResponse<T>(response.statusCode ?? 0, text)), reject);
    });
    request.once('timeout', () => request.destroy(new Error(`no answer from ${url.origin} within ${REQUEST_TIMEOUT_MS / 1000} s`)));
    request.once('error', reject);
    request.end(payload);
  });
}

function readBody(response: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    response.once('error', reject);
  });
}

/** A GraphQL answer, whatever the HTTP status (errors come with 4xx too); anything else is an error. */
function parseResponse<T>(status: number, text: string): GraphQLResponse<T> {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && ('data' in parsed || 'errors' in parsed)) return parsed as GraphQLResponse<T>;
  } catch {
    // not JSON: reported below
  }
  throw new Error(`HTTP ${status}: ${text.slice(0, 200)}`);
}
