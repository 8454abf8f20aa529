import { resolve } from 'node:path';

/** Everything Portico reads from the environment, parsed once at startup (DESIGN.md "environment"). */
export interface PorticoConfig {
  /** PostgreSQL URL; when absent an embedded PostgreSQL is started under `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  host: string;
  port: number;
  /** The URL people use to reach Portico; the portal URL is derived from it. */
  publicUrl: string;
  adminUsername?: string;
  adminPassword?: string;
  /** Express "trust proxy" value (e.g. `loopback`) when behind a reverse proxy, so client IPs are right. */
  trustProxy?: string;
  /** Port of the embedded PostgreSQL. */
  embeddedDatabasePort: number;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): PorticoConfig {
  const port = Number(env.PORT ?? 4000);
  const host = env.HOST ?? '127.0.0.1';
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.PORTICO_DATA_DIR ?? './data'),
    host,
    port,
    publicUrl: (env.PUBLIC_URL ?? `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`).replace(/\/+$/, ''),
    adminUsername: env.PORTICO_ADMIN_USERNAME || undefined,
    adminPassword: env.PORTICO_ADMIN_PASSWORD || undefined,
    trustProxy: env.TRUST_PROXY || undefined,
    embeddedDatabasePort: Number(env.PORTICO_EMBEDDED_DB_PORT ?? 54329),
  };
}
