import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, buildTechnician } from '../test/factories.js';
import { ADMIN_PASSWORD, ADMIN_USERNAME, startTestPortico, type TestPortico } from '../test/harness.js';
import { SmtpTestServer } from '../test/smtp-test-server.js';
import { createLogger, lineDestination } from './logger.js';

const SIGN_IN = 'mutation SignIn($input: SignInInput!) { signIn(input: $input) { token } }';
const ME = 'query Me { me { ... on Contact { id } ... on Technician { id } } }';
const CREATE_CONTACT = 'mutation CreateContact($input: CreateContactInput!) { createContact(input: $input) { username password contact { id } } }';
const REISSUE_CONTACT = 'mutation ReissueContact($id: ID!) { reissueContactCredentials(id: $id) { password } }';
const REISSUE_TECHNICIAN = 'mutation ReissueTechnician($id: ID!) { reissueTechnicianCredentials(id: $id) { password } }';
const CHANGE_PASSWORD = 'mutation ChangePassword($input: ChangePasswordInput!) { changePassword(input: $input) }';

interface LogLine {
  level: string;
  msg: string;
  requestId?: string;
  connectionId?: string;
  transport?: string;
  principalKind?: string;
  principalId?: string;
  operationName?: string;
  operationType?: string;
  status?: number;
  errorCodes?: string[];
  durationMs?: number;
  [key: string]: unknown;
}

