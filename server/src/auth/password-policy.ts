import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../core/errors.js';
import type { MessageKey, MessageParams } from '../i18n/translate.js';

/**
 * What a password a person chooses must satisfy (NIST SP 800-63B, 5.1.1.2): a minimum and a
 * maximum length, and not a value that is commonly used, expected or tied to the person. There are
 * deliberately no composition rules ("must contain a digit") and no expiry: they make passwords
 * more predictable, not stronger. Every character counts, spaces and emoji included.
 *
 * Used wherever a person chooses a password: `changePassword` and the first admin's
 * PORTICO_ADMIN_PASSWORD. Generated passwords pass it (tested).
 */

/** Technicians hold more power (every customer), so their minimum is higher. */
export const PASSWORD_MIN_LENGTH = { contact: 10, technician: 12 } as const;
export const PASSWORD_MAX_LENGTH = 200;

export type PasswordHolder = keyof typeof PASSWORD_MIN_LENGTH;

/** The person choosing the password: their own words must not be (the heart of) it. */
export interface PasswordContext {
  holder: PasswordHolder;
  username?: string;
  name?: string;
  email?: string;
}

export interface PasswordProblem {
  key: MessageKey;
  params?: MessageParams;
}

/**
 * The blocklist: zxcvbn-ts's "passwords-common" dictionary (@zxcvbn-ts/language-common), about
 * 49,000 passwords ranked by how often they appear in breach corpora. Picked because it ships
 * inside an npm package (no network, no download at start), is maintained with zxcvbn-ts (which
 * the apps' strength meter uses too, so the meter and the server agree on what is common), and is
 * MIT-licensed. Compared in lower case.
 */
const BLOCKLIST: ReadonlySet<string> = new Set(dictionary['passwords-common'].map((word) => word.toLowerCase()));

/** Our own name: a password of "portico" plus digits is as expected as the username. */
const SERVICE_WORDS = ['portico'];

/** Rows and runs people type as "random": alphabet, digits (0 after 9, and around again), keyboard rows and columns. */
const SEQUENCES = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890123456789',
  'qwertyuiop', 'asdfghjkl', 'zxcvbnm', // QWERTY
  'qwertzuiopü', 'asdfghjklöä', 'yxcvbnm', // QWERTZ
  'azertyuiop', 'qsdfghjklm', 'wxcvbn', // AZERTY
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p', // QWERTY columns
  '789456123', '147258369', // keypad
].flatMap((sequence) => [sequence, [...sequence].reverse().join('')]);

/** Look-alike substitutions people use to dress up a common word (p@ssw0rd). */
const LEET: Record<string, string> = { '4': 'a', '@': 'a', '8': 'b', '(': 'c', '3': 'e', '6': 'g', '9': 'g', '!': 'i', '|': 'i', '0': 'o', '5': 's', '$': 's', '7': 't', '+': 't', '2': 'z' };

/** Digits, punctuation or spaces added around a weak core ("Password2024!") add this many characters at most. */
const MAX_DECORATION = 6;

/**
 * The first rule a password breaks, as a message key with its parameters, or null when it is
 * acceptable. Order: length, then personal, common, simple (the most helpful message first).
 */
export function passwordProblem(password: string, context: PasswordContext): PasswordProblem | null {
  const length = [...password].length; // code points: an emoji is one character
  const min = PASSWORD_MIN_LENGTH[context.holder];
  if (length < min) return { key: 'auth.passwordTooShort', params: { min } };
  if (length > PASSWORD_MAX_LENGTH) return { key: 'auth.passwordTooLong', params: { max: PASSWORD_MAX_LENGTH } };
  const words = personalWords(context);
  const text = fold(password);
  if (isPersonal(text, words)) return { key: 'auth.passwordTooPersonal' };
  if (isCommon(text)) return { key: 'auth.passwordTooCommon' };
  if (isSimple(text) || isRepeated(text, words)) return { key: 'auth.passwordTooSimple' };
  return null;
}

/** Throws BAD_USER_INPUT on `field` (newPassword) when the password breaks a rule. */
export function assertAcceptablePassword(password: string, context: PasswordContext, field = 'newPassword'): void {
  const problem = passwordProblem(password, context);
  if (problem) throw new AppError('BAD_USER_INPUT', problem.key, { field, params: problem.params });
}

/** Lower case, compatibility-normalized, accents dropped: "Ëri­ka" and "erika" compare equal. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

const lettersOnly = (text: string) => text.replace(/[^\p{L}]/gu, '');
const withoutPunctuation = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The username, the name, the email's local part and our own name, each whole and in its parts
 * (at least 3 letters), as letters only and as letters and digits, so "jane.doe42" also yields
 * "janedoe" and "jane".
 */
