import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session } from '../auth/session.entity.js';
import { buildContact } from '../test/factories.js';
import { GraphQLTestClient } from '../test/graphql-client.js';
import { ADMIN_PASSWORD, ADMIN_USERNAME, startTestPortico, type TestPortico } from '../test/harness.js';
import { untilMoreThan } from '../test/live.js';

const SIGN_IN = 'mutation($input: SignInInput!) { signIn(input: $input) { token expiresAt viewer { __typename ... on Contact { id language } ... on Technician { id role } } } }';
const ME = '{ me { __typename ... on Contact { id name customer { name } } ... on Technician { id role } } }';

describe('sign-in and sessions', () => {
  let portico: TestPortico;
  beforeAll(async () => (portico = await startTestPortico({ throttle: { perAccountAndIp: 3, perIp: 1000, windowSeconds: 60 } })));
  afterAll(() => portico.stop());

  it('signs a contact in, sets an HttpOnly cookie, and accepts the cookie and the bearer token', async () => {
    const contact = await buildContact(portico);
    const response = await portico.anonymous().raw(SIGN_IN, { input: { username: contact.username, password: contact.password } });
    const body = await response.json();
    expect(body.data.signIn.viewer).toMatchObject({ __typename: 'Contact', id: contact.contact.id });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/portico_session=pts_[\w-]+; Path=\/; Expires=.*; HttpOnly; SameSite=Lax/);

    const viaCookie = await portico.anonymous().withHeaders({ cookie: cookie.split(';')[0] }).ok(ME);
    expect(viaCookie.me).toMatchObject({ __typename: 'Contact', id: contact.contact.id, customer: { name: contact.customer.name } });
    const viaBearer = await new GraphQLTestClient(portico.url, body.data.signIn.token).ok(ME);
    expect(viaBearer.me.id).toBe(contact.contact.id);
  });

  it('stores only a hash of the session token', async () => {
    const contact = await buildContact(portico);
    const client = await contact.signIn();
    const sessions = await portico.orm.em.fork().find(Session, { account: { username: contact.contact.username } });
    expect(sessions).toHaveLength(1);
    expect(sessions[0].tokenHash).not.toContain(client.token!.slice(4));
    expect(sessions[0].tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers me with null when not signed in, and with null for a made-up token', async () => {
    expect((await portico.anonymous().ok(ME)).me).toBeNull();
    expect((await new GraphQLTestClient(portico.url, 'pts_made-up').ok(ME)).me).toBeNull();
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const contact = await buildContact(portico);
    const wrongPassword = await portico.anonymous().errorOf(SIGN_IN, { input: { username: contact.username, password: 'not-the-password' } });
    const unknownUser = await portico.anonymous().errorOf(SIGN_IN, { input: { username: 'nobody.at.all', password: 'not-the-password' } });
    expect(wrongPassword.extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknownUser).toEqual(wrongPassword);
  });

  it('refuses an account from an address after repeated failures there with RATE_LIMITED, even for the right password', async () => {
    const contact = await buildContact(portico);
    for (let i = 0; i < 3; i++) {
      const error = await portico.anonymous().errorOf(SIGN_IN, { input: { username: contact.username, password: `wrong-${i}` } });
      expect(error.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const blocked = await portico.anonymous().errorOf(SIGN_IN, { input: { username: contact.username, password: contact.password } });
    expect(blocked.extensions?.code).toBe('RATE_LIMITED');
    expect(blocked.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    // Another account from the same address is not affected by this pair's counter (other addresses: throttle.test.ts).
    const other = await buildContact(portico);
    await expect(other.signIn()).resolves.toBeInstanceOf(GraphQLTestClient);
  });

  it('throttles failures per IP across accounts', async () => {
    const strict = await startTestPortico({ throttle: { perAccountAndIp: 100, perIp: 2, windowSeconds: 60 } });
    try {
      for (const name of ['first.unknown', 'second.unknown']) {
        expect((await strict.anonymous().errorOf(SIGN_IN, { input: { username: name, password: 'x' } })).extensions?.code).toBe('UNAUTHENTICATED');
      }
      const blocked = await strict.anonymous().errorOf(SIGN_IN, { input: { username: ADMIN_USERNAME, password: ADMIN_PASSWORD } });
      expect(blocked.extensions?.code).toBe('RATE_LIMITED');
    } finally {
      await strict.stop();
    }
  });

  it('translates errors into the browser language when nobody is signed in', async () => {
    const german = await portico.anonymous().withHeaders({ 'accept-language': 'de-CH,de;q=0.9,en;q=0.5' }).errorOf(SIGN_IN, { input: { username: 'x.y.z', password: 'x' } });
    expect(german.message).toBe('Benutzername oder Passwort ist falsch.');
    const italian = await portico.anonymous().withHeaders({ 'accept-language': 'it' }).errorOf(SIGN_IN, { input: { username: 'x.y.z', password: 'x' } });
    expect(italian.message).toBe('Nome utente o password errati.');
  });

  it('sets a contact’s language from the browser at the first sign-in only', async () => {
    const contact = await buildContact(portico, { language: null });
    const first = await portico.anonymous().withHeaders({ 'accept-language': 'fr-FR' }).ok(SIGN_IN, { input: { username: contact.username, password: contact.password } });
    expect(first.signIn.viewer.language).toBe('FR');
    const second = await portico.anonymous().withHeaders({ 'accept-language': 'es' }).ok(SIGN_IN, { input: { username: contact.username, password: contact.password } });
    expect(second.signIn.viewer.language).toBe('FR');
  });

  it('signs out one session, and everywhere', async () => {
    const contact = await buildContact(portico);
    const [laptop, phone, tablet] = [await contact.signIn(), await contact.signIn(), await contact.signIn()];
    await laptop.ok('mutation { signOut }');
    expect((await laptop.ok(ME)).me).toBeNull();
    expect((await phone.ok(ME)).me).not.toBeNull();

    await phone.ok('mutation { signOutEverywhere }');
    expect((await phone.ok(ME)).me).toBeNull();
    expect((await tablet.ok(ME)).me).toBeNull();
    expect((await portico.anonymous().errorOf('mutation { signOutEverywhere }')).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('changes the password: the old one stops working, other sessions end, this one stays', async () => {
    const contact = await buildContact(portico);
    const [current, other] = [await contact.signIn(), await contact.signIn()];
    const CHANGE = 'mutation($input: ChangePasswordInput!) { changePassword(input: $input) }';

    const wrong = await current.errorOf(CHANGE, { input: { currentPassword: 'nope-nope-nope', newPassword: 'a-brand-new-password' } });
    expect(wrong.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
    const short = await current.errorOf(CHANGE, { input: { currentPassword: contact.password, newPassword: 'short' } });
    expect(short.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    const common = await current.errorOf(CHANGE, { input: { currentPassword: contact.password, newPassword: 'Password2024!' } });
    expect(common).toMatchObject({ message: 'This password is too common: it appears in lists of leaked passwords. Please choose another.', extensions: { code: 'BAD_USER_INPUT', field: 'newPassword' } });
    const own = await current.errorOf(CHANGE, { input: { currentPassword: contact.password, newPassword: `${contact.username}-2024` } });
    expect(own.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    expect(own.message).toContain('must not be your username');
    await expect(GraphQLTestClient.signIn(portico.url, contact.username, contact.password)).resolves.toBeTruthy(); // unchanged so far

    await current.ok(CHANGE, { input: { currentPassword: contact.password, newPassword: 'a-brand-new-password' } });
    expect((await current.ok(ME)).me).not.toBeNull();
    expect((await other.ok(ME)).me).toBeNull();
    await expect(GraphQLTestClient.signIn(portico.url, contact.username, contact.password)).rejects.toThrow();
    await expect(GraphQLTestClient.signIn(portico.url, contact.username, 'a-brand-new-password')).resolves.toBeTruthy();
  });

  it('saves the own language and answers errors in it from the next request on', async () => {
    const contact = await buildContact(portico, { language: null });
    const client = await contact.signIn();
    await client.ok('mutation { updateMyPreferences(input: { language: DE }) { ... on Contact { language } } }');
    const error = await client.withHeaders({ 'accept-language': 'en' }).errorOf('{ technicians { totalCount } }');
    expect(error).toMatchObject({ message: 'Dazu sind Sie nicht berechtigt.', extensions: { code: 'FORBIDDEN' } });
  });

  it('tells an open WebSocket when its session ends', async () => {
    const contact = await buildContact(portico);
    const client = await contact.signIn();
    const before = portico.liveSubscriptions('SESSIONS_REVOKED');
    const ws = client.websocket();
    const events: unknown[] = [];
    const connected = new Promise<void>((resolve) => ws.on('connected', () => resolve()));
    const ended = new Promise<void>((resolve, reject) =>
      ws.subscribe({ query: 'subscription { sessionEnded { endedAt } }' }, { next: (v) => { events.push(v); resolve(); }, error: reject, complete: () => undefined }),
    );
    await connected;
    await untilMoreThan(portico, 'SESSIONS_REVOKED', before); // the subscription is in place

    // Another session of someone else ending must not reach this connection.
    await (await buildContact(portico)).signIn().then((c) => c.ok('mutation { signOut }'));
    const admin = await portico.admin();
    await admin.ok('mutation($id: ID!) { reissueContactCredentials(id: $id) { username } }', { id: contact.contact.id });
    await ended;
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ data: { sessionEnded: { endedAt: expect.any(String) } } });
    await ws.dispose();
  });

  it('refuses a sessionEnded subscription without a session', async () => {
    const ws = portico.anonymous().websocket();
    // graphql-js reports a failing subscribe as one result with errors, then the stream completes.
    const first = await new Promise<unknown>((resolve) =>
      ws.subscribe({ query: 'subscription { sessionEnded { endedAt } }' }, { next: resolve, error: resolve, complete: () => resolve('completed') }),
    );
    expect(first).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    await ws.dispose();
  });
});
