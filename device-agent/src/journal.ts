import { closeSync, fsyncSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';

export type FinalStatus = 'SUCCEEDED' | 'FAILED';

type JournalLine = { id: string; nonce: string; phase: 'accepted' } | { id: string; phase: 'finished'; status: FinalStatus; output: string };

/** What the journal knows about one command id. */
export interface JournalEntry {
  /** Set once the agent accepted it (it may have started running it). */
  nonce?: string;
  /** Set once its result (or refusal) was recorded. */
  finished?: { status: FinalStatus; output: string };
}

export class JournalError extends Error {}

/**
 * The agent's memory of every command it saw, so that none runs twice (docs/DEVICE-PROTOCOL.md,
 * "At most once"): append-only JSON lines, each flushed to disk before the agent goes on.
 */
export class Journal {
  private readonly entries = new Map<string, JournalEntry>();
  private readonly nonces = new Set<string>();

  private constructor(private readonly file: string) {}

  /** Reads the journal (none yet is an empty one). */
  static open(file: string): Journal {
    const journal = new Journal(file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return journal;
      throw error;
    }
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    // A line cut short by a crash was never fsync'd, so nothing acted on it: drop it, or the next
    // append would be glued to it.
    if (complete.length < text.length) truncateSync(file, Buffer.byteLength(complete));
    complete.split('\n').forEach((line, index) => {
      if (line) journal.apply(parseLine(line, file, index + 1));
    });
    return journal;
  }

  get(id: string): JournalEntry | undefined {
    return this.entries.get(id);
  }

  /** Commands accepted without a result: the agent stopped while they ran. */
  unfinished(): string[] {
    return [...this.entries].filter(([, entry]) => entry.nonce !== undefined && !entry.finished).map(([id]) => id);
  }

  hasNonce(nonce: string): boolean {
    return this.nonces.has(nonce);
  }

  /** Records that the command is about to run; returns once it is on disk. */
  accepted(id: string, nonce: string): void {
    this.append({ id, nonce, phase: 'accepted' });
  }

  /** Records a command's result (or why it was refused); returns once it is on disk. */
  finished(id: string, status: FinalStatus, output: string): void {
    this.append({ id, phase: 'finished', status, output });
  }

  private append(line: JournalLine): void {
    const fd = openSync(this.file, 'a', 0o600);
    try {
      writeSync(fd, `${JSON.stringify(line)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.apply(line);
  }

  private apply(line: JournalLine): void {
    const entry = this.entries.get(line.id) ?? {};
    if (line.phase === 'accepted') {
      entry.nonce = line.nonce;
      this.nonces.add(line.nonce);
    } else {
      entry.finished = { status: line.status, output: line.output };
    }
    this.entries.set(line.id, entry);
  }
}

/** A journal line; anything else stops the agent, since guessing could run a command twice. */
function parseLine(text: string, file: string, lineNumber: number): JournalLine {
  const invalid = () => new JournalError(`journal ${file} line ${lineNumber} is not a valid entry`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid();
  }
  if (typeof value !== 'object' || value === null) throw invalid();
  const line = value as Record<string, unknown>;
  if (typeof line.id !== 'string') throw invalid();
  if (line.phase === 'accepted' && typeof line.nonce === 'string') return { id: line.id, nonce: line.nonce, phase: 'accepted' };
  if (line.phase === 'finished' && (line.status === 'SUCCEEDED' || line.status === 'FAILED') && typeof line.output === 'string') {
    return { id: line.id, phase: 'finished', status: line.status, output: line.output };
  }
  throw invalid();
}
