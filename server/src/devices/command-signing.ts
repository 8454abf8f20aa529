import { createPrivateKey, createPublicKey, randomBytes, sign, type KeyObject } from 'node:crypto';
import type { SecretBox } from '../queue/secret-box.js';

/** The fields of a command the agent checks before it runs anything (docs/DEVICE-PROTOCOL.md). */
export interface SignedCommandFields {
  id: string;
  deviceId: string;
  action: string;
  arguments: string;
  nonce: string;
  expiresAt: string;
}

/** The exact text signed: one field per line, in this order, after a version line. */
export function signedText(fields: SignedCommandFields): string {
  return ['portico-command/1', fields.id, fields.deviceId, fields.action, fields.arguments, fields.nonce, fields.expiresAt].join('\n');
}

// PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows it.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * Portico's command key: Ed25519, derived from the instance secret (PORTICO_SECRET or the data
 * directory's key), so every instance of one installation signs with the same key and nothing more
 * has to be stored or shared. Agents receive the public half at enrollment.
 */
export class CommandSigner {
  private readonly privateKey: KeyObject;
  /** PEM (SPKI) of the public key, as handed to agents. */
  readonly publicKeyPem: string;

  constructor(secrets: SecretBox) {
    const seed = secrets.deriveKey('device-command-signing');
    this.privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
    this.publicKeyPem = createPublicKey(this.privateKey).export({ format: 'pem', type: 'spki' }).toString();
  }

  /** A fresh nonce (128 random bits, hex). */
  static nonce(): string {
    return randomBytes(16).toString('hex');
  }

  sign(fields: SignedCommandFields): string {
    return sign(null, Buffer.from(signedText(fields), 'utf8'), this.privateKey).toString('base64');
  }
}
