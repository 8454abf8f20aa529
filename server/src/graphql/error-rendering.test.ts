import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Language } from '../i18n/language.js';
import { translate } from '../i18n/translate.js';
import { buildContact } from '../test/factories.js';
import type { GraphQLTestClient } from '../test/graphql-client.js';
import { startTestPortico, type TestPortico } from '../test/harness.js';

/**
 * AppError (core/errors.ts) knows no transport; each edge renders it the same way: the code (and
 * field) and the message in the caller's language, over GraphQL on HTTP, over WebSocket and on the
 * plain HTTP routes (/attachments, /inbound-mail).
 */
describe('errors rendered at every edge', { timeout: 60_000 }, () => {
  let portico: TestPortico;
  let german: GraphQLTestClient;
  const SECRET = 'error-rendering-secret';

  beforeAll(async () => {
    portico = await startTestPortico({ inboundMailSecret: SECRET });
    german = await (await buildContact(portico, { language: Language.DE })).signIn();
  });
  afterAll(() => portico?.stop());

  const rendered = (language: Language, code: string, key: Parameters<typeof translate>[1], extra: Record<string, unknown> = {}) =>
    ({ error: code, errors: [{ message: translate(language, key), extensions: { code, ...extra } }] });

  it('the same NOT_FOUND over GraphQL on HTTP and over WebSocket, in the account language', async () => {
    const query = `{ ticket(id: "${randomUUID()}") { id } }`;
    const overHttp = await german.errorOf(query);
    const ws = german.websocket();
    const overWs = await new Promise<unknown>((resolve) => ws.subscribe({ query }, { next: resolve, error: resolve, complete: () => resolve('completed') }));
    await ws.dispose();
    expect(overHttp).toMatchObject({ message: translate(Language.DE, 'errors.notFound'), extensions: { code: 'NOT_FOUND' } });
    expect((overWs as { errors?: unknown[] }).errors?.[0]).toEqual(overHttp);
  });

  it('/attachments answers AppErrors as JSON with the code and the translated message', async () => {
    const url = `${portico.url}/attachments/${randomUUID()}`;
    const anonymous = await fetch(url, { headers: { 'accept-language': 'fr' } });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual(rendered(Language.FR, 'UNAUTHENTICATED', 'errors.unauthenticated'));

    const missing = await fetch(url, { headers: { authorization: `Bearer ${german.token}` } });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual(rendered(Language.DE, 'NOT_FOUND', 'errors.notFound'));
  });

  it('/inbound-mail answers AppErrors as JSON with the code and the translated message', async () => {
    const url = `${portico.url}/inbound-mail`;
    const wrongSecret = await fetch(url, { method: 'POST', headers: { 'x-inbound-secret': 'wrong', 'accept-language': 'it' }, body: 'x' });
    expect(wrongSecret.status).toBe(403);
    expect(await wrongSecret.json()).toEqual(rendered(Language.IT, 'FORBIDDEN', 'errors.forbidden'));

    const empty = await fetch(url, { method: 'POST', headers: { 'x-inbound-secret': SECRET, 'accept-language': 'es' } });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual(rendered(Language.ES, 'BAD_USER_INPUT', 'errors.invalidInput', { field: 'body' }));
  });
});
