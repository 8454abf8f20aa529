import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readState, StateError, writeState, type AgentState } from './state.js';

const state: AgentState = {
  server: 'https://portal.example.com',
  deviceId: '2b0c1d6e-7a8f-4e21-b3c4-5d6e7f8091a2',
  deviceToken: 'ptd_secret',
  commandKey: '-----BEGIN PUBLIC KEY-----\nx\n-----END PUBLIC KEY-----\n',
  privateKey: '-----BEGIN PRIVATE KEY-----\nx\n-----END PRIVATE KEY-----\n',
  publicKey: '-----BEGIN PUBLIC KEY-----\ny\n-----END PUBLIC KEY-----\n',
  pinnedFingerprint: 'AB:CD',
};

const tempDir = () => mkdtempSync(join(tmpdir(), 'portico-state-'));

describe('the state file', () => {
  it('is written with mode 0600, creating its directory, and read back', () => {
    const file = join(tempDir(), 'nested', 'dir', 'state.json');
    writeState(file, state);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(file, '..')).mode & 0o777).toBe(0o700);
    expect(readState(file)).toEqual(state);
  });

  it('is replaced whole, keeps mode 0600 and leaves no temp file behind', () => {
    const dir = tempDir();
    const file = join(dir, 'state.json');
    writeFileSync(file, '{}', { mode: 0o644 });
    writeState(file, { ...state, deviceToken: 'ptd_new' });
    expect(readState(file).deviceToken).toBe('ptd_new');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('says what is wrong with a missing or damaged file', () => {
    const dir = tempDir();
    expect(() => readState(join(dir, 'none.json'))).toThrow(/not enrolled: no state file/);
    writeFileSync(join(dir, 'bad.json'), 'nope');
    expect(() => readState(join(dir, 'bad.json'))).toThrow(StateError);
    writeFileSync(join(dir, 'partial.json'), JSON.stringify({ ...state, deviceToken: undefined }));
    expect(() => readState(join(dir, 'partial.json'))).toThrow('lacks "deviceToken"');
  });
});
