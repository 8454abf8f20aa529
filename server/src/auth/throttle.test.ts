import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContact } from '../test/factories.js';
import type { GraphQLResponse } from '../test/graphql-client.js';
import { startTestPortico, type TestPortico } from '../test/harness.js';
import { addressKey, slowDown, type ThrottleLimits } from './sign-in-throttle.js';

const SIGN_IN = 'mutation($input: SignInInput!) { signIn(input: $input) { token } }';
const CHANGE = 'mutation($input: ChangePasswordInput!) { changePassword(input: $input) }';

const LIMITS: ThrottleLimits = { windowSeconds: 60, perAccountAndIp: 5, perIp: 12, slowDownAfter: 10, maxDelayMs: 300, passwordChangeFailures: 3 };

const codeOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions?.code ?? 'OK';

describe('sign-in throttle (real server; client addresses through X-Forwarded-For)', () => {
  let portico: TestPortico;
  beforeAll(async () => (portico = await startTestPortico({ throttle: LIMITS, trustProxy: 'loopback' })));
  afterAll(() => portico.stop());

  const signInFrom = (ip: string, username: string, password: string) =>
    portico.anonymous().withHeaders({ 'x-forwarded-for': ip }).request<{ signIn: { token: string } }>(SIGN_IN, { input: { username, password } });

  it('refuses the attacker’s address after N failures; the owner signs in from another address', async () => {
    const owner = await buildContact(portico);
    for (let i = 0; i < LIMITS.perAccountAndIp; i++) expect(codeOf(await signInFrom('203.0.113.7', owner.username, `wrong-${i}`))).toBe('UNAUTHENTICATED');

    const refused = await signInFrom('203.0.113.7', owner.username, owner.password);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
    expect(refused.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.errors?.[0].extensions?.retryAfterSeconds).toBeLessThanOrEqual(LIMITS.windowSeconds);

    const owners = await signInFrom('198.51.100.20', owner.username, owner.password);
    expect(owners.data?.signIn.token).toMatch(/^pts_/);
    // Still refused where the failures came from.
    expect(codeOf(await signInFrom('203.0.113.7', owner.username, owner.password))).toBe('RATE_LIMITED');
  });

  it('lets the owner in after 100 failures from elsewhere, only slowed down', async () => {
    const owner = await buildContact(portico);
    // 20 attacking addresses, 5 failures each (their pair limit; their address limit is not reached).
    // The first address fails over HTTP; the other 95 failures go straight through the server's own
    // throttle object (what signIn does before checking a password, never given back), because 95 more
    // argon2 verifications would only make the test slow on a busy machine.
    const addresses = Array.from({ length: 20 }, (_, n) => `192.0.2.${n + 1}`);
    for (let i = 0; i < LIMITS.perAccountAndIp; i++) expect(codeOf(await signInFrom(addresses[0], owner.username, `guess-${i}`))).toBe('UNAUTHENTICATED');
    await Promise.all(
      addresses.slice(1).map(async (ip) => {
        for (let i = 0; i < LIMITS.perAccountAndIp; i++) await portico.services.throttle.admitSignIn(owner.username, ip);
      }),
    );
    expect(codeOf(await signInFrom(addresses[0], owner.username, owner.password))).toBe('RATE_LIMITED');
    expect(codeOf(await signInFrom(addresses[19], owner.username, owner.password))).toBe('RATE_LIMITED');

    const started = Date.now();
    const owners = await signInFrom('198.51.100.30', owner.username, owner.password);
    const waited = Date.now() - started;
    expect(owners.data?.signIn.token).toMatch(/^pts_/);
    expect(waited).toBeGreaterThanOrEqual(LIMITS.maxDelayMs - 20);
    // A typo from the owner's address is a wrong password, not a refusal.
    expect(codeOf(await signInFrom('198.51.100.30', owner.username, 'a-typo-here'))).toBe('UNAUTHENTICATED');
  });

  it('counts unknown usernames exactly like known ones', async () => {
    const known = await buildContact(portico);
    const answers = async (username: string, ip: string) => {
      const seen: unknown[] = [];
      for (let i = 0; i <= LIMITS.perAccountAndIp; i++) {
        const error = (await signInFrom(ip, username, `wrong-${i}`)).errors?.[0];
        // The seconds to wait depend on when each run started: compared without the number.
        seen.push({ message: error?.message.replace(/\d+/g, 'N'), code: error?.extensions?.code });
      }
      return seen;
    };
    const forKnown = await answers(known.username, '198.51.100.41');
    const forUnknown = await answers('nobody.by.this.name', '198.51.100.42');
    expect(forUnknown).toEqual(forKnown);
    expect(forKnown.at(-1)).toMatchObject({ code: 'RATE_LIMITED' });
  });

  it('refuses one address that tries many usernames; other addresses are not affected', async () => {
    const contact = await buildContact(portico);
    for (let i = 0; i < LIMITS.perIp; i++) expect(codeOf(await signInFrom('198.51.100.77', `someone.${i}`, 'wrong-password'))).toBe('UNAUTHENTICATED');
    const refused = await signInFrom('198.51.100.77', contact.username, contact.password);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect((await signInFrom('198.51.100.78', contact.username, contact.password)).data?.signIn.token).toMatch(/^pts_/);
  });

  it('gives the attempt back on success: the owner signing in often from one address is never refused', async () => {
    const contact = await buildContact(portico);
    for (let i = 0; i < LIMITS.perIp + 2; i++) expect(codeOf(await signInFrom('198.51.100.90', contact.username, contact.password))).toBe('OK');
  });

  it('throttles wrong current passwords in changePassword per account', async () => {
    const contact = await buildContact(portico);
    const client = await contact.signIn();
    // Refused new passwords are checked first and do not count.
    for (let i = 0; i < LIMITS.passwordChangeFailures + 2; i++) {
      const error = await client.errorOf(CHANGE, { input: { currentPassword: 'not-it-at-all', newPassword: 'password1234' } });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    }
    for (let i = 0; i < LIMITS.passwordChangeFailures; i++) {
      const error = await client.errorOf(CHANGE, { input: { currentPassword: `guess-${i}-of-it`, newPassword: 'a-brand-new-password' } });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
    }
    const refused = await client.errorOf(CHANGE, { input: { currentPassword: contact.password, newPassword: 'a-brand-new-password' } });
    expect(refused.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.message).toMatch(/^Too many attempts\. Please wait \d+ seconds and try again\.$/);

    // Another account is not affected, and a right current password clears its counter.
    const other = await buildContact(portico);
    const otherClient = await other.signIn();
    const wrong = await otherClient.errorOf(CHANGE, { input: { currentPassword: 'not-it-at-all', newPassword: 'another-new-password' } });
    expect(wrong.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await otherClient.ok(CHANGE, { input: { currentPassword: other.password, newPassword: 'another-new-password' } })).toEqual({ changePassword: true });
  });
});

describe('throttle helpers', () => {
  it('slows an account down from its limit on, doubling up to the maximum', () => {
    const limits = { slowDownAfter: 10, maxDelayMs: 3000 };
    expect([0, 9, 10, 11, 12, 13, 14, 100, 1e6].map((failures) => slowDown(failures, limits))).toEqual([0, 0, 250, 500, 1000, 2000, 3000, 3000, 3000]);
  });

  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:0db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['unknown', 'unknown'],
  ])('counts %s as %s', (ip, key) => expect(addressKey(ip)).toBe(key));
});
