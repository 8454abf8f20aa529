import { verify } from 'node:crypto';

/** The fields of a command the signature covers, in the order they are signed. */
export interface SignedCommand {
  id: string;
  deviceId: string;
  action: string;
  arguments: string;
  nonce: string;
  expiresAt: string;
}

/** The exact UTF-8 text Portico signs (docs/DEVICE-PROTOCOL.md, "Commands"). */
export function signedText(command: SignedCommand): string {
  return ['portico-command/1', command.id, command.deviceId, command.action, command.arguments, command.nonce, command.expiresAt].join('\n');
}

/**
 * Whether `signature` (base64 Ed25519) is Portico's over this command. The device id is the
 * agent's own, not anything the server sent: a command signed for another device fails here.
 */
export function verifyCommand(command: SignedCommand, signature: string, commandKeyPem: string): boolean {
  try {
    return verify(null, Buffer.from(signedText(command), 'utf8'), commandKeyPem, Buffer.from(signature, 'base64'));
  } catch {
    // A malformed key or signature is a failed verification, not a crash.
    return false;
  }
}
