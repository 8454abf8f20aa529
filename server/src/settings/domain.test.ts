import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dns2 from 'dns2';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { restoreDefaultSettings } from '../test/default-settings.js';
import { configFromEnv } from '../config.js';
import { startPortico } from '../app.js';
import { createTestDatabase, startTestPortico, type TestPortico } from '../test/harness.js';
import type { GraphQLTestClient } from '../test/graphql-client.js';
import { checkDomain, createDnsLookup } from './domain-check.js';

const { Packet } = dns2;

/** A real DNS server on loopback with a few records, answering over UDP. */
async function startDnsServer(records: Record<string, { cname?: string; a?: string }>) {
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      const [question] = request.questions;
      const record = records[question.name.toLowerCase()];
      if (record?.cname) response.answers.push({ name: question.name, type: Packet.TYPE.CNAME, class: Packet.CLASS.IN, ttl: 60, domain: record.cname });
      else if (record?.a && question.type === Packet.TYPE.A) response.answers.push({ name: question.name, type: Packet.TYPE.A, class: Packet.CLASS.IN, ttl: 60, address: record.a });
      send(response);
    },
  });
  const addresses = await server.listen({ udp: { port: 0, address: '127.0.0.1' } });
  return { server, address: `127.0.0.1:${addresses.udp.port}` };
}

describe('custom portal domain', () => {
  let dns: Awaited<ReturnType<typeof startDnsServer>>;
  beforeAll(async () => {
    dns = await startDnsServer({
      'help.msp.example': { cname: 'portal.msp.example' },
      'wrong.msp.example': { cname: 'elsewhere.example' },
      'flat.msp.example': { a: '192.0.2.10' },
      'portal.msp.example': { a: '192.0.2.10' },
    });
  });
  afterAll(() => dns.server.close());

  it('checks CNAME and flattened records against a local DNS server', async () => {
    const lookup = createDnsLookup([dns.address]);
    expect(await checkDomain(lookup, 'help.msp.example', 'portal.msp.example')).toMatchObject({ status: 'OK', found: ['portal.msp.example'] });
    expect(await checkDomain(lookup, 'wrong.msp.example', 'portal.msp.example')).toMatchObject({ status: 'WRONG_TARGET', found: ['elsewhere.example'] });
    expect(await checkDomain(lookup, 'flat.msp.example', 'portal.msp.example')).toMatchObject({ status: 'OK', found: ['192.0.2.10'] });
    expect(await checkDomain(lookup, 'nothing.msp.example', 'portal.msp.example')).toMatchObject({ status: 'MISSING', found: [] });
    expect(await checkDomain(lookup, null, 'portal.msp.example')).toMatchObject({ status: 'NOT_CONFIGURED' });
  });

  describe('through the API', () => {
    let portico: TestPortico;
    let admin: GraphQLTestClient;
    beforeAll(async () => {
      portico = await startTestPortico({ publicUrl: 'https://portal.msp.example' });
      Object.assign(portico.services, { dns: createDnsLookup([dns.address]) });
      admin = await portico.admin();
    });
    afterAll(() => portico.stop());
    afterEach(() => restoreDefaultSettings(admin));
    const useDomain = async (customDomain: string) => {
      const { portalSettings } = await admin.ok('{ portalSettings { ... on PortalSettings { version } } }');
      await admin.ok('mutation($input: UpdatePortalSettingsInput!) { updatePortalSettings(input: $input) { version } }', { input: { version: portalSettings.version, customDomain } });
    };

    it('shows the record to create and what DNS says', async () => {
      const { portalSettings } = await admin.ok('{ portalSettings { ... on PortalSettings { version cnameTarget } } }');
      expect(portalSettings.cnameTarget).toBe('portal.msp.example');
      await admin.ok('mutation($input: UpdatePortalSettingsInput!) { updatePortalSettings(input: $input) { version } }', { input: { version: portalSettings.version, customDomain: 'help.msp.example' } });
      const { portalDomainCheck } = await admin.ok('{ portalDomainCheck { domain expectedTarget status found } }');
      expect(portalDomainCheck).toEqual({ domain: 'help.msp.example', expectedTarget: 'portal.msp.example', status: 'OK', found: ['portal.msp.example'] });
      const contact = portico.anonymous();
      expect((await contact.errorOf('{ portalDomainCheck { status } }')).extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('serves the portal to requests that arrive on the custom domain', async () => {
      await useDomain('help.msp.example');
      const response = await fetch(`${portico.url}/`, { headers: { host: 'help.msp.example' } });
      expect(response.status).toBe(200);
      expect(await response.text()).toMatch(/<div id="root"|<!doctype html>/i);
    });
  });
});

describe('TLS with certificate files', () => {
  it('serves HTTPS when TLS_CERT_FILE and TLS_KEY_FILE are set', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-tls-'));
    const [cert, key] = [join(dir, 'cert.pem'), join(dir, 'key.pem')];
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
    const portico = await startPortico(
      { ...configFromEnv({}), databaseUrl: await createTestDatabase(), port: 0, host: '127.0.0.1', tlsCertFile: cert, tlsKeyFile: key, secret: 'test', adminPassword: 'tls-admin-password' },
      { log: () => undefined },
    );
    try {
      expect(portico.url).toMatch(/^https:\/\//);
      const body = await new Promise<string>((resolve, reject) => {
        https.get(`${portico.url}/healthz`, { rejectUnauthorized: false }, (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve(text));
        }).on('error', reject);
      });
      expect(JSON.parse(body)).toEqual({ status: 'ok' });
    } finally {
      await portico.stop();
    }
  });
});
