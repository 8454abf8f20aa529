import { verify } from 'node:crypto';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentSocket, enrollTestDevice, agentPublicKey, type TestDevice } from '../test/device-factories.js';
import { GraphQLTestClient } from '../test/graphql-client.js';
import { startTestPortico, type TestPortico } from '../test/harness.js';
import { signedText } from './command-signing.js';

const CREATE_CUSTOMER = 'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }';
const CREATE_CONTACT = 'mutation($input: CreateContactInput!) { createContact(input: $input) { username password contact { id } } }';
const CREATE_TOKEN = 'mutation($input: CreateEnrollmentTokenInput!) { createEnrollmentToken(input: $input) { token enrollmentToken { id uses expiresAt } } }';
const REVOKE_TOKEN = 'mutation($id: ID!) { revokeEnrollmentToken(id: $id) { id revokedAt } }';
const ENROLL = 'mutation($input: EnrollDeviceInput!) { enrollDevice(input: $input) { deviceId deviceToken commandKey } }';
const DEVICE = 'query($id: ID!) { device(id: $id) { id hostname online lastSeenAt loggedInUser assignedContact { id } facts { hostname osVersion loggedInUser uptimeSeconds freeDiskBytes } revokedAt } }';
const DEVICES = '{ devices(first: 50) { totalCount edges { node { id hostname } } } }';
const SEND = 'mutation($input: SendDeviceCommandInput!) { sendDeviceCommand(input: $input) { id status action expiresAt } }';
const COMMAND = 'query($id: ID!) { deviceCommand(id: $id) { id status output deliveredAt startedAt finishedAt requestedByName } }';
const REPORT = 'mutation($input: ReportDeviceCommandInput!) { reportDeviceCommand(input: $input) }';
const FACTS = 'mutation($input: DeviceFactsInput!) { reportDeviceFacts(input: $input) }';
const ASSIGN = 'mutation($d: ID!, $c: ID) { assignDevice(deviceId: $d, contactId: $c) { id assignedContact { id } } }';
const REVOKE = 'mutation($id: ID!) { revokeDevice(id: $id) { id revokedAt } }';
const CANCEL = 'mutation($id: ID!) { cancelDeviceCommand(id: $id) { id status } }';
const HELP = 'mutation($text: String!) { requestDeviceHelp(text: $text) }';
const AGENT_COMMANDS = 'subscription { deviceCommands { id action arguments nonce expiresAt signature } }';

interface Envelope { id: string; action: string; arguments: string; nonce: string; expiresAt: string; signature: string }

/** Everything a subscription delivers, with a way to wait for what a test expects. */
function collect<T>(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const items: T[] = [];
  const errors: unknown[] = [];
  const stop = client.subscribe<Record<string, T>>({ query, variables }, {
    next: (result) => (result.errors ? errors.push(result.errors) : items.push(Object.values(result.data ?? {})[0] as T)),
    error: (error) => errors.push(error),
    complete: () => undefined,
  });
  return {
    items,
    errors,
    stop,
    async until(predicate: (items: T[]) => boolean, what: string, timeoutMs = 10_000): Promise<T[]> {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(items)) {
        if (errors.length) throw new Error(`${what}: ${JSON.stringify(errors)}`);
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(items)}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return items;
    },
  };
}

