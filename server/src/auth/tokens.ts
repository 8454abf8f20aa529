import { createHash, randomBytes } from 'node:crypto';

/** Session tokens: 256 random bits; the prefix makes leaked tokens easy to recognise in scans. */
export function generateSessionToken(): string {
  return `pts_${randomBytes(32).toString('base64url')}`;
}

/** A fast hash is right here: the token is random and long, so there is nothing to brute-force. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
