import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLTestClient } from '../test/graphql-client.js';
import { ADMIN_PASSWORD, ADMIN_USERNAME, createTestDatabase } from '../test/harness.js';
import { freePort } from '../test/smtp-test-server.js';

/**
 * The real `portico-agent` (device-agent/src/cli.ts) against a real Portico (server/src/main.ts),
 * each its own process in its own process group, so either can be killed with SIGKILL mid-flight
 * like a crash, a power cut or the OOM killer (docs/DEVICE-PROTOCOL.md, "At most once").
 *
 * What "ran" means: the agent runs with --simulate, which appends one line per command it actually
 * carries out to `<state>.simulated.log`. Those lines name the action, not the command id, so each
 * device (one enrollment, one state directory) gets at most one command per action here. The
 * journal (`<state>.journal`, by id) says how often the agent accepted a command to run it.
 */

const root = fileURLToPath(new URL('../../..', import.meta.url));
const agentDir = join(root, 'device-agent');

const CREATE_CUSTOMER = 'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }';
const CREATE_CONTACT = 'mutation($input: CreateContactInput!) { createContact(input: $input) { contact { id } } }';
const CREATE_TOKEN = 'mutation($input: CreateEnrollmentTokenInput!) { createEnrollmentToken(input: $input) { token } }';
const ASSIGN = 'mutation($d: ID!, $c: ID) { assignDevice(deviceId: $d, contactId: $c) { id } }';
const SEND = 'mutation($input: SendDeviceCommandInput!) { sendDeviceCommand(input: $input) { id status action expiresAt } }';
const COMMAND = 'query($id: ID!) { deviceCommand(id: $id) { id status output deliveredAt startedAt finishedAt } }';
const DEVICE = 'query($id: ID!) { device(id: $id) { id online revokedAt } }';
const REVOKE = 'mutation($id: ID!) { revokeDevice(id: $id) { id revokedAt } }';

interface CommandRow {
  id: string;
  status: string;
  output: string | null;
  deliveredAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

interface AgentEvent {
  event: string;
  id?: string;
  action?: string;
  phase?: string;
  reason?: string;
  code?: number;
}

/** Anything that can say what it printed, for failure messages. */
interface Described {
  describe(): string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const tail = (text: string, chars = 4000) => (text.length > chars ? `…${text.slice(-chars)}` : text);

/** Every child this file started, killed (as a group) in afterAll whatever happened. */
const children = new Set<ChildProcess>();
const tempDirs: string[] = [];

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

/** The exit code once the child exited and its output was all read ('close'); call it right after spawn. */
function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('close', (code) => resolve(code)));
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: () => string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([promise, new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error(what())), ms)))]).finally(() => clearTimeout(timer));
}

/** Thrown by a check that can never hold any more: the wait fails at once. */
class Hopeless extends Error {}

