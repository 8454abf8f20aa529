import { randomBytes, randomUUID, generateKeyPairSync, sign } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CommandAgent, INTERRUPTED, type CommandEnvelope, type CommandReport } from './agent.js';
import type { AgentEvent } from './events.js';
import { Journal } from './journal.js';
import type { AgentOs } from './platform.js';
import { SimulatedRunner } from './runner.js';
import { signedText } from './signature.js';

const portico = generateKeyPairSync('ed25519');
const commandKey = portico.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const deviceId = randomUUID();
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

/** A command as Portico would send it, signed for `forDevice`. */
function command(action: string, args: object = {}, overrides: Partial<CommandEnvelope> = {}, forDevice = deviceId): CommandEnvelope {
  const fields = { id: randomUUID(), action, arguments: JSON.stringify(args), nonce: randomBytes(16).toString('hex'), expiresAt: inAnHour(), ...overrides };
  const signature = overrides.signature ?? sign(null, Buffer.from(signedText({ ...fields, deviceId: forDevice }), 'utf8'), portico.privateKey).toString('base64');
  return { ...fields, signature };
}

/** An agent on a fresh (or given) state directory, with a reporter and event list to look at. */
function setUp(options: { dir?: string; os?: AgentOs; delayMs?: number; refuseDelivery?: boolean } = {}) {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'portico-agent-'));
  const stateFile = join(dir, 'state.json');
  const reports: CommandReport[] = [];
  const events: AgentEvent[] = [];
  const simulatedLog = `${stateFile}.simulated.log`;
  const agent = new CommandAgent({
    deviceId,
    commandKey,
    os: options.os ?? 'LINUX',
    journal: Journal.open(`${stateFile}.journal`),
    runner: new SimulatedRunner(simulatedLog, options.delayMs ?? 0),
    // Portico refuses DELIVERED for a command it cancelled meanwhile.
    reporter: { report: async (report) => (reports.push(report), options.refuseDelivery && report.status === 'DELIVERED' ? 'refused' : 'accepted') },
    emit: (event) => events.push(event),
  });
  const simulated = () => (existsSync(simulatedLog) ? readFileSync(simulatedLog, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { action: string }) : []);
  const phases = (id: string) => events.flatMap((event) => (event.event === 'command' && event.id === id ? [event.phase] : []));
  return { dir, stateFile, agent, reports, events, simulated, phases };
}

