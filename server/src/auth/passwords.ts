import argon2 from 'argon2';
import { randomInt } from 'node:crypto';

// Without look-alikes (0/O, 1/l/I) because people type generated passwords from an email.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A random 18-character password: about 105 bits of entropy. It passes the password policy (tested). */
export function generatePassword(length = 18): string {
  let password = '';
  for (let i = 0; i < length; i++) password += ALPHABET[randomInt(ALPHABET.length)];
  return password;
}

/** argon2id with the library's defaults (64 MiB, 3 passes), per OWASP's recommendation. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/**
 * Verifies against a throwaway hash, so an unknown username costs the same time as a wrong
 * password and sign-in answers do not reveal which usernames exist.
 */
export async function burnVerificationTime(password: string): Promise<void> {
  dummyHash ??= hashPassword(generatePassword());
  await verifyPassword(await dummyHash, password);
}
