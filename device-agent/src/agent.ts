import { maskSecret, planCommand, type PlanResult } from './commands.js';
import { warn, type CommandPhase, type EmitEvent } from './events.js';
import type { FinalStatus, Journal, JournalEntry } from './journal.js';
import type { AgentOs } from './platform.js';
import type { CommandRunner, RunResult } from './runner.js';
import { verifyCommand } from './signature.js';

/** A command as `deviceCommands` delivers it. */
export interface CommandEnvelope {
  id: string;
  action: string;
  arguments: string;
  nonce: string;
  expiresAt: string;
  signature: string;
}

export interface CommandReport {
  id: string;
  status: 'DELIVERED' | 'RUNNING' | FinalStatus;
  output: string | null;
}

/**
 * Sends reports to Portico; it keeps them until they are heard (across reconnects). The answer:
 * 'refused' when Portico is past that status (e.g. the command was cancelled or expired meanwhile).
 */
export interface Reporter {
  report(report: CommandReport): Promise<'accepted' | 'refused'>;
}

export interface CommandAgentOptions {
  deviceId: string;
  /** Portico's public key (PEM). */
  commandKey: string;
  os: AgentOs;
  journal: Journal;
  runner: CommandRunner;
  reporter: Reporter;
  emit: EmitEvent;
}

export const INTERRUPTED = 'interrupted before a result was recorded';
export const WITHDRAWN = 'withdrawn by Portico before it ran (cancelled or expired)';

/**
 * Carries out the commands Portico offers, one at a time in the order offered, each at most once:
 * verified first, journaled before it runs, its result journaled and reported.
 */
export class CommandAgent {
  private readonly queue: CommandEnvelope[] = [];
  /** Ids waiting here or being handled: the same command offered again meanwhile is dropped. */
  private readonly pending = new Set<string>();
  private working: Promise<void> | undefined;

  constructor(private readonly options: CommandAgentOptions) {}

  /**
   * Settles commands the previous process accepted but left without a result (it stopped while
   * they ran): FAILED, reported now. Portico may never offer them again once it saw RUNNING.
   */
  settleInterrupted(): void {
    const { journal, reporter } = this.options;
    for (const id of journal.unfinished()) {
      journal.finished(id, 'FAILED', INTERRUPTED);
      void reporter.report({ id, status: 'FAILED', output: INTERRUPTED });
      warn(`command ${id} was ${INTERRUPTED}: reported FAILED`);
    }
  }

  offer(command: CommandEnvelope): void {
    if (this.pending.has(command.id)) return;
    this.pending.add(command.id);
    this.queue.push(command);
    this.working ??= this.work();
  }

  /** Resolves once every command offered so far has been handled. */
  idle(): Promise<void> {
    return this.working ?? Promise.resolve();
  }

  private async work(): Promise<void> {
    for (let command = this.queue.shift(); command; command = this.queue.shift()) {
      try {
        await this.handle(command);
      } catch (error) {
        warn(`command ${command.id}: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        this.pending.delete(command.id);
      }
    }
    this.working = undefined;
  }

  private async handle(command: CommandEnvelope): Promise<void> {
    const { journal, reporter } = this.options;
    const known = journal.get(command.id);
    if (known) return this.repeat(command, known);

    const checked = this.check(command);
    if (!checked.ok) {
      const output = `refused: ${checked.reason}`;
      journal.finished(command.id, 'FAILED', output);
      void reporter.report({ id: command.id, status: 'FAILED', output });
      return this.emit(command, 'refused', checked.reason);
    }

    journal.accepted(command.id, command.nonce);
    this.emit(command, 'accepted');
    // Nothing runs until Portico has recorded the delivery: a command cancelled (or expired) in
    // the meantime is refused there and never runs here.
    if ((await reporter.report({ id: command.id, status: 'DELIVERED', output: null })) === 'refused') {
      journal.finished(command.id, 'FAILED', WITHDRAWN);
      return this.emit(command, 'refused', WITHDRAWN);
    }
    void reporter.report({ id: command.id, status: 'RUNNING', output: null });
    this.emit(command, 'running');
    const result = await this.run(checked);
    const status: FinalStatus = result.ok ? 'SUCCEEDED' : 'FAILED';
    journal.finished(command.id, status, result.output);
    void reporter.report({ id: command.id, status, output: result.output });
    if (result.ok) this.emit(command, 'succeeded');
    else this.emit(command, 'failed', lastLine(result.output));
  }

  /** A command seen before is never run again: Portico hears again what the journal knows. */
  private repeat(command: CommandEnvelope, known: JournalEntry): void {
    const { journal, reporter } = this.options;
    if (known.finished) {
      void reporter.report({ id: command.id, status: known.finished.status, output: known.finished.output });
      return this.emit(command, 'skipped', `already ${known.finished.status}`);
    }
    // Accepted but no result: the agent stopped while it ran. Whether it took effect is unknown.
    journal.finished(command.id, 'FAILED', INTERRUPTED);
    void reporter.report({ id: command.id, status: 'FAILED', output: INTERRUPTED });
    this.emit(command, 'skipped', INTERRUPTED);
  }

  private check(command: CommandEnvelope): PlanResult {
    const { deviceId, commandKey, journal, os } = this.options;
    const signed = { id: command.id, deviceId, action: command.action, arguments: command.arguments, nonce: command.nonce, expiresAt: command.expiresAt };
    if (!verifyCommand(signed, command.signature, commandKey)) return { ok: false, reason: 'signature does not verify for this device' };
    const expiresAt = Date.parse(command.expiresAt);
    if (Number.isNaN(expiresAt)) return { ok: false, reason: 'expiresAt is not a date' };
    if (expiresAt <= Date.now()) return { ok: false, reason: `expired at ${command.expiresAt}` };
    if (journal.hasNonce(command.nonce)) return { ok: false, reason: 'nonce was used before' };
    return planCommand(os, command.action, command.arguments);
  }

  private async run(checked: Extract<PlanResult, { ok: true }>): Promise<RunResult> {
    try {
      return await this.options.runner.run(checked.plan);
    } catch (error) {
      return { ok: false, output: maskSecret(`could not run: ${error instanceof Error ? error.message : String(error)}`, checked.plan.secret) };
    }
  }

  private emit(command: CommandEnvelope, phase: CommandPhase, reason?: string): void {
    this.options.emit({ event: 'command', id: command.id, action: command.action, phase, ...(reason ? { reason } : {}) });
  }
}

/** The last line of a failed command's output: usually the reason, short enough for an event. */
function lastLine(output: string): string {
  const lines = output.trim().split('\n');
  return lines[lines.length - 1].slice(0, 200);
}