describe('structured logs', () => {
  const lines: string[] = [];
  const smtp = new SmtpTestServer();
  let portico: TestPortico;
  beforeAll(async () => {
    await smtp.start();
    portico = await startTestPortico({ smtpUrl: smtp.url, logger: createLogger({ destination: lineDestination((line) => lines.push(line)), level: 'debug' }) });
  });
  afterAll(async () => {
    await portico.stop();
    await smtp.stop();
  });

  const parsed = () => lines.map((line) => JSON.parse(line) as LogLine);
  const lineOf = (requestId: string) => parsed().find((line) => line.requestId === requestId && line.msg === 'request');

  /** A GraphQL call over HTTP with its own x-request-id; the line is written when the response closes. */
  async function call(query: string, variables: Record<string, unknown>, auth: { token?: string; cookie?: string } = {}, requestId: string = randomUUID()) {
    const response = await fetch(`${portico.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-request-id': requestId,
        ...(auth.token ? { authorization: `Bearer ${auth.token}` } : {}),
        ...(auth.cookie ? { cookie: auth.cookie } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, any>; errors?: Array<{ extensions?: { code?: string } }> };
    return { body, response, requestId, line: () => waitForLine(requestId) };
  }

  async function waitForLine(requestId: string): Promise<LogLine> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const found = lineOf(requestId);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`No log line for request ${requestId}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async function signIn(username: string, password: string) {
    const result = await call(SIGN_IN, { input: { username, password } });
    const token = result.body.data?.signIn.token as string;
    expect(token).toBeTruthy();
    const cookie = /portico_session=([^;]+)/.exec(result.response.headers.get('set-cookie') ?? '')?.[1];
    expect(cookie).toBeTruthy();
    return { ...result, token, cookie: cookie! };
  }

  it('logs every request with id, principal, operation and duration, and never a secret', async () => {
    const secrets = new Map<string, string>([['PORTICO_SECRET', 'test-secret'], ['admin password', ADMIN_PASSWORD]]);
    const requestIds: string[] = [];
    const track = <T extends { requestId: string }>(result: T) => (requestIds.push(result.requestId), result);

    // Sign-in with a password (and one wrong attempt, whose password is as secret).
    const wrong = `wrong-${randomUUID()}`;
    secrets.set('wrong password', wrong);
    const refused = track(await call(SIGN_IN, { input: { username: ADMIN_USERNAME, password: wrong } }));
    expect(refused.body.errors?.length).toBeGreaterThan(0);
    const admin = track(await signIn(ADMIN_USERNAME, ADMIN_PASSWORD));
    secrets.set('admin token', admin.token).set('admin cookie', admin.cookie);
    const adminMe = track(await call(ME, {}, { cookie: `portico_session=${admin.cookie}` }));
    const adminId = adminMe.body.data?.me.id as string;

    // A contact with a welcome email carrying its one-time password.
    const customer = await buildCustomer(portico);
    const created = track(await call(CREATE_CONTACT, { input: { customerId: customer.id, name: 'Lena Log', email: 'lena@log.example' } }, { token: admin.token }));
    const { username, password, contact } = created.body.data!.createContact;
    const welcome = await smtp.waitFor('lena@log.example');
    expect(welcome.text).toContain(password);
    secrets.set('one-time password', password);

    // The contact signs in, changes its password, and gets new credentials re-issued (mailed too).
    const lena = track(await signIn(username, password));
    secrets.set('contact token', lena.token).set('contact cookie', lena.cookie);
    const chosen = `Quiet river ${randomUUID().slice(0, 8)} stones`;
    secrets.set('chosen password', chosen);
    const changed = track(await call(CHANGE_PASSWORD, { input: { currentPassword: password, newPassword: chosen } }, { token: lena.token }));
    expect(changed.body.errors).toBeUndefined();
    const reissued = track(await call(REISSUE_CONTACT, { id: contact.id }, { token: admin.token }));
    const reissuedPassword = reissued.body.data!.reissueContactCredentials.password as string;
    secrets.set('re-issued contact password', reissuedPassword);
    const again = await smtp.waitFor('lena@log.example', 15_000, (mail) => !!mail.text?.includes(reissuedPassword));
    expect(again.text).toContain(reissuedPassword);
    const lenaAgain = track(await signIn(username, reissuedPassword));
    secrets.set('contact token after re-issue', lenaAgain.token).set('contact cookie after re-issue', lenaAgain.cookie);
    const forbidden = track(await call(REISSUE_CONTACT, { id: contact.id }, { token: lenaAgain.token }));
    expect(forbidden.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // A technician's credentials re-issued, and the new password used.
    const technician = await buildTechnician(portico);
    secrets.set('technician password', technician.password);
    const reissuedTechnician = track(await call(REISSUE_TECHNICIAN, { id: technician.technician.id }, { token: admin.token }));
    const technicianPassword = reissuedTechnician.body.data!.reissueTechnicianCredentials.password as string;
    secrets.set('re-issued technician password', technicianPassword);
    const tech = track(await signIn(technician.username, technicianPassword));
    secrets.set('technician token', tech.token).set('technician cookie', tech.cookie);

    // An operation over WebSocket, authenticated by connectionParams.
    const ws = createClient({ url: `${portico.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { sessionToken: lenaAgain.token }, retryAttempts: 0 });
    const viaWs = await new Promise<any>((resolve, reject) => {
      let value: unknown;
      ws.subscribe({ query: ME, operationName: 'Me' }, { next: (result) => (value = result), error: reject, complete: () => resolve(value) });
    });
    expect(viaWs.data.me.id).toBe(contact.id);
    await ws.dispose();

    // Everything the test caused has ended: every request's line, every mail job.
    await portico.jobs.drain();
    const logged = await Promise.all(requestIds.map(waitForLine));
    const wsLine = parsed().find((line) => line.transport === 'ws' && line.operationName === 'Me');
    expect(wsLine).toMatchObject({ transport: 'ws', outcome: 'complete', principalKind: 'contact', principalId: contact.id, operationType: 'query' });
    expect(wsLine!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(wsLine!.durationMs).toEqual(expect.any(Number));

    // No secret anywhere (nor the contact's username, nor any variables).
    const all = lines.join('\n');
    expect(lines.length).toBeGreaterThan(requestIds.length);
    for (const [what, secret] of secrets) expect(all.includes(secret), `${what} is in the log`).toBe(false);
    expect(all).not.toContain(username);
    expect(parsed().some((line) => 'variables' in line || 'query' in line)).toBe(false);

    // The expected lines, so the test fails when logging vanishes.
    for (const line of logged) {
      expect(line).toMatchObject({ level: expect.any(String), transport: 'http', method: 'POST', path: '/graphql', status: 200, durationMs: expect.any(Number) });
      expect(line.principalKind).toMatch(/^(anonymous|contact|technician)$/);
      expect(line.operationName).toMatch(/^[A-Z]\w+$/);
    }
    expect(await refused.line()).toMatchObject({ principalKind: 'anonymous', operationName: 'SignIn', operationType: 'mutation', errorCodes: [expect.any(String)] });
    // A successful sign-in is logged as whom it signed in.
    expect(await admin.line()).toMatchObject({ principalKind: 'technician', principalId: adminId, operationName: 'SignIn' });
    expect((await admin.line()).errorCodes).toBeUndefined();
    expect(await adminMe.line()).toMatchObject({ principalKind: 'technician', principalId: adminId, operationName: 'Me', operationType: 'query' });
    expect(await created.line()).toMatchObject({ principalKind: 'technician', principalId: adminId, operationName: 'CreateContact' });
    expect(await changed.line()).toMatchObject({ principalKind: 'contact', principalId: contact.id, operationName: 'ChangePassword' });
    expect(await forbidden.line()).toMatchObject({ principalKind: 'contact', principalId: contact.id, operationName: 'ReissueContact', errorCodes: ['FORBIDDEN'] });
    expect(await reissuedTechnician.line()).toMatchObject({ principalKind: 'technician', operationName: 'ReissueTechnician' });
  });

  it('echoes a sane client x-request-id and logs under it; replaces an unusable one', async () => {
    const sent = `client-${randomUUID()}`;
    const mine = await call(ME, {}, {}, sent);
    expect(mine.response.headers.get('x-request-id')).toBe(sent);
    expect(await mine.line()).toMatchObject({ requestId: sent, principalKind: 'anonymous', operationName: 'Me' });

    const unusable = await call(ME, {}, {}, 'two words');
    const replaced = unusable.response.headers.get('x-request-id')!;
    expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
    expect(await waitForLine(replaced)).toMatchObject({ operationName: 'Me' });

    // Over WebSocket the upgrade's x-request-id names the connection; each operation gets its own request id.
    let upgradeId: string | undefined;
    class WithRequestId extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers: { 'x-request-id': `ws-${sent}` } });
        this.once('upgrade', (response) => (upgradeId = response.headers['x-request-id'] as string));
      }
    }
    const ws = createClient({ url: `${portico.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WithRequestId, retryAttempts: 0 });
    await new Promise<void>((resolve, reject) => ws.subscribe({ query: 'query WsMe { me { __typename } }' }, { next: () => undefined, error: reject, complete: resolve }));
    await new Promise<void>((resolve, reject) => ws.subscribe({ query: '{ nope }' }, { next: () => undefined, error: () => resolve(), complete: () => reject(new Error('accepted')) }));
    await ws.dispose();
    expect(upgradeId).toBe(`ws-${sent}`);
    const operations = parsed().filter((line) => line.connectionId === `ws-${sent}` && line.msg === 'operation');
    expect(operations).toEqual([
      expect.objectContaining({ transport: 'ws', outcome: 'complete', principalKind: 'anonymous', operationName: 'WsMe', operationType: 'query', durationMs: expect.any(Number) }),
      expect.objectContaining({ transport: 'ws', outcome: 'error', principalKind: 'anonymous', errorCodes: ['GRAPHQL_VALIDATION_FAILED'] }),
    ]);
    expect(operations[0].requestId).not.toBe(operations[1].requestId);

    // Routes other than /graphql too.
    const health = await fetch(`${portico.url}/healthz`, { headers: { 'x-request-id': `health-${sent}` } });
    expect(health.headers.get('x-request-id')).toBe(`health-${sent}`);
    expect(await waitForLine(`health-${sent}`)).toMatchObject({ transport: 'http', method: 'GET', path: '/healthz', status: 200, durationMs: expect.any(Number) });
  });
});
