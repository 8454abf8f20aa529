import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planCommand, type CommandPlan } from './commands.js';
import { capOutput, ExecFileRunner, MAX_OUTPUT_BYTES, SimulatedRunner } from './runner.js';

const PASSWORD = 'Tmp-9f3k!x2Q';

function plan(os: 'WINDOWS' | 'MACOS' | 'LINUX', action: string, args: object): CommandPlan {
  const result = planCommand(os, action, JSON.stringify(args));
  if (!result.ok) throw new Error(result.reason);
  return result.plan;
}

/** A step that runs a bit of JavaScript in this Node. */
const node = (script: string, stdin?: string) => ({ file: process.execPath, args: ['-e', script], ...(stdin === undefined ? {} : { stdin }) });

describe('SimulatedRunner', () => {
  it('records one JSON line per command and reports success after the delay', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'portico-sim-')), 'state.json.simulated.log');
    const runner = new SimulatedRunner(log, 50);
    const started = Date.now();
    const result = await runner.run(plan('LINUX', 'RESTART', {}));
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(result).toEqual({ ok: true, output: 'simulated: systemctl reboot' });
    const [line] = readFileSync(log, 'utf8').trim().split('\n').map((text) => JSON.parse(text));
    expect(line).toEqual({ at: expect.any(String), action: 'RESTART', steps: [{ file: 'systemctl', args: ['reboot'] }] });
  });

  it('masks the temporary password and never records standard input', async () => {
    const log = join(mkdtempSync(join(tmpdir(), 'portico-sim-')), 'state.json.simulated.log');
    const runner = new SimulatedRunner(log, 0);
    const windows = await runner.run(plan('WINDOWS', 'RESET_PASSWORD', { userName: 'anna', password: PASSWORD }));
    const linux = await runner.run(plan('LINUX', 'RESET_PASSWORD', { userName: 'anna', password: PASSWORD }));
    expect(windows.output).toBe('simulated: net user anna ********; net user anna /logonpasswordchg:yes');
    expect(linux.output).toBe('simulated: chpasswd; passwd -e anna');
    const recorded = readFileSync(log, 'utf8');
    expect(recorded).not.toContain(PASSWORD);
    expect(recorded).not.toContain('stdin');
    expect(JSON.parse(recorded.split('\n')[0]).steps[0]).toEqual({ file: 'net', args: ['user', 'anna', '********'] });
  });
});

describe('ExecFileRunner', () => {
  const runner = new ExecFileRunner();

  it('runs the steps in order and keeps what they print', async () => {
    const result = await runner.run({ action: 'LOCK', steps: [node('console.log("one")'), node('console.error("two")')] });
    expect(result).toEqual({ ok: true, output: 'one\ntwo\n' });
  });

  it('writes standard input and masks the secret in the output', async () => {
    const echo = node('process.stdin.pipe(process.stdout)', `anna:${PASSWORD}\n`);
    const result = await runner.run({ action: 'RESET_PASSWORD', steps: [echo], secret: PASSWORD });
    expect(result).toEqual({ ok: true, output: 'anna:********\n' });
  });

  it('stops at the first step that fails', async () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'portico-run-')), 'ran');
    const result = await runner.run({ action: 'LOCK', steps: [node('console.log("no"); process.exit(3)'), node(`require("fs").writeFileSync(${JSON.stringify(marker)}, "")`)] });
    expect(result.ok).toBe(false);
    expect(result.output).toBe(`no\n${process.execPath}: exit code 3\n`);
    expect(existsSync(marker)).toBe(false);
  });

  it('says so when a program does not exist', async () => {
    const result = await runner.run({ action: 'INSTALL_SOFTWARE', steps: [{ file: 'portico-no-such-program', args: [] }] });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('ENOENT');
  });

  it('puts a captured uid into the following steps', async () => {
    const result = await runner.run({
      action: 'LOG_OFF',
      steps: [{ ...node('console.log(501)'), capturesUid: true }, { file: process.execPath, args: ['-e', 'console.log(process.argv.at(-1))', 'gui/{uid}'] }],
    });
    expect(result).toEqual({ ok: true, output: '501\ngui/501\n' });
  });

  it('refuses to go on when nobody is signed in (uid 0 or nothing)', async () => {
    for (const printed of ['0', '""']) {
      const result = await runner.run({ action: 'LOG_OFF', steps: [{ ...node(`console.log(${printed})`), capturesUid: true }, node('')] });
      expect(result.ok).toBe(false);
      expect(result.output).toMatch(/no signed-in user found\n$/);
    }
  });
});

describe('capOutput', () => {
  it('keeps output to 64 KB of UTF-8', () => {
    expect(capOutput('short')).toBe('short');
    const capped = capOutput('é'.repeat(MAX_OUTPUT_BYTES));
    expect(Buffer.byteLength(capped)).toBeLessThanOrEqual(MAX_OUTPUT_BYTES);
    expect(capped.endsWith('\n[output truncated]')).toBe(true);
  });
});