function personalWords(context: PasswordContext): Set<string> {
  const words = new Set<string>(SERVICE_WORDS);
  const add = (value: string | undefined) => {
    if (!value) return;
    const folded = fold(value);
    const parts = folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    for (const candidate of [withoutPunctuation(folded), lettersOnly(folded), ...parts, ...parts.map(lettersOnly), parts.slice().reverse().join('')]) {
      if (candidate.length >= 3) words.add(candidate);
    }
  };
  add(context.username);
  add(context.name);
  add(context.email?.split('@')[0]);
  return words;
}

/** The password split into what is around its letters and the rest: "!!jane.doe2024" → "!!", "jane.doe", "2024". */
function split(text: string): { core: string; decoration: string } {
  const match = /^([^\p{L}]*)(.*?)([^\p{L}]*)$/su.exec(text)!;
  return { core: match[2], decoration: match[1] + match[3] };
}

/** The core as typed, without punctuation, and with look-alikes read as letters. */
function variants(core: string): Set<string> {
  const leet = (text: string, one: string) => [...text].map((c) => (c === '1' ? one : (LEET[c] ?? c))).join('');
  const forms = [core, leet(core, 'i'), leet(core, 'l')];
  return new Set([...forms, ...forms.map(withoutPunctuation)].filter(Boolean));
}

/** Decoration that adds little: a few characters, or runs and sequences ("2024!", "!!1234567890"). */
function isWeakDecoration(decoration: string): boolean {
  return decoration.length <= MAX_DECORATION || trivialSegments(decoration) <= 2;
}

/** The core is the username, the name or the email local part (or made of them), give or take digits and punctuation. */
function isPersonal(text: string, words: Set<string>): boolean {
  // A word with digits of its own ("pat.example.123456-2024"): the word, then nothing but a little decoration.
  const compact = withoutPunctuation(text);
  for (const word of words) {
    if (!compact.includes(word)) continue;
    const rest = compact.replace(word, '');
    if (!/\p{L}/u.test(rest) && isWeakDecoration(rest)) return true;
  }
  const { core, decoration } = split(text);
  if (!core || !isWeakDecoration(decoration)) return false;
  return [...variants(core)].some((form) => words.has(form) || words.has(lettersOnly(form)) || isMadeOf(lettersOnly(form), words));
}

/** The whole text is a concatenation of the given words ("erikaerika", "porticoerika"). */
function isMadeOf(text: string, words: Set<string>): boolean {
  if (text.length === 0) return false;
  const reachable = new Array<boolean>(text.length + 1).fill(false);
  reachable[0] = true;
  for (let end = 1; end <= text.length; end++) {
    for (let start = 0; start < end && !reachable[end]; start++) {
      if (reachable[start] && end - start >= 3 && words.has(text.slice(start, end))) reachable[end] = true;
    }
  }
  return reachable[text.length];
}

/** In the blocklist as a whole, or its core is, with at most a little decoration ("P@ssw0rd2024!"). */
function isCommon(text: string): boolean {
  if ([...variants(text)].some((form) => BLOCKLIST.has(form))) return true;
  const { core, decoration } = split(text);
  return !!core && isWeakDecoration(decoration) && [...variants(core)].some((form) => BLOCKLIST.has(form));
}

/** Made of at most three runs and sequences: "aaaaaaaaaa", "1234567890", "abcdefghijkl", "aaaa1111bbbb", "qwerty123456". */
function isSimple(text: string): boolean {
  return trivialSegments(text) <= 3;
}

/**
 * The fewest pieces the text splits into when each piece is a run of one character ("aaaa") or at
 * least 3 characters of a sequence ("defg", "7890", "poiuy"). A random text needs about one piece
 * per character.
 */
function trivialSegments(text: string): number {
  const chars = [...text];
  const best = new Array<number>(chars.length + 1).fill(Infinity);
  best[0] = 0;
  for (let end = 1; end <= chars.length; end++) {
    for (let start = end - 1; start >= 0; start--) {
      const piece = chars.slice(start, end).join('');
      const run = chars.slice(start, end).every((c) => c === chars[start]);
      const inSequence = SEQUENCES.some((s) => s.includes(piece));
      // A longer piece (starting earlier) contains this one, so it cannot be a run or sequence either.
      if (!run && !inSequence) break;
      if (run || end - start >= 3) best[end] = Math.min(best[end], best[start] + 1);
    }
  }
  return best[chars.length];
}

/** A short unit, or a weak one, said again and again: "abcabcabcabc", "passwordpassword", "jane.doejane.doe". */
function isRepeated(text: string, words: Set<string>): boolean {
  const chars = [...text];
  for (let period = 1; period * 2 <= chars.length; period++) {
    if (!chars.every((c, i) => i < period || c === chars[i - period])) continue;
    const unit = chars.slice(0, period).join('');
    return period <= 4 || isPersonal(unit, words) || isCommon(unit) || isSimple(unit);
  }
  return false;
}