/** Polls `check` until it holds; fails with `what` and what every process printed. */
async function waitUntil(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number, ...sources: Described[]): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let ok = false;
    try {
      ok = await check();
    } catch (error) {
      if (error instanceof Hopeless) throw new Error(`${error.message} while waiting for ${what}\n\n${sources.map((s) => s.describe()).join('\n\n')}`);
      ok = false; // e.g. the server is down for the moment
    }
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n\n${sources.map((s) => s.describe()).join('\n\n')}`);
    await sleep(100);
  }
}

/** Portico as its own process, in its own process group, on a fixed port (a restart keeps the URL). */
class ServerProcess implements Described {
  private output = '';
  readonly exited: Promise<number | null>;

  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
    private readonly generation: number,
  ) {
    children.add(child);
    child.stdout!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = exitOf(child);
  }

  static async start(databaseUrl: string, port: number, generation = 1): Promise<ServerProcess> {
    const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', 'server/src/main.ts'], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, PORTICO_ADMIN_USERNAME: ADMIN_USERNAME,
        PORTICO_ADMIN_PASSWORD: ADMIN_PASSWORD, PORTICO_SECRET: 'test-secret',
      },
    });
    const server = new ServerProcess(child, `http://127.0.0.1:${port}`, generation);
    const started = () => {
      if (child.exitCode !== null || child.signalCode !== null) throw new Hopeless(`Portico exited (${child.exitCode ?? child.signalCode})`);
      return server.output.includes('Portico is running');
    };
    try {
      await waitUntil('Portico to start', started, 90_000, server);
    } catch (error) {
      killGroup(child, 'SIGKILL');
      throw error;
    }
    return server;
  }

  /** kill -9 of the whole process group: no shutdown code runs, connections just drop. */
  async kill9(): Promise<void> {
    killGroup(this.child, 'SIGKILL');
    await withTimeout(this.exited, 10_000, () => `the server did not die\n\n${this.describe()}`);
  }

  async stop(): Promise<void> {
    killGroup(this.child, 'SIGTERM');
    await withTimeout(this.exited, 15_000, () => 'slow stop').catch(() => killGroup(this.child, 'SIGKILL'));
  }

  describe(): string {
    return `--- server #${this.generation} (pid ${this.child.pid}, exit ${this.child.exitCode ?? this.child.signalCode ?? 'running'}) output, last part:\n${tail(this.output)}`;
  }
}

interface Enrolled {
  deviceId: string;
  stateFile: string;
}

/** `portico-agent run` as its own process in its own process group; its stdout parsed as events. */
class AgentProcess implements Described {
  readonly events: AgentEvent[] = [];
  private stdout = '';
  private stderr = '';
  private partial = '';
  readonly exited: Promise<number | null>;

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    children.add(child);
    child.stdout!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      this.stdout += text;
      this.partial += text;
      const lines = this.partial.split('\n');
      this.partial = lines.pop()!;
      for (const line of lines.filter(Boolean)) {
        try {
          this.events.push(JSON.parse(line) as AgentEvent);
        } catch {
          this.events.push({ event: 'unparsable', reason: line });
        }
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = exitOf(child);
  }

  static start(name: string, device: Enrolled, options: { delayMs?: number; nodeArgs?: string[] } = {}): AgentProcess {
    const args = [
      ...(options.nodeArgs ?? []), '--import', '@swc-node/register/esm-register', 'src/cli.ts', 'run', '--state', device.stateFile, '--simulate',
      '--simulate-delay-ms', String(options.delayMs ?? 0), '--reconnect-max-ms', '1000', '--heartbeat-seconds', '5',
    ];
    // Linux's command table whatever this runs on, so the simulated steps are the same everywhere.
    const child = spawn(process.execPath, args, { cwd: agentDir, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORTICO_AGENT_OS: 'LINUX' } });
    return new AgentProcess(name, child);
  }

  phases(commandId: string): string[] {
    return this.events.filter((e) => e.event === 'command' && e.id === commandId).map((e) => e.phase!);
  }

  count(event: string): number {
    return this.events.filter((e) => e.event === event).length;
  }

  async waitFor(what: string, predicate: (event: AgentEvent) => boolean, timeoutMs: number, ...others: Described[]): Promise<AgentEvent> {
    await waitUntil(`agent ${this.name}: ${what}`, () => this.events.some(predicate) || this.child.exitCode !== null, timeoutMs, this, ...others);
    const found = this.events.find(predicate);
    if (!found) throw new Error(`agent ${this.name} exited (${this.child.exitCode}) before ${what}\n\n${[this, ...others].map((s) => s.describe()).join('\n\n')}`);
    return found;
  }

  waitForPhase(commandId: string, phase: string, timeoutMs: number, ...others: Described[]): Promise<AgentEvent> {
    return this.waitFor(`command ${commandId} ${phase}`, (e) => e.event === 'command' && e.id === commandId && e.phase === phase, timeoutMs, ...others);
  }

  kill9(): Promise<number | null> {
    killGroup(this.child, 'SIGKILL');
    return withTimeout(this.exited, 10_000, () => `agent ${this.name} did not die\n\n${this.describe()}`);
  }

  /** SIGTERM: the agent says goodbye (exit code 0 after {"event":"stopped","reason":"SIGTERM"}). */
  async stop(): Promise<number | null> {
    killGroup(this.child, 'SIGTERM');
    return withTimeout(this.exited, 10_000, () => `agent ${this.name} did not stop on SIGTERM\n\n${this.describe()}`);
  }

  describe(): string {
    return `--- agent ${this.name} (pid ${this.child.pid}, exit ${this.child.exitCode ?? this.child.signalCode ?? 'running'}) stdout:\n${tail(this.stdout)}\n--- agent ${this.name} stderr:\n${tail(this.stderr)}`;
  }
}

