import { execFile, type ExecFileException } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { maskSecret, UID_PLACEHOLDER, type CommandPlan, type Step } from './commands.js';

export interface RunResult {
  ok: boolean;
  /** What the programs printed, at most 64 KB, with any temporary password masked. */
  output: string;
}

export interface CommandRunner {
  run(plan: CommandPlan): Promise<RunResult>;
}

export const MAX_OUTPUT_BYTES = 64 * 1024;
const STEP_TIMEOUT_MS = 10 * 60_000;
// execFile kills a program that prints more than maxBuffer; let it finish and cut its output instead.
const EXEC_MAX_BUFFER = 16 * 1024 * 1024;
const TRUNCATED = '\n[output truncated]';

/** Cuts text to at most 64 KB of UTF-8. */
export function capOutput(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= MAX_OUTPUT_BYTES) return text;
  // Decoding may turn a cut multi-byte character into U+FFFD (3 bytes): leave room for it.
  return bytes.subarray(0, MAX_OUTPUT_BYTES - Buffer.byteLength(TRUNCATED) - 3).toString('utf8') + TRUNCATED;
}

/** How a step is shown in logs and output: the command line with the secret masked. */
function describeStep(step: Step, secret: string | undefined): { file: string; args: string[] } {
  return { file: step.file, args: step.args.map((arg) => maskSecret(arg, secret)) };
}

interface StepResult {
  ok: boolean;
  output: string;
  stdout: string;
}

function failure(error: ExecFileException): string {
  if (typeof error.code === 'number') return `exit code ${error.code}`;
  if (error.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') return 'printed too much and was stopped';
  if (error.killed) return `timed out after ${STEP_TIMEOUT_MS / 60_000} minutes`;
  if (error.signal) return `killed by ${error.signal}`;
  return error.message;
}

function runStep(step: Step, args: string[]): Promise<StepResult> {
  return new Promise((resolve) => {
    const child = execFile(step.file, args, { timeout: STEP_TIMEOUT_MS, maxBuffer: EXEC_MAX_BUFFER, windowsHide: true, encoding: 'utf8' }, (error, stdout, stderr) => {
      const printed = stdout + stderr;
      if (!error) return resolve({ ok: true, output: printed, stdout });
      resolve({ ok: false, output: `${printed}${printed && !printed.endsWith('\n') ? '\n' : ''}${step.file}: ${failure(error)}\n`, stdout });
    });
    // Always close stdin, so a program that would prompt gets end-of-file instead of waiting.
    child.stdin?.on('error', () => undefined).end(step.stdin ?? '');
  });
}

/** Runs the steps for real, one after the other, stopping at the first that fails. */
export class ExecFileRunner implements CommandRunner {
  async run(plan: CommandPlan): Promise<RunResult> {
    let output = '';
    let uid: string | undefined;
    for (const step of plan.steps) {
      const args = uid === undefined ? step.args : step.args.map((arg) => arg.split(UID_PLACEHOLDER).join(uid));
      const result = await runStep(step, args);
      output += result.output;
      if (!result.ok) return { ok: false, output: capOutput(maskSecret(output, plan.secret)) };
      if (step.capturesUid) {
        uid = result.stdout.trim();
        // uid 0 is root at the login window: nobody is signed in to sign out.
        if (!/^\d+$/.test(uid) || uid === '0') return { ok: false, output: capOutput(`${maskSecret(output, plan.secret)}no signed-in user found\n`) };
      }
    }
    return { ok: true, output: capOutput(maskSecret(output, plan.secret)) };
  }
}

/**
 * Runs nothing (`--simulate`): records what it would run, one JSON line per command, and reports
 * success after a pause. Passwords are masked and standard input is never recorded.
 */
export class SimulatedRunner implements CommandRunner {
  constructor(
    private readonly logFile: string,
    private readonly delayMs: number,
  ) {}

  async run(plan: CommandPlan): Promise<RunResult> {
    const steps = plan.steps.map((step) => describeStep(step, plan.secret));
    appendFileSync(this.logFile, `${JSON.stringify({ at: new Date().toISOString(), action: plan.action, steps })}\n`, { mode: 0o600 });
    await sleep(this.delayMs);
    return { ok: true, output: `simulated: ${steps.map((step) => [step.file, ...step.args].join(' ')).join('; ')}` };
  }
}
