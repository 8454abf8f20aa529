import type { EntityManager } from '@mikro-orm/postgresql';
import { describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../technicians/technician.service.js';
import { ADMIN_PASSWORD } from '../test/harness.js';
import { assertAcceptablePassword, passwordProblem, PASSWORD_MAX_LENGTH, type PasswordContext } from './password-policy.js';
import { generatePassword } from './passwords.js';

const erika: PasswordContext = { holder: 'contact', username: 'erika.muster', name: 'Erika Müster', email: 'e.muster@acme.example' };
const jane: PasswordContext = { holder: 'technician', username: 'jdoe42', name: 'Jane Doe', email: 'jane.doe@msp.example' };

type Key = 'auth.passwordTooShort' | 'auth.passwordTooLong' | 'auth.passwordTooPersonal' | 'auth.passwordTooCommon' | 'auth.passwordTooSimple' | null;

describe('password policy', () => {
  const cases: Array<[string, PasswordContext, Key, string]> = [
    // Length: 10 for contacts, 12 for technicians, 200 at most, counted in characters (code points).
    ['short', erika, 'auth.passwordTooShort', 'too short'],
    ['Ab3$xk9!Qz', erika, null, 'a contact’s 10 characters'],
    ['Ab3$xk9!Qz', jane, 'auth.passwordTooShort', 'a technician needs 12'],
    ['Ab3$xk9!Qzr7', jane, null, 'a technician’s 12 characters'],
    ['🦊🐙🦉🐝🦋🐢🦔🐧🦩', erika, 'auth.passwordTooShort', '9 emoji are 9 characters, not 18'],
    ['🦊🐙🦉🐝🦋🐢🦔🐧🦩🐳', erika, null, '10 emoji are enough'],
    ['x'.repeat(PASSWORD_MAX_LENGTH - 1) + 'y', erika, 'auth.passwordTooSimple', '200 characters pass the length check'],
    ['Ab3$xk9!Qz'.repeat(20) + 'a', erika, 'auth.passwordTooLong', '201 characters'],
    // The blocklist (breach corpora), also dressed up with case, look-alikes and a little decoration.
    ['password12', erika, 'auth.passwordTooCommon', 'listed as is'],
    ['1234567890', erika, 'auth.passwordTooCommon', 'listed digits'],
    ['qwertyuiop', erika, 'auth.passwordTooCommon', 'a keyboard row that is listed'],
    ['iloveyou12', erika, 'auth.passwordTooCommon', 'listed'],
    ['Password2024!', erika, 'auth.passwordTooCommon', 'a listed word with a year and a mark'],
    ['P@ssw0rd!!', erika, 'auth.passwordTooCommon', 'look-alikes'],
    ['!!Sunshine!!', erika, 'auth.passwordTooCommon', 'decoration on both sides'],
    ['i love you 4ever', erika, null, 'a phrase around a common word'],
    ['sunshine-5839201746', erika, null, 'a common word with ten random digits is not “a little decoration”'],
    // Trivial patterns.
    ['aaaaaaaaaa', erika, 'auth.passwordTooSimple', 'one character repeated'],
    ['abcdefghijkl', erika, 'auth.passwordTooSimple', 'the alphabet'],
    ['lkjihgfedcba', erika, 'auth.passwordTooSimple', 'the alphabet backwards'],
    ['7890123456', erika, 'auth.passwordTooSimple', 'digits around the end'],
    ['aaaa1111bbbb', jane, 'auth.passwordTooSimple', 'three runs'],
    ['abcdef123456', jane, 'auth.passwordTooSimple', 'two sequences'],
    ['5tgb6yhn7ujm', jane, 'auth.passwordTooSimple', 'keyboard columns'],
    ['abcabcabcabc', jane, 'auth.passwordTooSimple', 'a short unit repeated'],
    ['monkeymonkey', jane, 'auth.passwordTooSimple', 'a common word twice'],
    // The person’s own words, with digits or punctuation around them.
    ['erika.muster', erika, 'auth.passwordTooPersonal', 'the username'],
    ['Erika.Muster2024', erika, 'auth.passwordTooPersonal', 'the username with a year'],
    ['!erika.muster!', erika, 'auth.passwordTooPersonal', 'the username with punctuation'],
    ['ErikaMüster', { ...erika, username: 'em1' }, 'auth.passwordTooPersonal', 'the name, accents or not'],
    ['Muster Erika 99', { ...erika, username: 'em1' }, 'auth.passwordTooPersonal', 'the name turned round'],
    ['e.muster#1234', erika, 'auth.passwordTooPersonal', 'the email’s local part'],
    ['jdoe42jdoe42', jane, 'auth.passwordTooPersonal', 'the username twice'],
    ['jdoe!!123456', jane, 'auth.passwordTooPersonal', 'the username’s letters with digits'],
    ['janedoe-2025', jane, 'auth.passwordTooPersonal', 'the name with a year'],
    ['portico2025!', erika, 'auth.passwordTooPersonal', 'our own name'],
    ['pat.example.123456-2024', { holder: 'contact', username: 'pat.example.123456', name: 'Pat Example 123456' }, 'auth.passwordTooPersonal', 'a username with digits of its own, and a year'],
    ['pat.example.123456', { holder: 'contact', username: 'pat.example.123456' }, 'auth.passwordTooPersonal', 'that username as is'],
    ['Erika’s long walk to the lake', erika, null, 'a phrase that merely contains the name'],
    // No composition rules: letters only, digits only, lower case only are fine when not guessable.
    ['correct horse battery staple', erika, null, 'a passphrase'],
    ['vlorpwingusterabe', jane, null, 'only lower-case letters'],
    ['5829104733', erika, null, 'only digits'],
    ['a-brand-new-password', erika, null, 'the tests’ new password'],
    [ADMIN_PASSWORD, { holder: 'technician', username: 'admin', name: 'Administrator', email: 'admin@localhost.localdomain' }, null, 'the test harness’s first admin'],
  ];

  it.each(cases)('%j (%s): %s', (password, context, expected) => {
    expect(passwordProblem(password, context)?.key ?? null).toBe(expected);
  });

  it('names the minimum and maximum in the message parameters', () => {
    expect(passwordProblem('short', erika)).toEqual({ key: 'auth.passwordTooShort', params: { min: 10 } });
    expect(passwordProblem('short', jane)).toEqual({ key: 'auth.passwordTooShort', params: { min: 12 } });
    expect(passwordProblem('Ab3$xk9!Qz'.repeat(21), jane)).toEqual({ key: 'auth.passwordTooLong', params: { max: 200 } });
  });

  it('throws BAD_USER_INPUT on newPassword', () => {
    expect(() => assertAcceptablePassword('aaaaaaaaaaaa', jane)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', messageKey: 'auth.passwordTooSimple', options: { field: 'newPassword', params: undefined } }));
    expect(() => assertAcceptablePassword('vlorpwingusterabe', jane)).not.toThrow();
  });

  it('refuses a weak PORTICO_ADMIN_PASSWORD at the first start, saying why', async () => {
    const firstStart = { count: async () => 0, transactional: async () => expect.fail('no admin may be created') } as unknown as EntityManager;
    await expect(ensureFirstAdmin(firstStart, 'admin', 'admin1234567', () => undefined)).rejects.toThrow(
      'PORTICO_ADMIN_PASSWORD is not accepted: The password must not be your username, name or email address, not even with digits or punctuation added.',
    );
    await expect(ensureFirstAdmin(firstStart, 'root', 'short', () => undefined)).rejects.toThrow('The password must have at least 12 characters.');
    // Later starts do not look at it: the admin exists.
    const laterStart = { count: async () => 1 } as unknown as EntityManager;
    await expect(ensureFirstAdmin(laterStart, 'admin', 'short', () => undefined)).resolves.toBeUndefined();
  });

  it('accepts generated passwords', () => {
    for (let i = 0; i < 2000; i++) {
      const password = generatePassword();
      expect(passwordProblem(password, jane), password).toBeNull();
      expect(passwordProblem(password, erika), password).toBeNull();
    }
  });
});