/** `portico-agent enroll` with a fresh token of the customer, into a temp state directory of its own. */
async function enrollAgent(admin: GraphQLTestClient, customerId: string, contactId: string): Promise<Enrolled> {
  const { createEnrollmentToken } = await admin.ok<{ createEnrollmentToken: { token: string } }>(CREATE_TOKEN, { input: { customerId } });
  const dir = mkdtempSync(join(tmpdir(), 'portico-agent-test-'));
  tempDirs.push(dir);
  const stateFile = join(dir, 'state.json');
  const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', 'src/cli.ts', 'enroll', '--server', admin.baseUrl, '--token', createEnrollmentToken.token, '--state', stateFile], {
    cwd: agentDir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORTICO_AGENT_OS: 'LINUX' },
  });
  children.add(child);
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await withTimeout(exitOf(child), 60_000, () => `enroll did not finish: ${out}`);
  if (code !== 0) throw new Error(`enroll exited ${code}: ${out}`);
  const enrolled = out.split('\n').map((line) => line.trim()).filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as { event: string; deviceId?: string }).find((e) => e.event === 'enrolled');
  if (!enrolled?.deviceId) throw new Error(`enroll printed no deviceId: ${out}`);
  await admin.ok(ASSIGN, { d: enrolled.deviceId, c: contactId });
  return { deviceId: enrolled.deviceId, stateFile };
}

/** The actions the agent carried out (simulated), one entry per run. */
function simulatedRuns(device: Enrolled): string[] {
  const file = `${device.stateFile}.simulated.log`;
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { action: string }).action);
}

/** The journal lines of one command: how often it was accepted (to run), and what was recorded. */
function journalOf(device: Enrolled, commandId: string): Array<{ phase: string; status?: string; output?: string }> {
  const file = `${device.stateFile}.journal`;
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as { id: string; phase: string; status?: string; output?: string }).filter((entry) => entry.id === commandId);
}

const runsOf = (device: Enrolled, action: string) => simulatedRuns(device).filter((a) => a === action).length;

/** A server with its database, admin, customer and contact, all made through the API. */
class Installation {
  server!: ServerProcess;
  admin!: GraphQLTestClient;
  customerId!: string;
  contactId!: string;
  databaseUrl!: string;
  port!: number;
  private generation = 1;

  async start(name: string): Promise<void> {
    this.databaseUrl = await createTestDatabase();
    this.port = await freePort();
    this.server = await ServerProcess.start(this.databaseUrl, this.port);
    this.admin = await GraphQLTestClient.signIn(this.server.url, ADMIN_USERNAME, ADMIN_PASSWORD);
    ({ createCustomer: { id: this.customerId } } = await this.admin.ok(CREATE_CUSTOMER, { input: { name, domains: [] } }));
    ({ createContact: { contact: { id: this.contactId } } } = await this.admin.ok(CREATE_CONTACT, { input: { customerId: this.customerId, name: 'Dana Device', email: `dana@${name.toLowerCase().replace(/\W+/g, '-')}.example` } }));
  }

  /** A new server process on the same port and database (after the old one was killed). */
  async restart(): Promise<void> {
    this.server = await ServerProcess.start(this.databaseUrl, this.port, ++this.generation);
    this.admin = await GraphQLTestClient.signIn(this.server.url, ADMIN_USERNAME, ADMIN_PASSWORD);
  }

