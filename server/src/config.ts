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
  /** SMTP server for outgoing mail (smtp://user:pass@host:587); unset = development sink. */
  smtpUrl?: string;
  /** From address of outgoing mail. */
  mailFrom: string;
  /** Key material for secrets waiting in the database; unset = a key file in dataDir. */
  secret?: string;
  /** First retry delay of the outbox (doubles per attempt). */
  outboxRetryBaseMs: number;
  /** DNS servers for the custom-domain check (e.g. 10.0.0.53 or 127.0.0.1:5353); unset = the system's. */
  dnsServers?: string[];
  /** Serve HTTPS directly with these PEM files (otherwise HTTP, e.g. behind a reverse proxy). */
  tlsCertFile?: string;
  tlsKeyFile?: string;
  /** Port of the built-in SMTP listener for the support address (unset = off; 0 = any free port). */
  inboundSmtpPort?: number;
  /** Shared secret for POST /inbound-mail (header X-Inbound-Secret); unset = endpoint off. */
  inboundMailSecret?: string;
  /** Port of the embedded PostgreSQL. */
  embeddedDatabasePort: number;
  /** NODE_ENV=development (`npm run dev`): schema introspection for everybody, WebSocket upgrades from any origin (Vite's dev servers). */
  development: boolean;
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
    dnsServers: env.DNS_SERVERS ? env.DNS_SERVERS.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
    tlsCertFile: env.TLS_CERT_FILE || undefined,
    inboundSmtpPort: env.INBOUND_SMTP_PORT ? Number(env.INBOUND_SMTP_PORT) : undefined,
    inboundMailSecret: env.INBOUND_MAIL_SECRET || undefined,
    tlsKeyFile: env.TLS_KEY_FILE || undefined,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || 'Portico <portico@localhost>',
    secret: env.PORTICO_SECRET || undefined,
    outboxRetryBaseMs: Number(env.OUTBOX_RETRY_BASE_MS ?? 5000),
    embeddedDatabasePort: Number(env.PORTICO_EMBEDDED_DB_PORT ?? 54329),
    development: env.NODE_ENV === 'development',
  };
}