const waitFor = async (check: () => Promise<boolean>, what: string, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

// Issue 14 (PRODUCT.md F5, the device side): enrollment, the device principal, the durable command
// queue over graphql-ws, live status, and the lines between devices, contacts and customers.
describe('devices and their commands', () => {
  let portico: TestPortico;
  let admin: GraphQLTestClient;
  let customerId: string;
  let otherCustomerId: string;
  let contact: GraphQLTestClient;
  let contactId: string;
  let colleague: GraphQLTestClient;
  const sockets: Client[] = [];

  const agent = (device: TestDevice, onClosed?: (code: number) => void) => {
    const socket = agentSocket(portico.url, device.deviceToken, onClosed);
    sockets.push(socket);
    return socket;
  };
  const send = async (deviceId: string, action = 'RESTART', extra: Record<string, unknown> = {}) =>
    (await admin.ok<{ sendDeviceCommand: { id: string; status: string } }>(SEND, { input: { deviceId, action, ...extra } })).sendDeviceCommand;
  const commandOf = async (id: string) => (await admin.ok(COMMAND, { id })).deviceCommand;

  beforeAll(async () => {
    portico = await startTestPortico();
    admin = await portico.admin();
    ({ createCustomer: { id: customerId } } = await admin.ok(CREATE_CUSTOMER, { input: { name: 'Heron GmbH', domains: ['heron.example'] } }));
    ({ createCustomer: { id: otherCustomerId } } = await admin.ok(CREATE_CUSTOMER, { input: { name: 'Bittern AG', domains: ['bittern.example'] } }));
    const created = await admin.ok(CREATE_CONTACT, { input: { customerId, name: 'Hanna Heron', email: 'hanna@heron.example' } });
    contactId = created.createContact.contact.id;
    contact = await GraphQLTestClient.signIn(portico.url, created.createContact.username, created.createContact.password);
    const other = await admin.ok(CREATE_CONTACT, { input: { customerId, name: 'Hugo Heron', email: 'hugo@heron.example' } });
    colleague = await GraphQLTestClient.signIn(portico.url, other.createContact.username, other.createContact.password);
    // Contacts reach their devices through the self-service section.
    const { portalSettings } = await admin.ok('{ portalSettings { ... on PortalSettings { version } } }');
    await admin.ok('mutation($v: Int!) { updatePortalSettings(input: { version: $v, sectionScopes: [{ section: SELF_SERVICE, mode: ALL_CUSTOMERS }] }) { version } }', { v: portalSettings.version });
  });

  afterAll(async () => {
    await Promise.all(sockets.map((socket) => socket.dispose()));
    await portico?.stop();
  });

  it('enrolls with a token once (single use), never with an expired, revoked or unknown one, and keeps only hashes', async () => {
    const { createEnrollmentToken } = await admin.ok(CREATE_TOKEN, { input: { customerId } });
    const input = { token: createEnrollmentToken.token, hostname: 'desk-01', os: 'WINDOWS', osVersion: '10.0.22631', loggedInUser: 'hanna', publicKey: agentPublicKey() };
    const anonymous = portico.anonymous();
    const { enrollDevice } = await anonymous.ok(ENROLL, { input });
    expect(enrollDevice.deviceToken).toMatch(/^ptd_/);
    expect(enrollDevice.commandKey).toContain('BEGIN PUBLIC KEY');
    const again = await anonymous.request(ENROLL, { input });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });

    const multi = (await admin.ok(CREATE_TOKEN, { input: { customerId, singleUse: false, expiresInMinutes: 60 } })).createEnrollmentToken;
    await anonymous.ok(ENROLL, { input: { ...input, token: multi.token, hostname: 'desk-02' } });
    await anonymous.ok(ENROLL, { input: { ...input, token: multi.token, hostname: 'desk-03' } });
    await admin.ok(REVOKE_TOKEN, { id: multi.enrollmentToken.id });
    const revoked = await anonymous.request(ENROLL, { input: { ...input, token: multi.token } });
    const expiring = (await admin.ok(CREATE_TOKEN, { input: { customerId } })).createEnrollmentToken;
    await portico.orm.em.getConnection().execute(`update device_enrollment_tokens set expires_at = now() - interval '1 second' where id = ?`, [expiring.enrollmentToken.id]);
    const expired = await anonymous.request(ENROLL, { input: { ...input, token: expiring.token } });
    const unknown = await anonymous.request(ENROLL, { input: { ...input, token: 'pte_not-a-token' } });
    // One answer for every unusable token: nobody learns which tokens exist.
    for (const refused of [revoked, expired, unknown]) expect(refused.errors?.[0]).toMatchObject({ message: again.errors?.[0]?.message, extensions: { code: 'BAD_USER_INPUT', field: 'token' } });
    const devicesBefore = (await portico.orm.em.getConnection().execute('select count(*) as n from devices'))[0].n;
    const badKey = await anonymous.request(ENROLL, { input: { ...input, token: (await admin.ok(CREATE_TOKEN, { input: { customerId } })).createEnrollmentToken.token, publicKey: 'not a key' } });
    expect(badKey.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'publicKey' });
    // A refused enrollment writes nothing.
    expect((await portico.orm.em.getConnection().execute('select count(*) as n from devices'))[0].n).toBe(devicesBefore);

    const rows = await portico.orm.em.getConnection().execute(`select credential_hash from devices union all select token_hash from device_enrollment_tokens`);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(enrollDevice.deviceToken);
    expect(stored).not.toContain(createEnrollmentToken.token);
    expect(rows.length).toBeGreaterThan(3);
  });

  it('closes a connection with an unknown credential (4401) and one that never initialises (4408)', async () => {
    const closed = await new Promise<number>((resolve) => agent({ deviceId: 'x', deviceToken: 'ptd_unknown', commandKey: '', client: admin }, resolve));
    expect(closed).toBe(4401);
    const { default: WebSocket } = await import('ws');
    const silent = new WebSocket(`${portico.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    const code = await new Promise<number>((resolve) => silent.on('close', (c: number) => resolve(c)));
    expect(code).toBe(4408);
  });

  it('delivers a command at once to the online agent, signed; the agent reports it through to SUCCEEDED and the console sees each step live', async () => {
    const device = await enrollTestDevice(admin, customerId, 'live-01', 'WINDOWS');
    const socket = agent(device);
    const commands = collect<Envelope>(socket, AGENT_COMMANDS);
    await waitFor(async () => (await admin.ok(DEVICE, { id: device.deviceId })).device.online, 'the device to be online');
    const console = collect<{ id: string; status: string }>(admin.websocket(), 'subscription($d: ID) { deviceCommandChanged(deviceId: $d) { id status } }', { d: device.deviceId });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const queued = await send(device.deviceId, 'INSTALL_SOFTWARE', { packageId: '7zip' });
    expect(queued.status).toBe('QUEUED');
    const [envelope] = await commands.until((items) => items.length > 0, 'the command');
    expect(envelope).toMatchObject({ id: queued.id, action: 'INSTALL_SOFTWARE', arguments: '{"packageId":"7zip","cask":false}' });
    const text = signedText({ id: envelope.id, deviceId: device.deviceId, action: envelope.action, arguments: envelope.arguments, nonce: envelope.nonce, expiresAt: envelope.expiresAt });
    expect(verify(null, Buffer.from(text), device.commandKey, Buffer.from(envelope.signature, 'base64'))).toBe(true);
    // Another device id in the signed text does not verify: the signature binds the command to this device.
    expect(verify(null, Buffer.from(text.replace(device.deviceId, customerId)), device.commandKey, Buffer.from(envelope.signature, 'base64'))).toBe(false);

    for (const status of ['DELIVERED', 'RUNNING', 'SUCCEEDED']) {
      await device.client.ok(REPORT, { input: { id: queued.id, status, output: status === 'SUCCEEDED' ? 'installed 7zip' : null } });
    }
    await console.until((items) => items.some((item) => item.status === 'SUCCEEDED'), 'the console to see SUCCEEDED');
    expect(console.items.map((item) => item.status)).toEqual(['QUEUED', 'DELIVERED', 'RUNNING', 'SUCCEEDED']);
    const done = await commandOf(queued.id);
    expect(done).toMatchObject({ status: 'SUCCEEDED', output: 'installed 7zip', requestedByName: expect.any(String) });
    expect(done.deliveredAt && done.startedAt && done.finishedAt).toBeTruthy();
    // The same report again is accepted (an agent repeating itself after a dropped answer); going back is not.
    expect(await device.client.ok(REPORT, { input: { id: queued.id, status: 'SUCCEEDED', output: 'again' } })).toEqual({ reportDeviceCommand: true });
    const backwards = await device.client.request(REPORT, { input: { id: queued.id, status: 'RUNNING' } });
    expect(backwards.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await commandOf(queued.id)).output).toBe('installed 7zip');
    console.stop();
    // The audit log: who asked (the technician), and the device that ran it with its result.
    const { auditEvents } = await admin.ok('{ auditEvents(first: 50, actions: ["device.command_queued", "device.command_finished"]) { edges { node { action actorKind actorId subjectId details } } } }');
    const mine = auditEvents.edges.map((edge: { node: Record<string, unknown> }) => edge.node).filter((node: Record<string, unknown>) => node.subjectId === device.deviceId);
    expect(mine.find((node: Record<string, unknown>) => node.action === 'device.command_queued')).toMatchObject({ actorKind: 'technician' });
    expect(mine.find((node: Record<string, unknown>) => node.action === 'device.command_finished')).toMatchObject({ actorKind: 'device', actorId: device.deviceId });
  });

  it('keeps a command for an offline agent and offers it when the agent connects; offers an unfinished one again after a reconnect', async () => {
    const device = await enrollTestDevice(admin, customerId, 'offline-01');
    const first = await send(device.deviceId, 'LOCK');
    const second = await send(device.deviceId, 'RESTART');
    const socket = agent(device);
    const offered = collect<Envelope>(socket, AGENT_COMMANDS);
    const items = await offered.until((all) => all.length >= 2, 'both waiting commands');
    expect(items.map((item) => item.id)).toEqual([first.id, second.id]);
    await device.client.ok(REPORT, { input: { id: first.id, status: 'DELIVERED' } });
    await device.client.ok(REPORT, { input: { id: first.id, status: 'SUCCEEDED' } });
    await device.client.ok(REPORT, { input: { id: second.id, status: 'DELIVERED' } });
    await socket.dispose();
    // Reconnected: the finished one is not offered again, the delivered-but-unfinished one is (the agent's journal decides).
    const again = collect<Envelope>(agent(device), AGENT_COMMANDS);
    await again.until((all) => all.length >= 1, 'the unfinished command');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(again.items.map((item) => item.id)).toEqual([second.id]);
  });

  it('expires a command its agent never received, cancels one on request, and never offers either', async () => {
    const device = await enrollTestDevice(admin, customerId, 'expiry-01');
    const expiring = await send(device.deviceId, 'SHUT_DOWN');
    const cancelled = await send(device.deviceId, 'LOG_OFF');
    const kept = await send(device.deviceId, 'LOCK');
    await portico.orm.em.getConnection().execute(`update device_commands set expires_at = now() - interval '1 second' where id = ?`, [expiring.id]);
    // The sweep expires the one that is due, and only it (the others are not yet expired).
    expect(await portico.services.devices.expiry.sweep()).toBe(1);
    expect((await admin.ok(CANCEL, { id: cancelled.id })).cancelDeviceCommand.status).toBe('CANCELLED');
    expect((await commandOf(expiring.id)).status).toBe('EXPIRED');
    expect((await commandOf(kept.id)).status).toBe('QUEUED');
    const offered = collect<Envelope>(agent(device), AGENT_COMMANDS);
    await offered.until((all) => all.length >= 1, 'the remaining command');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(offered.items.map((item) => item.id)).toEqual([kept.id]);
    // Reporting on a cancelled command changes nothing.
    const late = await device.client.request(REPORT, { input: { id: cancelled.id, status: 'DELIVERED' } });
    expect(late.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    // A delivered command can no longer be cancelled.
    await device.client.ok(REPORT, { input: { id: kept.id, status: 'DELIVERED' } });
    expect((await admin.request(CANCEL, { id: kept.id })).errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('keeps devices apart: an agent neither hears nor reports another device’s commands; a contact sees only its assigned devices (NOT_FOUND otherwise)', async () => {
    const mine = await enrollTestDevice(admin, customerId, 'mine-01');
    const theirs = await enrollTestDevice(admin, customerId, 'theirs-01');
    const foreign = await enrollTestDevice(admin, otherCustomerId, 'foreign-01');
    const heard = collect<Envelope>(agent(theirs), AGENT_COMMANDS);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const command = await send(mine.deviceId, 'LOCK');
    const stolen = await theirs.client.request(REPORT, { input: { id: command.id, status: 'DELIVERED' } });
    expect(stolen.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await theirs.client.request(COMMAND, { id: command.id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await theirs.client.request(DEVICE, { id: mine.deviceId })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await theirs.client.ok(DEVICE, { id: theirs.deviceId })).device.id).toBe(theirs.deviceId);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(heard.items).toEqual([]);
    expect((await commandOf(command.id)).status).toBe('QUEUED');

    await admin.ok(ASSIGN, { d: mine.deviceId, c: contactId });
    expect((await contact.ok(DEVICE, { id: mine.deviceId })).device.assignedContact.id).toBe(contactId);
    const listed = (await contact.ok(DEVICES)).devices;
    expect(listed.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([mine.deviceId]);
    for (const [who, id] of [[contact, theirs.deviceId], [contact, foreign.deviceId], [colleague, mine.deviceId]] as const) {
      const refused = await who.request(DEVICE, { id });
      expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(refused.errors?.[0]?.message).toBe((await who.request(DEVICE, { id: '00000000-0000-4000-8000-000000000000' })).errors?.[0]?.message);
    }
    // Contacts do not command devices from here (self-service with its SMS check is their way), nor see the technicians' commands.
    expect((await contact.request(SEND, { input: { deviceId: mine.deviceId, action: 'LOCK' } })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await contact.request(COMMAND, { id: command.id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // Assigning to another customer's contact is refused.
    const bittern = await admin.ok(CREATE_CONTACT, { input: { customerId: otherCustomerId, name: 'Bea Bittern', email: 'bea@bittern.example' } });
    expect((await admin.request(ASSIGN, { d: mine.deviceId, c: bittern.createContact.contact.id })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contactId' });
  });

  it('refuses bad commands with a coded, translated error naming the field, and writes nothing', async () => {
    const linux = await enrollTestDevice(admin, customerId, 'refuse-linux', 'LINUX');
    const windows = await enrollTestDevice(admin, customerId, 'refuse-win', 'WINDOWS');
    const count = async () => Number((await portico.orm.em.getConnection().execute('select count(*) as n from device_commands'))[0].n);
    const before = await count();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ deviceId: windows.deviceId, action: 'INSTALL_SOFTWARE', packageId: '../evil' }, 'packageId'],
      [{ deviceId: windows.deviceId, action: 'INSTALL_SOFTWARE' }, 'packageId'],
      [{ deviceId: linux.deviceId, action: 'INSTALL_SOFTWARE', packageId: 'vim' }, 'action'],
      [{ deviceId: windows.deviceId, action: 'LOG_OFF', userName: '-rf' }, 'userName'],
      [{ deviceId: windows.deviceId, action: 'RESET_PASSWORD', userName: 'kim' }, 'action'],
    ];
    for (const [input, field] of cases) {
      const refused = await admin.request(SEND, { input });
      expect(refused.errors?.[0]?.extensions, JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(refused.errors?.[0]?.message).toMatch(/\w+/);
    }
    const named = await admin.request(SEND, { input: { deviceId: windows.deviceId, action: 'LOG_OFF', userName: 'a b' } });
    expect(named.errors?.[0]?.message).toBe('Enter a user name of letters, digits and . _ - (at most 64 characters).');
    expect(await count()).toBe(before);
  });

  it('takes the agent’s facts as hostile input: control characters removed, lengths capped, text kept as text', async () => {
    const device = await enrollTestDevice(admin, customerId, 'facts-01');
    const xss = '<img src=x onerror=alert(1)>';
    // A NUL cannot be stored at all: refused like any text with one, nothing changes.
    expect((await device.client.request(FACTS, { input: { hostname: 'a\u0000b', osVersion: '1' } })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'hostname' });
    await device.client.ok(FACTS, { input: { hostname: `${xss}\u001b[31m`, osVersion: 'x'.repeat(5000), loggedInUser: '<script>alert(1)</script>', uptimeSeconds: 3600, freeDiskBytes: -5, totalDiskBytes: 1e12 } });
    const { device: read } = await admin.ok(DEVICE, { id: device.deviceId });
    expect(read.facts.hostname).toBe(`${xss}[31m`);
    expect(read.hostname).toBe(`${xss}[31m`);
    expect(read.facts.osVersion).toHaveLength(200);
    expect(read.facts.loggedInUser).toBe('<script>alert(1)</script>');
    expect(read.facts).toMatchObject({ uptimeSeconds: 3600, freeDiskBytes: null });
    expect(read.lastSeenAt).toBeTruthy();
  });

  it('opens a ticket for the device’s contact with its facts when the user asks for help from the computer', async () => {
    const device = await enrollTestDevice(admin, customerId, 'help-01');
    await admin.ok(ASSIGN, { d: device.deviceId, c: contactId });
    await device.client.ok(FACTS, { input: { hostname: 'help-01', osVersion: 'Ubuntu 24.04', loggedInUser: 'hanna', freeDiskBytes: 1024 } });
    const { requestDeviceHelp: number } = await device.client.ok(HELP, { text: 'The printer is offline' });
    const { ticketByNumber } = await contact.ok('query($n: Int!) { ticketByNumber(number: $n) { title description source } }', { n: number });
    expect(ticketByNumber).toMatchObject({ title: 'help-01: The printer is offline', source: 'DEVICE' });
    expect(ticketByNumber.description).toContain('Ubuntu 24.04');
    expect(ticketByNumber.description).toContain('freeDiskBytes: 1024');
    expect((await device.client.request(HELP, { text: '   ' })).errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
  });

  it('revokes a device: its connection closes at once (4401), its credential stops working, its waiting commands are cancelled', async () => {
    const device = await enrollTestDevice(admin, customerId, 'revoke-01');
    let closedWith: number | undefined;
    const socket = agent(device, (code) => (closedWith = code));
    collect<Envelope>(socket, AGENT_COMMANDS);
    await waitFor(async () => (await admin.ok(DEVICE, { id: device.deviceId })).device.online, 'online');
    const waiting = await send(device.deviceId, 'RESTART');
    await admin.ok(REVOKE, { id: device.deviceId });
    await waitFor(async () => closedWith !== undefined, 'the connection to close');
    expect(closedWith).toBe(4401);
    expect((await commandOf(waiting.id)).status).toBe('CANCELLED');
    expect((await device.client.request(FACTS, { input: { hostname: 'x', osVersion: 'y' } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await admin.ok(DEVICE, { id: device.deviceId })).device).toMatchObject({ online: false, revokedAt: expect.any(String) });
    const reconnect = await new Promise<number>((resolve) => agent(device, resolve));
    expect(reconnect).toBe(4401);
  });

  it('cuts off a deactivated customer’s agents: the open connection closes at once (4401) and the credential stops working', async () => {
    const { createCustomer } = await admin.ok(CREATE_CUSTOMER, { input: { name: 'Grebe KG', domains: ['grebe.example'] } });
    const device = await enrollTestDevice(admin, createCustomer.id, 'grebe-01');
    const bystander = await enrollTestDevice(admin, customerId, 'heron-bystander');
    let closedWith: number | undefined;
    let bystanderClosed: number | undefined;
    collect<Envelope>(agent(device, (code) => (closedWith = code)), AGENT_COMMANDS);
    collect<Envelope>(agent(bystander, (code) => (bystanderClosed = code)), AGENT_COMMANDS);
    await waitFor(async () => (await admin.ok(DEVICE, { id: device.deviceId })).device.online && (await admin.ok(DEVICE, { id: bystander.deviceId })).device.online, 'both online');
    await admin.ok('mutation($id: ID!) { deactivateCustomer(id: $id) { id } }', { id: createCustomer.id });
    await waitFor(async () => closedWith !== undefined, 'the connection to close');
    expect(closedWith).toBe(4401);
    expect((await device.client.request(FACTS, { input: { hostname: 'x', osVersion: 'y' } })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await new Promise<number>((resolve) => agent(device, resolve))).toBe(4401);
    // Another customer's agent stays connected.
    expect(bystanderClosed).toBeUndefined();
    expect((await bystander.client.ok(FACTS, { input: { hostname: 'heron-bystander', osVersion: '1' } })).reportDeviceFacts).toBe(true);
  });

  it('delivers across instances: the agent on one server, the technician on another', async () => {
    const second = await startTestPortico({ databaseUrl: portico.databaseUrl });
    try {
      const device = await enrollTestDevice(admin, customerId, 'two-instances');
      const socket = agent(device); // on the first instance
      const offered = collect<Envelope>(socket, AGENT_COMMANDS);
      await waitFor(async () => (await admin.ok(DEVICE, { id: device.deviceId })).device.online, 'online');
      const adminOnSecond = await second.admin();
      const { sendDeviceCommand } = await adminOnSecond.ok(SEND, { input: { deviceId: device.deviceId, action: 'LOCK' } });
      const [envelope] = await offered.until((all) => all.length > 0, 'the command from the other instance');
      expect(envelope.id).toBe(sendDeviceCommand.id);
      const watching = collect<{ status: string }>(adminOnSecond.websocket(), 'subscription($d: ID) { deviceCommandChanged(deviceId: $d) { status } }', { d: device.deviceId });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await device.client.ok(REPORT, { input: { id: envelope.id, status: 'DELIVERED' } });
      await watching.until((items) => items.some((item) => item.status === 'DELIVERED'), 'the other instance to hear DELIVERED');
      watching.stop();
    } finally {
      await second.stop();
    }
  });
});