  enroll(): Promise<Enrolled> {
    return enrollAgent(this.admin, this.customerId, this.contactId);
  }

  async send(deviceId: string, action: string): Promise<{ id: string; status: string; expiresAt: string }> {
    return (await this.admin.ok<{ sendDeviceCommand: { id: string; status: string; expiresAt: string } }>(SEND, { input: { deviceId, action } })).sendDeviceCommand;
  }

  async command(id: string): Promise<CommandRow> {
    return (await this.admin.ok<{ deviceCommand: CommandRow }>(COMMAND, { id })).deviceCommand;
  }

  /** Polls the command until it has `status` (FAILED/SUCCEEDED/... are final: another final one fails at once). */
  async waitForStatus(id: string, status: string, timeoutMs: number, ...sources: Described[]): Promise<CommandRow> {
    let last: CommandRow | undefined;
    const finals = ['SUCCEEDED', 'FAILED', 'EXPIRED', 'CANCELLED'];
    await waitUntil(
      `command ${id} to be ${status}`,
      async () => {
        last = await this.command(id);
        if (last.status !== status && finals.includes(last.status)) throw new Hopeless(`command ${id} ended ${last.status} (${JSON.stringify(last.output)})`);
        return last.status === status;
      },
      timeoutMs,
      { describe: () => `--- command as last seen: ${JSON.stringify(last)}` },
      this.server,
      ...sources,
    );
    return last!;
  }

  /** Locks the command's row (SELECT … FOR UPDATE) in an open transaction until `release`. */
  async holdRowLock(commandId: string): Promise<{ release(): Promise<void> }> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    await client.connect();
    await client.query('begin');
    await client.query('select id from device_commands where id = $1 for update', [commandId]);
    return {
      release: async () => {
        await client.query('rollback');
        await client.end();
      },
    };
  }

  async sql(text: string, values: unknown[]): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      await client.query(text, values);
    } finally {
      await client.end();
    }
  }
}

