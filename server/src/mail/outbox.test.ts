import { createServer, type AddressInfo, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { restoreDefaultSettings } from '../test/default-settings.js';
import { buildCustomer } from '../test/factories.js';
import { GraphQLTestClient } from '../test/graphql-client.js';
import { ADMIN_PASSWORD, ADMIN_USERNAME, createTestDatabase, startTestPortico, type TestPortico } from '../test/harness.js';
import { until } from '../test/live.js';
import { startServerProcess } from '../test/server-process.js';
import { freePort, SmtpTestServer } from '../test/smtp-test-server.js';
import { OutboxMessage, OutboxStatus } from './outbox-message.entity.js';

const CREATE_CONTACT = 'mutation($input: CreateContactInput!) { createContact(input: $input) { username password contact { id } } }';
const SETTINGS = '{ portalSettings { ... on PortalSettings { version } } }';
const UPDATE_SETTINGS = 'mutation($input: UpdatePortalSettingsInput!) { updatePortalSettings(input: $input) { welcomeEmailEnabled } }';


describe('welcome email through the outbox', () => {
  const smtp = new SmtpTestServer();
  let portico: TestPortico;
  let admin: GraphQLTestClient;

  beforeAll(async () => {
    await smtp.start();
    portico = await startTestPortico({ smtpUrl: smtp.url, publicUrl: 'https://support.msp.example' });
    admin = await portico.admin();
  });
  afterAll(async () => {
    await portico.stop();
    await smtp.stop();
  });
  afterEach(() => restoreDefaultSettings(admin));

  it('sends a German contact a German welcome email with working credentials, then wipes the password', async () => {
    const customer = await buildCustomer(portico);
    const { createContact } = await admin.ok(CREATE_CONTACT, { input: { customerId: customer.id, name: 'Erika Muster', email: 'erika@muster.example', language: 'DE' } });
    const mail = await smtp.waitFor('erika@muster.example');
    expect(mail.subject).toBe('Ihr Zugang zum Support-Portal');
    expect(mail.text).toContain('Hallo Erika Muster,');
    expect(mail.text).toContain(`Benutzername: ${createContact.username}`);
    expect(mail.text).toContain(`Passwort: ${createContact.password}`);
    expect(mail.text).toContain('Portal: https://support.msp.example/');
    expect(mail.html).toContain(createContact.password);
    expect(mail.html).toContain('lang="de"');
    expect(mail.messageId).toMatch(/@support\.msp\.example>$/);
    await expect(GraphQLTestClient.signIn(portico.url, createContact.username, createContact.password)).resolves.toBeTruthy();

    const row = await until(async () => {
      const found = await portico.orm.em.fork().findOne(OutboxMessage, { recipient: 'erika@muster.example' }, { populate: ['sealedSecret'] });
      return found?.status === OutboxStatus.SENT ? found : undefined;
    });
    expect(row).toMatchObject({ attempts: 1, transport: 'smtp', sealedSecret: null });
    expect(row.textBody).not.toContain(createContact.password);

    const { outboxMessages } = await admin.ok('{ outboxMessages(first: 5) { edges { node { recipient subject status attempts textBody } } } }');
    const listed = outboxMessages.edges.find((e: { node: { recipient: string } }) => e.node.recipient === 'erika@muster.example').node;
    expect(listed).toMatchObject({ status: 'SENT', attempts: 1 });
    expect(listed.textBody).toContain('Passwort: ••••••••');
  });

  it('re-issued credentials are mailed too; nothing is mailed when the setting is off', async () => {
    const customer = await buildCustomer(portico);
    const { createContact } = await admin.ok(CREATE_CONTACT, { input: { customerId: customer.id, name: 'Luca Bianchi', email: 'luca@bianchi.example', language: 'IT' } });
    await smtp.waitFor('luca@bianchi.example');
    const { reissueContactCredentials } = await admin.ok('mutation($id: ID!) { reissueContactCredentials(id: $id) { password } }', { id: createContact.contact.id });
    await until(async () => smtp.to('luca@bianchi.example').length === 2);
    const second = smtp.to('luca@bianchi.example')[1];
    expect(second.subject).toBe('La tua nuova password per il portale di assistenza');
    expect(second.text).toContain(reissueContactCredentials.password);

    const { portalSettings } = await admin.ok(SETTINGS);
    await admin.ok(UPDATE_SETTINGS, { input: { version: portalSettings.version, welcomeEmailEnabled: false } });
    await admin.ok(CREATE_CONTACT, { input: { customerId: customer.id, name: 'No Mail', email: 'nomail@bianchi.example' } });
    expect(await portico.orm.em.fork().count(OutboxMessage, { recipient: 'nomail@bianchi.example' })).toBe(0);
    const { portalSettings: again } = await admin.ok(SETTINGS);
    await admin.ok(UPDATE_SETTINGS, { input: { version: again.version, welcomeEmailEnabled: true } });
  });

  it('outbox and retries are for admins only', async () => {
    const tech = await portico.anonymous();
    expect((await tech.errorOf('{ outboxMessages { totalCount } }')).extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('outbox durability', () => {
  it('keeps retrying while SMTP is down and delivers once it is up, recording the attempts', async () => {
    const port = await freePort();
    const portico = await startTestPortico({ smtpUrl: `smtp://127.0.0.1:${port}` });
    const smtp = new SmtpTestServer();
    try {
      const admin = await portico.admin();
      const customer = await buildCustomer(portico);
      await admin.ok(CREATE_CONTACT, { input: { customerId: customer.id, name: 'Retry Me', email: 'retry@later.example' } });
      const failing = await until(async () => {
        const row = await portico.orm.em.fork().findOne(OutboxMessage, { recipient: 'retry@later.example' });
        return row && row.attempts >= 2 ? row : undefined;
      });
      expect(failing.status).toBe(OutboxStatus.QUEUED);
      expect(failing.lastError).toMatch(/ECONNREFUSED|connect/i);

      await smtp.start(port);
      await smtp.waitFor('retry@later.example');
      const sent = await until(async () => {
        const row = await portico.orm.em.fork().findOne(OutboxMessage, { recipient: 'retry@later.example' });
        return row?.status === OutboxStatus.SENT ? row : undefined;
      });
      expect(sent.attempts).toBeGreaterThanOrEqual(3);
      expect(sent.lastError).toBeNull();
      expect(smtp.to('retry@later.example')).toHaveLength(1);
    } finally {
      await portico.stop();
      await smtp.stop();
    }
  });

  it('two instances on one database share the work: every message goes out exactly once', { timeout: 90_000 }, async () => {
    const smtp = new SmtpTestServer();
    await smtp.start();
    const databaseUrl = await createTestDatabase();
    const first = await startTestPortico({ databaseUrl, smtpUrl: smtp.url });
    const second = await startTestPortico({ databaseUrl, smtpUrl: smtp.url });
    try {
      const admin = await first.admin();
      const customer = await buildCustomer(first);
      const emails = Array.from({ length: 12 }, (_, i) => `pair${i}@shared.example`);
      await Promise.all(emails.map((email, i) => admin.ok(CREATE_CONTACT, { input: { customerId: customer.id, name: `Pair ${i}`, email } })));
      await until(async () => emails.every((email) => smtp.to(email).length > 0), 60_000);
      await Promise.all([first.jobs.drain(), second.jobs.drain()]); // nothing left that could send a duplicate
      for (const email of emails) expect(smtp.to(email), email).toHaveLength(1);
      expect(await first.orm.em.fork().count(OutboxMessage, { status: OutboxStatus.SENT })).toBe(12);
    } finally {
      await first.stop();
      await second.stop();
      await smtp.stop();
    }
  });

  it('a mail committed before the server process is killed goes out exactly once after the restart', async () => {
    const databaseUrl = await createTestDatabase();
    // An SMTP server that accepts connections and never answers: the worker is stuck mid-send,
    // after the commit, when the process dies.
    const sockets: Socket[] = [];
    const blackHole = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((ready) => blackHole.listen(0, '127.0.0.1', ready));
    const port = (blackHole.address() as AddressInfo).port;
    const smtpUrl = `smtp://127.0.0.1:${port}`;
    const first = await startServerProcess({ DATABASE_URL: databaseUrl, SMTP_URL: smtpUrl });
    const admin = await GraphQLTestClient.signIn(first.url, ADMIN_USERNAME, ADMIN_PASSWORD);
    const { createCustomer } = await admin.ok('mutation { createCustomer(input: { name: "Crash Test AG", domains: [] }) { id } }');
    let connected!: () => void;
    const sending = new Promise<void>((resolve) => (connected = resolve));
    blackHole.once('connection', () => connected());
    await admin.ok(CREATE_CONTACT, { input: { customerId: createCustomer.id, name: 'Kill Test', email: 'kill@crash.example' } });
    await sending;
    first.process.kill('SIGKILL');
    await new Promise((r) => first.process.once('exit', r));
    sockets.forEach((socket) => socket.destroy());
    await new Promise((r) => blackHole.close(r));

    const smtp = new SmtpTestServer();
    await smtp.start(port);
    const restarted = await startTestPortico({ databaseUrl, smtpUrl });
    try {
      await smtp.waitFor('kill@crash.example');
      await restarted.jobs.drain(); // nothing left that could send a duplicate
      expect(smtp.to('kill@crash.example')).toHaveLength(1);
      const row = await restarted.orm.em.fork().findOneOrFail(OutboxMessage, { recipient: 'kill@crash.example' });
      expect(row.status).toBe(OutboxStatus.SENT);
    } finally {
      await restarted.stop();
      await smtp.stop();
    }
  });
});