describe('CommandAgent', () => {
  it('runs nothing when Portico refuses the delivery (the command was cancelled or expired meanwhile)', async () => {
    const { agent, reports, simulated, phases } = setUp({ refuseDelivery: true });
    const lock = command('LOCK');
    agent.offer(lock);
    await agent.idle();
    expect(simulated()).toEqual([]);
    expect(reports.map((report) => report.status)).toEqual(['DELIVERED']);
    expect(phases(lock.id)).toEqual(['accepted', 'refused']);
    // Offered again later: still never run.
    agent.offer(lock);
    await agent.idle();
    expect(simulated()).toEqual([]);
  });

  it('journals, reports and runs a valid command', async () => {
    const { agent, reports, simulated, phases, stateFile } = setUp();
    const restart = command('RESTART');
    agent.offer(restart);
    await agent.idle();

    expect(reports).toEqual([
      { id: restart.id, status: 'DELIVERED', output: null },
      { id: restart.id, status: 'RUNNING', output: null },
      { id: restart.id, status: 'SUCCEEDED', output: 'simulated: systemctl reboot' },
    ]);
    expect(phases(restart.id)).toEqual(['accepted', 'running', 'succeeded']);
    expect(simulated().map((line) => line.action)).toEqual(['RESTART']);
    expect(Journal.open(`${stateFile}.journal`).get(restart.id)).toEqual({ nonce: restart.nonce, finished: { status: 'SUCCEEDED', output: 'simulated: systemctl reboot' } });
  });

  it('refuses an expired command without running it', async () => {
    const { agent, reports, events, simulated, stateFile } = setUp();
    const expiresAt = new Date(Date.now() - 1000).toISOString();
    const old = command('LOCK', {}, { expiresAt });
    agent.offer(old);
    await agent.idle();

    expect(reports).toEqual([{ id: old.id, status: 'FAILED', output: `refused: expired at ${expiresAt}` }]);
    expect(events).toEqual([{ event: 'command', id: old.id, action: 'LOCK', phase: 'refused', reason: `expired at ${expiresAt}` }]);
    expect(simulated()).toEqual([]);
    expect(Journal.open(`${stateFile}.journal`).get(old.id)).toEqual({ finished: { status: 'FAILED', output: `refused: expired at ${expiresAt}` } });
  });

  it('refuses a bad signature, a tampered command and another device’s command', async () => {
    const { agent, reports, simulated } = setUp();
    const forged = command('RESTART', {}, { signature: Buffer.alloc(64).toString('base64') });
    const tampered = { ...command('LOCK'), action: 'SHUT_DOWN' };
    const elsewhere = command('RESTART', {}, {}, randomUUID());
    for (const offered of [forged, tampered, elsewhere]) agent.offer(offered);
    await agent.idle();

    expect(reports).toEqual([forged, tampered, elsewhere].map(({ id }) => ({ id, status: 'FAILED', output: 'refused: signature does not verify for this device' })));
    expect(simulated()).toEqual([]);
  });

  it('refuses a nonce it has seen before, even under a new id', async () => {
    const { agent, reports, phases } = setUp();
    const first = command('LOCK');
    const replay = command('LOCK', {}, { nonce: first.nonce });
    agent.offer(first);
    agent.offer(replay);
    await agent.idle();

    expect(phases(replay.id)).toEqual(['refused']);
    expect(reports.at(-1)).toEqual({ id: replay.id, status: 'FAILED', output: 'refused: nonce was used before' });
  });

  it('refuses what its OS table does not offer', async () => {
    const { agent, reports, simulated } = setUp({ os: 'LINUX' });
    const install = command('INSTALL_SOFTWARE', { packageId: 'curl', cask: false });
    const sneaky = command('LOG_OFF', { userName: '-rf' });
    agent.offer(install);
    agent.offer(sneaky);
    await agent.idle();

    expect(reports).toEqual([
      { id: install.id, status: 'FAILED', output: 'refused: INSTALL_SOFTWARE is not offered on Linux' },
      { id: sneaky.id, status: 'FAILED', output: 'refused: userName is not a valid user name' },
    ]);
    expect(simulated()).toEqual([]);
  });

  it('runs a command offered again (after a reconnect) only once, and re-reports its result', async () => {
    const { agent, reports, simulated, phases } = setUp();
    const lock = command('LOCK');
    agent.offer(lock);
    await agent.idle();
    agent.offer(lock);
    await agent.idle();

    expect(simulated()).toHaveLength(1);
    expect(phases(lock.id)).toEqual(['accepted', 'running', 'succeeded', 'skipped']);
    expect(reports.at(-1)).toEqual({ id: lock.id, status: 'SUCCEEDED', output: 'simulated: loginctl lock-sessions' });
  });

  it('ignores a command offered again while it still waits or runs', async () => {
    const { agent, reports, simulated } = setUp({ delayMs: 30 });
    const lock = command('LOCK');
    agent.offer(lock);
    agent.offer(lock);
    await agent.idle();

    expect(simulated()).toHaveLength(1);
    expect(reports.map((report) => report.status)).toEqual(['DELIVERED', 'RUNNING', 'SUCCEEDED']);
  });

  it('never runs again a command accepted before a crash: it reports it interrupted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-agent-'));
    const lock = command('LOCK');
    // The previous process journaled the command, then died before its result was recorded.
    Journal.open(join(dir, 'state.json.journal')).accepted(lock.id, lock.nonce);

    const { agent, reports, simulated, phases, stateFile } = setUp({ dir });
    agent.offer(lock);
    await agent.idle();

    expect(simulated()).toEqual([]);
    expect(reports).toEqual([{ id: lock.id, status: 'FAILED', output: INTERRUPTED }]);
    expect(phases(lock.id)).toEqual(['skipped']);
    expect(Journal.open(`${stateFile}.journal`).get(lock.id)?.finished).toEqual({ status: 'FAILED', output: INTERRUPTED });
  });

  it('settles on start what an earlier process left unfinished, without waiting to be offered it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'portico-agent-'));
    const journal = Journal.open(join(dir, 'state.json.journal'));
    journal.accepted('done', 'n1');
    journal.finished('done', 'SUCCEEDED', 'ok');
    journal.accepted('cut', 'n2');

    const { agent, reports, stateFile } = setUp({ dir });
    agent.settleInterrupted();

    expect(reports).toEqual([{ id: 'cut', status: 'FAILED', output: INTERRUPTED }]);
    expect(Journal.open(`${stateFile}.journal`).unfinished()).toEqual([]);
  });

  it('re-reports a result journaled by an earlier process', async () => {
    const first = setUp();
    const restart = command('RESTART');
    first.agent.offer(restart);
    await first.agent.idle();

    const second = setUp({ dir: first.dir });
    second.agent.offer(restart);
    await second.agent.idle();

    expect(second.simulated()).toHaveLength(1);
    expect(second.reports).toEqual([{ id: restart.id, status: 'SUCCEEDED', output: 'simulated: systemctl reboot' }]);
    expect(second.events).toEqual([{ event: 'command', id: restart.id, action: 'RESTART', phase: 'skipped', reason: 'already SUCCEEDED' }]);
  });

  it('handles commands one at a time, in the order offered', async () => {
    const { agent, reports, simulated } = setUp({ delayMs: 20 });
    const commands = [command('LOCK'), command('RESTART'), command('SHUT_DOWN')];
    for (const offered of commands) agent.offer(offered);
    await agent.idle();

    expect(simulated().map((line) => line.action)).toEqual(['LOCK', 'RESTART', 'SHUT_DOWN']);
    expect(reports.map((report) => `${report.id}:${report.status}`)).toEqual(commands.flatMap(({ id }) => [`${id}:DELIVERED`, `${id}:RUNNING`, `${id}:SUCCEEDED`]));
  });

  it('lets no temporary password out: reports, events, journal and simulated record', async () => {
    const password = 'Tmp-9f3k!x2Q';
    for (const os of ['WINDOWS', 'MACOS', 'LINUX'] as const) {
      const { agent, reports, events, stateFile } = setUp({ os });
      const reset = command('RESET_PASSWORD', { userName: 'anna', password });
      agent.offer(reset);
      await agent.idle();

      expect(reports.at(-1)?.status).toBe('SUCCEEDED');
      expect(JSON.stringify(reports)).not.toContain(password);
      expect(JSON.stringify(events)).not.toContain(password);
      expect(readFileSync(`${stateFile}.journal`, 'utf8')).not.toContain(password);
      expect(readFileSync(`${stateFile}.simulated.log`, 'utf8')).not.toContain(password);
    }
  });
});