afterAll(() => {
  for (const child of children) killGroup(child, 'SIGKILL');
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

describe('the real agent against one server process', () => {
  const portico = new Installation();

  beforeAll(async () => {
    await portico.start('Agent Process AG');
  });
  afterAll(async () => {
    await portico.server?.stop();
  });

  it('online: a command sent while the agent is connected runs once and ends SUCCEEDED', { timeout: 60_000 }, async () => {
    const device = await portico.enroll();
    const agent = AgentProcess.start('online', device);
    try {
      await agent.waitFor('connected', (e) => e.event === 'connected', 30_000, portico.server);
      await agent.waitFor('facts reported', (e) => e.event === 'facts', 10_000, portico.server);
      expect((await portico.admin.ok(DEVICE, { id: device.deviceId })).device.online).toBe(true);

      const sent = await portico.send(device.deviceId, 'RESTART');
      const done = await portico.waitForStatus(sent.id, 'SUCCEEDED', 20_000, agent);
      expect(done.output).toBe('simulated: systemctl reboot');
      expect(done.deliveredAt && done.startedAt && done.finishedAt).toBeTruthy();
      expect(agent.phases(sent.id)).toEqual(['accepted', 'running', 'succeeded']);
      expect(simulatedRuns(device)).toEqual(['RESTART']);
      expect(journalOf(device, sent.id).map((e) => e.phase)).toEqual(['accepted', 'finished']);
    } finally {
      await agent.kill9();
    }
  });

  it('offline, then online: a command queued while no agent runs is carried out once when the agent starts', { timeout: 60_000 }, async () => {
    const device = await portico.enroll();
    const sent = await portico.send(device.deviceId, 'LOCK');
    await sleep(500);
    expect((await portico.command(sent.id)).status).toBe('QUEUED');

    const agent = AgentProcess.start('offline-online', device);
    try {
      const done = await portico.waitForStatus(sent.id, 'SUCCEEDED', 40_000, agent);
      expect(done.output).toBe('simulated: loginctl lock-sessions');
      expect(agent.phases(sent.id)).toEqual(['accepted', 'running', 'succeeded']);
      expect(runsOf(device, 'LOCK')).toBe(1);
      // Started again: the finished command is neither offered again nor run again.
      expect(await agent.stop()).toBe(0);
      const again = AgentProcess.start('offline-online-2', device);
      try {
        await again.waitFor('facts reported', (e) => e.event === 'facts', 30_000, portico.server);
        await sleep(1_000);
        expect(again.phases(sent.id)).toEqual([]);
        expect(runsOf(device, 'LOCK')).toBe(1);
      } finally {
        await again.kill9();
      }
    } finally {
      await agent.kill9();
    }
  });

  it('expiry: a command that expired while the agent was offline is never offered nor run (a later one is)', { timeout: 60_000 }, async () => {
    const device = await portico.enroll();
    const expiring = await portico.send(device.deviceId, 'SHUT_DOWN');
    // Its expiry made due now; the server's sweep (every 5 s) marks it EXPIRED.
    await portico.sql(`update device_commands set expires_at = now() - interval '1 second' where id = $1`, [expiring.id]);
    await portico.waitForStatus(expiring.id, 'EXPIRED', 20_000);

    const agent = AgentProcess.start('expiry', device);
    try {
      await agent.waitFor('connected', (e) => e.event === 'connected', 30_000, portico.server);
      // Commands are handled in the order offered, waiting ones first: once this later one is done,
      // the expired one would have been offered before it if it ever were.
      const later = await portico.send(device.deviceId, 'LOG_OFF');
      await portico.waitForStatus(later.id, 'SUCCEEDED', 20_000, agent);
      await sleep(500);
      expect(agent.phases(expiring.id)).toEqual([]);
      expect(journalOf(device, expiring.id)).toEqual([]);
      expect(simulatedRuns(device)).toEqual(['LOG_OFF']);
      expect((await portico.command(expiring.id)).status).toBe('EXPIRED');
    } finally {
      await agent.kill9();
    }
  });

  it('expiry, on the agent’s side: an agent whose clock is 20 minutes ahead refuses a 15-minute power command as expired (FAILED, never run)', { timeout: 60_000 }, async () => {
    const device = await portico.enroll();
    // The server offers only commands it holds unexpired, and the signature covers expiresAt, so the
    // agent's own expiry check is reached through its clock: Date.now() 20 minutes ahead.
    const clockAhead = `data:text/javascript,const now = Date.now; Date.now = () => now() + 20 * 60_000;`;
    const agent = AgentProcess.start('clock-ahead', device, { nodeArgs: ['--import', clockAhead] });
    try {
      await agent.waitFor('connected', (e) => e.event === 'connected', 30_000, portico.server);
      const sent = await portico.send(device.deviceId, 'RESTART');
      const failed = await portico.waitForStatus(sent.id, 'FAILED', 20_000, agent);
      expect(failed.output).toBe(`refused: expired at ${sent.expiresAt}`);
      const [refused] = agent.events.filter((e) => e.id === sent.id);
      expect(refused).toMatchObject({ phase: 'refused', reason: `expired at ${sent.expiresAt}` });
      expect(agent.phases(sent.id)).toEqual(['refused']);
      expect(journalOf(device, sent.id)).toEqual([expect.objectContaining({ phase: 'finished', status: 'FAILED' })]);
      expect(simulatedRuns(device)).toEqual([]);
    } finally {
      await agent.kill9();
    }
  });

  it('agent killed (kill -9) while the command runs: restarted, it does not run it again and reports FAILED "interrupted"', { timeout: 60_000 }, async () => {
    const device = await portico.enroll();
    const agent = AgentProcess.start('killed-running', device, { delayMs: 3_000 });
    await agent.waitFor('connected', (e) => e.event === 'connected', 30_000, portico.server);
    const sent = await portico.send(device.deviceId, 'SHUT_DOWN');
    await agent.waitForPhase(sent.id, 'running', 20_000, portico.server);
    await agent.kill9();
    // The simulated run was recorded before its 3 s "run" began: it ran once (and is cut short).
    expect(runsOf(device, 'SHUT_DOWN')).toBe(1);
    expect(journalOf(device, sent.id).map((e) => e.phase)).toEqual(['accepted']);

    const again = AgentProcess.start('killed-running-2', device, { delayMs: 3_000 });
    try {
      const failed = await portico.waitForStatus(sent.id, 'FAILED', 30_000, agent, again);
      expect(failed.output).toBe('interrupted before a result was recorded');
      await again.waitFor('connected', (e) => e.event === 'connected', 10_000, portico.server);
      await sleep(1_000); // the server may offer it again (DELIVERED/RUNNING): still not run
      // On start it settles the interrupted command itself (FAILED, journaled); Portico's new offer of
      // it, if any, is answered from the journal ("skipped", "already FAILED"), never run.
      expect(again.events.filter((e) => e.id === sent.id)).toEqual(again.phases(sent.id).map(() => expect.objectContaining({ phase: 'skipped', reason: 'already FAILED' })));
      expect(runsOf(device, 'SHUT_DOWN')).toBe(1);
      expect(journalOf(device, sent.id).filter((e) => e.phase === 'accepted')).toHaveLength(1);
    } finally {
      await again.kill9();
    }
  });

  it('agent killed (kill -9) after accepting (journaled), before it ran: restarted, it does not run it; FAILED "interrupted"', { timeout: 60_000 }, async () => {
    const device = await portico.enroll();
    const sent = await portico.send(device.deviceId, 'LOCK');
    // Holds the command's row: the agent's DELIVERED report (which locks it) waits, so the agent is
    // stuck between "accepted" (journaled) and "running" (it runs nothing before Portico's answer).
    const lock = await portico.holdRowLock(sent.id);
    const agent = AgentProcess.start('killed-accepted', device, { delayMs: 3_000 });
    try {
      await agent.waitForPhase(sent.id, 'accepted', 30_000, portico.server);
      await sleep(500);
      expect(agent.phases(sent.id)).toEqual(['accepted']);
      await agent.kill9();
    } finally {
      await lock.release();
    }
    expect(runsOf(device, 'LOCK')).toBe(0);
    expect(journalOf(device, sent.id).map((e) => e.phase)).toEqual(['accepted']);

    const again = AgentProcess.start('killed-accepted-2', device, { delayMs: 3_000 });
    try {
      const failed = await portico.waitForStatus(sent.id, 'FAILED', 30_000, agent, again);
      expect(failed.output).toBe('interrupted before a result was recorded');
      await again.waitFor('connected', (e) => e.event === 'connected', 10_000, portico.server);
      await sleep(1_000); // Portico may offer it again: answered from the journal, not run
      expect(again.events.filter((e) => e.id === sent.id)).toEqual(again.phases(sent.id).map(() => expect.objectContaining({ phase: 'skipped', reason: 'already FAILED' })));
      expect(runsOf(device, 'LOCK')).toBe(0);
      expect(journalOf(device, sent.id).filter((e) => e.phase === 'accepted')).toHaveLength(1);
    } finally {
      await again.kill9();
    }
  });

  it('revoked: the running agent stops with exit code 3 after {"event":"stopped","reason":"unauthorized"}', { timeout: 60_000 }, async () => {
    const device = await portico.enroll();
    const agent = AgentProcess.start('revoked', device);
    try {
      await agent.waitFor('connected', (e) => e.event === 'connected', 30_000, portico.server);
      await portico.admin.ok(REVOKE, { id: device.deviceId });
      const code = await withTimeout(agent.exited, 15_000, () => `the revoked agent did not exit\n\n${agent.describe()}\n\n${portico.server.describe()}`);
      expect(code).toBe(3);
      expect(agent.events.at(-1)).toEqual({ event: 'stopped', reason: 'unauthorized' });
      expect(agent.events).toContainEqual({ event: 'disconnected', code: 4401 });
      expect((await portico.admin.ok(DEVICE, { id: device.deviceId })).device).toMatchObject({ online: false, revokedAt: expect.any(String) });
    } finally {
      await agent.kill9();
    }
  });
});

describe('the real agent across kill -9 of the server process', () => {
  const portico = new Installation();

  beforeAll(async () => {
    await portico.start('Server Crash GmbH');
  });
  afterAll(async () => {
    await portico.server?.stop();
  });

  it('killed after the command was committed, before delivery: after the restart the agent runs it exactly once', { timeout: 120_000 }, async () => {
    const device = await portico.enroll();
    const first = AgentProcess.start('before-delivery', device);
    await first.waitFor('connected', (e) => e.event === 'connected', 30_000, portico.server);
    expect(await first.stop()).toBe(0);
    expect(first.events.at(-1)).toEqual({ event: 'stopped', reason: 'SIGTERM' });

    const sent = await portico.send(device.deviceId, 'RESTART');
    expect(sent.status).toBe('QUEUED');
    await portico.server.kill9();
    await portico.restart();
    expect((await portico.command(sent.id)).status).toBe('QUEUED');

    const agent = AgentProcess.start('before-delivery-2', device);
    try {
      await portico.waitForStatus(sent.id, 'SUCCEEDED', 40_000, agent);
      await sleep(1_000);
      expect(agent.phases(sent.id)).toEqual(['accepted', 'running', 'succeeded']);
      expect(runsOf(device, 'RESTART')).toBe(1);
      expect(journalOf(device, sent.id).map((e) => e.phase)).toEqual(['accepted', 'finished']);
    } finally {
      await agent.kill9();
    }
  });

  it('killed after delivery, before the result was acknowledged: the agent finishes alone, reconnects, reports from its journal; run exactly once', { timeout: 120_000 }, async () => {
    const device = await portico.enroll();
    const agent = AgentProcess.start('after-delivery', device, { delayMs: 3_000 });
    try {
      await agent.waitFor('connected', (e) => e.event === 'connected', 30_000, portico.server);
      const sent = await portico.send(device.deviceId, 'SHUT_DOWN');
      await agent.waitForPhase(sent.id, 'running', 20_000, portico.server);
      // "running" comes only after Portico answered DELIVERED: it is delivered, and 3 s from done.
      await portico.server.kill9();
      expect(agent.phases(sent.id), 'the kill came before the result').toEqual(['accepted', 'running']);
      const connectionsBefore = agent.count('connected');

      // The agent carries on without Portico; its SUCCEEDED report waits.
      await agent.waitForPhase(sent.id, 'succeeded', 10_000, portico.server);
      await agent.waitFor('the drop noticed', (e) => e.event === 'disconnected', 10_000);

      await portico.restart();
      const done = await portico.waitForStatus(sent.id, 'SUCCEEDED', 40_000, agent);
      expect(done.output).toBe('simulated: systemctl poweroff');
      expect(agent.count('connected')).toBeGreaterThan(connectionsBefore);
      await sleep(1_500); // any second offer after the reconnect has arrived and been handled
      expect(runsOf(device, 'SHUT_DOWN')).toBe(1);
      expect(journalOf(device, sent.id).map((e) => e.phase)).toEqual(['accepted', 'finished']);
      const phases = agent.phases(sent.id);
      expect(phases.slice(0, 3)).toEqual(['accepted', 'running', 'succeeded']);
      // A second offer (Portico had it RUNNING) is answered from the journal: "skipped", never run.
      expect(phases.slice(3).every((phase) => phase === 'skipped')).toBe(true);
      expect(agent.events.filter((e) => e.id === sent.id && e.phase === 'skipped').every((e) => e.reason === 'already SUCCEEDED')).toBe(true);
      expect((await portico.command(sent.id)).status).toBe('SUCCEEDED');
    } finally {
      await agent.kill9();
    }
  });
});
