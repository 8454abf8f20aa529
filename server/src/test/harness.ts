import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { startPortico, type RunningPortico } from '../app.js';
import { DEFAULT_THROTTLE, type ThrottleLimits } from '../auth/sign-in-throttle.js';
import { configFromEnv } from '../config.js';
import { EmbeddedPostgres } from '../db/embedded-postgres.js';
import type { LimitSettings } from '../graphql/limits.js';
import type { Logger } from '../logging/logger.js';
import { GraphQLTestClient } from './graphql-client.js';

export const ADMIN_USERNAME = 'admin';
export const ADMIN_PASSWORD = 'admin-password-for-tests';

/** A fresh, empty database on the test PostgreSQL server. */
export async function createTestDatabase(): Promise<string> {
  const server = inject('databaseServerUrl');
  const name = `portico_test_${randomBytes(6).toString('hex')}`;
  await EmbeddedPostgres.createDatabase(server, name);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface TestPortico extends RunningPortico {
  databaseUrl: string;
  /** A client with no session. */
  anonymous(): GraphQLTestClient;
  /** A client signed in as the first admin. */
  admin(): Promise<GraphQLTestClient>;
}

/**
 * A real Portico on a random port with its own database, migrated, with the first admin created.
 * `throttle` overrides some of the default limits; `trustProxy` (e.g. 'loopback') lets tests pose
 * as several client addresses through X-Forwarded-For; `limits` overrides some of the API's limits
 * (graphql/limits.ts), e.g. the budgets for tests that send thousands of requests; `logger` receives
 * the server's log (silent otherwise).
 */
export async function startTestPortico(options: { throttle?: Partial<ThrottleLimits>; trustProxy?: string; databaseUrl?: string; publicUrl?: string; smtpUrl?: string; inboundSmtpPort?: number; inboundMailSecret?: string; onQuery?: (sql: string) => void; limits?: Partial<LimitSettings>; logger?: Logger } = {}): Promise<TestPortico> {
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  const config = {
    ...configFromEnv({}),
    databaseUrl,
    port: 0,
    host: '127.0.0.1',
    adminUsername: ADMIN_USERNAME,
    adminPassword: ADMIN_PASSWORD,
    secret: 'test-secret',
    smtpUrl: options.smtpUrl,
    inboundSmtpPort: options.inboundSmtpPort,
    inboundMailSecret: options.inboundMailSecret,
    outboxRetryBaseMs: 200,
    trustProxy: options.trustProxy,
  };
  const running = await startPortico({ ...config, publicUrl: options.publicUrl ?? 'http://127.0.0.1' }, { log: () => undefined, logger: options.logger, throttle: options.throttle && { ...DEFAULT_THROTTLE, ...options.throttle }, onQuery: options.onQuery, limits: options.limits });
  return {
    ...running,
    databaseUrl,
    anonymous: () => new GraphQLTestClient(running.url),
    admin: () => GraphQLTestClient.signIn(running.url, ADMIN_USERNAME, ADMIN_PASSWORD),
  };
}
