import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPortico, type TestPortico } from './test/harness.js';

describe('server', () => {
  let portico: TestPortico;
  beforeAll(async () => (portico = await startTestPortico()));
  afterAll(() => portico.stop());

  it('answers /healthz when the database answers', async () => {
    const response = await fetch(`${portico.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('serves GraphQL to anonymous callers for public facts', async () => {
    const data = await portico.anonymous().ok<{ serverInfo: { languages: string[] } }>('{ serverInfo { version languages } }');
    expect(data.serverInfo.languages).toEqual(['EN', 'FR', 'DE', 'ES', 'IT']);
  });

  it('hides internals of unexpected errors', async () => {
    const result = await portico.anonymous().request('{ nope }');
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
