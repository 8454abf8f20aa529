import http from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { restoreDefaultSettings } from '../test/default-settings.js';
import WebSocket from 'ws';
import type { GraphQLTestClient } from '../test/graphql-client.js';
import { startTestPortico, type TestPortico } from '../test/harness.js';

/** No stack trace, no file path, no SQL in an answer meant for the outside. */
function expectNoInternals(text: string) {
  expect(text).not.toMatch(/\bat [\w.<>]+ \(|node_modules|\/work\/|\/server\/src\/|\.ts:\d+|\bselect\b.*\bfrom\b|<pre>|<!DOCTYPE/i);
}

/** Opens a WebSocket with the given Origin; resolves with the HTTP status of a refused upgrade, or 101. */
function upgrade(url: string, origin?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', origin ? { origin } : {});
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', (error) => reject(error));
  });
}

describe('HTTP edges', { timeout: 60_000 }, () => {
  let portico: TestPortico;
  let admin: GraphQLTestClient;

  beforeAll(async () => {
    portico = await startTestPortico({ inboundMailSecret: 'edge-secret' });
    admin = await portico.admin();
  });
  afterAll(() => portico?.stop());
  afterEach(() => restoreDefaultSettings(admin));

  it('sends security headers on every kind of answer, HSTS only over HTTPS', async () => {
    const answers = await Promise.all([
      fetch(`${portico.url}/`),
      fetch(`${portico.url}/admin/customers`),
      fetch(`${portico.url}/healthz`),
      fetch(`${portico.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ serverInfo { version } }"}' }),
      fetch(`${portico.url}/nothing-here`, { method: 'POST' }),
      fetch(`${portico.url}/attachments/00000000-0000-4000-8000-000000000000`),
    ]);
    for (const response of answers) {
      const csp = response.headers.get('content-security-policy') ?? '';
      const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
      expect(scriptSrc, response.url).toBe("'self'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('upgrade-insecure-requests');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('strict-transport-security')).toBeNull();
      expect(response.headers.get('x-powered-by')).toBeNull();
    }

    const https = await startTestPortico({ publicUrl: 'https://portal.msp.example' });
    try {
      const response = await fetch(`${https.url}/`);
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
      expect(response.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    } finally {
      await https.stop();
    }
  });

  it('answers unreadable, oversized and misdirected requests with JSON, without internals', async () => {
    const post = (path: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
      fetch(`${portico.url}${path}`, { method: 'POST', headers: { 'accept-language': 'fr', ...headers }, body });

    const cases: Array<[string, Promise<Response>, number, string]> = [
      ['malformed JSON', post('/graphql', '{"query": "{ me { id } }"'), 400, 'BAD_USER_INPUT'],
      ['a body over 1 MB', post('/graphql', JSON.stringify({ query: '{ me { __typename } }', variables: { x: 'y'.repeat(1_200_000) } })), 413, 'BAD_USER_INPUT'],
      ['another content type', post('/graphql', 'query', { 'content-type': 'text/plain' }), 400, 'BAD_REQUEST'],
      ['no query', post('/graphql', '{}'), 400, 'BAD_REQUEST'],
      ['a JSON array', post('/graphql', '[1, 2]'), 400, 'BAD_REQUEST'],
      ['an unknown route', post('/nothing-here', '{}'), 404, 'NOT_FOUND'],
      ['a broken URL parameter', fetch(`${portico.url}/attachments/%E0%A4%A`), 400, 'BAD_USER_INPUT'],
      ['a GET without query', fetch(`${portico.url}/graphql`, { headers: { accept: 'text/html' } }), 400, 'BAD_REQUEST'],
    ];
    for (const [what, pending, status, code] of cases) {
      const response = await pending;
      const text = await response.text();
      expect(response.status, `${what}: ${text}`).toBe(status);
      expect(response.headers.get('content-type'), what).toMatch(/json/);
      expectNoInternals(text);
      const body = JSON.parse(text) as { errors: Array<{ message: string; extensions: { code: string } }> };
      expect(body.errors[0]?.extensions.code, what).toBe(code);
    }
    const malformed = (await (await post('/graphql', '{"query": ')).json()) as { errors: Array<{ message: string }> };
    expect(malformed.errors[0]?.message).toBe('La requête est illisible : envoyez du JSON contenant une requête GraphQL.');
  });

  it('checks the inbound-mail secret before it reads the body', async () => {
    // Announce 30 MB, send nothing: the refusal must come without waiting for the body.
    const answer = (secret: string) =>
      new Promise<number>((resolve, reject) => {
        const url = new URL(`${portico.url}/inbound-mail`);
        const request = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'x-inbound-secret': secret, 'content-type': 'message/rfc822', 'content-length': String(30 * 1024 * 1024 - 1) } });
        request.on('response', (response) => {
          resolve(response.statusCode ?? 0);
          request.destroy();
        });
        request.on('error', reject);
        request.flushHeaders();
        setTimeout(() => resolve(-1), 3000).unref();
      });
    expect(await answer('wrong-secret')).toBe(403);
    expect(await answer('edge-secreu')).toBe(403);
    // The right secret waits for the body it announced.
    expect(await answer('edge-secret')).toBe(-1);
  });

  it("opens WebSockets only from the portal's own addresses (and from clients that send no Origin)", async () => {
    expect(await upgrade(portico.url)).toBe(101);
    expect(await upgrade(portico.url, portico.url)).toBe(101);
    expect(await upgrade(portico.url, 'http://127.0.0.1')).toBe(101); // PUBLIC_URL
    expect(await upgrade(portico.url, 'https://evil.example')).toBe(403);
    expect(await upgrade(portico.url, 'null')).toBe(403);
    expect(await upgrade(portico.url, 'https://help.msp.example')).toBe(403);

    const { portalSettings } = await admin.ok('{ portalSettings { ... on PortalSettings { version } } }');
    await admin.ok('mutation($input: UpdatePortalSettingsInput!) { updatePortalSettings(input: $input) { version } }', { input: { version: portalSettings.version, customDomain: 'help.msp.example' } });
    expect(await upgrade(portico.url, 'https://help.msp.example')).toBe(101);
    expect(await upgrade(portico.url, 'https://help.msp.example.evil.example')).toBe(403);
  });
});
