import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** What enrollment leaves on the computer (docs/DEVICE-PROTOCOL.md, "Enrollment"). */
export interface AgentState {
  server: string;
  deviceId: string;
  /** The device's credential (`ptd_…`). */
  deviceToken: string;
  /** Portico's public key (PEM): every command must be signed with it. */
  commandKey: string;
  /** The agent's own key pair, PEM (PKCS#8 / SPKI). */
  privateKey: string;
  publicKey: string;
  /** SHA-256 fingerprint of the server's certificate (colon-separated hex), when enrolled with --pin. */
  pinnedFingerprint?: string;
}

const REQUIRED_FIELDS = ['server', 'deviceId', 'deviceToken', 'commandKey', 'privateKey', 'publicKey'] as const;

export class StateError extends Error {}

export function readState(file: string): AgentState {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new StateError(`not enrolled: no state file at ${file} (run portico-agent enroll)`);
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new StateError(`state file ${file} is not valid JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null) throw new StateError(`state file ${file} is not a JSON object`);
  const fields = parsed as Record<string, unknown>;
  for (const field of REQUIRED_FIELDS) {
    if (typeof fields[field] !== 'string' || !fields[field]) throw new StateError(`state file ${file} lacks "${field}"`);
  }
  if (fields.pinnedFingerprint !== undefined && typeof fields.pinnedFingerprint !== 'string') throw new StateError(`state file ${file} has an invalid "pinnedFingerprint"`);
  return parsed as AgentState;
}

/**
 * Writes the state file readable by its owner only. It holds the device credential and private
 * key, so it never exists with wider permissions, and a crash leaves the old file or the new one,
 * never half of one: a 0600 temp file in the same directory, fsync'd, then renamed over it.
 */
export function writeState(file: string, state: AgentState): void {
  const directory = dirname(file);
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const temp = join(directory, `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(state, null, 2)}\n`);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temp);
    throw error;
  }
  closeSync(fd);
  renameSync(temp, file);
}
