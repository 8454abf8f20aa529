import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signedText, verifyCommand, type SignedCommand } from './signature.js';

const portico = generateKeyPairSync('ed25519');
const commandKey = portico.publicKey.export({ type: 'spki', format: 'pem' }).toString();

const command: SignedCommand = {
  id: '8f8c6f7e-3d55-4c0e-9a51-2f1f3c7d9b10',
  deviceId: '2b0c1d6e-7a8f-4e21-b3c4-5d6e7f8091a2',
  action: 'INSTALL_SOFTWARE',
  arguments: '{"packageId":"firefox","cask":false}',
  nonce: '00112233445566778899aabbccddeeff',
  expiresAt: '2030-01-01T00:00:00.000Z',
};

function signWith(key: Parameters<typeof sign>[2], fields: SignedCommand): string {
  return sign(null, Buffer.from(signedText(fields), 'utf8'), key).toString('base64');
}

describe('signedText', () => {
  it('is the version line and the fields, in order, joined by newlines', () => {
    expect(signedText(command)).toBe(
      'portico-command/1\n8f8c6f7e-3d55-4c0e-9a51-2f1f3c7d9b10\n2b0c1d6e-7a8f-4e21-b3c4-5d6e7f8091a2\nINSTALL_SOFTWARE\n{"packageId":"firefox","cask":false}\n00112233445566778899aabbccddeeff\n2030-01-01T00:00:00.000Z',
    );
  });
});

describe('verifyCommand', () => {
  const signature = signWith(portico.privateKey, command);

  it('accepts a command signed by the command key', () => {
    expect(verifyCommand(command, signature, commandKey)).toBe(true);
  });

  it('refuses a tampered action', () => {
    expect(verifyCommand({ ...command, action: 'SHUT_DOWN' }, signature, commandKey)).toBe(false);
  });

  it('refuses tampered arguments', () => {
    expect(verifyCommand({ ...command, arguments: '{"packageId":"evil","cask":false}' }, signature, commandKey)).toBe(false);
  });

  it('refuses another device, nonce or expiry', () => {
    expect(verifyCommand({ ...command, deviceId: '00000000-0000-4000-8000-000000000000' }, signature, commandKey)).toBe(false);
    expect(verifyCommand({ ...command, nonce: 'ffeeddccbbaa99887766554433221100' }, signature, commandKey)).toBe(false);
    expect(verifyCommand({ ...command, expiresAt: '2031-01-01T00:00:00.000Z' }, signature, commandKey)).toBe(false);
  });

  it('refuses a signature by another key', () => {
    const other = generateKeyPairSync('ed25519');
    expect(verifyCommand(command, signWith(other.privateKey, command), commandKey)).toBe(false);
  });

  it('refuses garbage instead of throwing', () => {
    expect(verifyCommand(command, 'not base64 at all', commandKey)).toBe(false);
    expect(verifyCommand(command, signature, 'not a key')).toBe(false);
  });
});
