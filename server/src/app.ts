import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_THROTTLE, SignInThrottle, type ThrottleLimits } from './auth/sign-in-throttle.js';
import type { PorticoConfig } from './config.js';
import { EmbeddedPostgres } from './db/embedded-postgres.js';
import { ormConfig } from './db/mikro-orm.config.js';
import { Reads } from './db/reads.js';
import { buildPorticoSchema, edgeParts, entities } from './composition.js';
import type { AppServices } from './context.js';
import { createHttpServer } from './graphql/http-server.js';
import { childLogger, createLogger, lineDestination, type Logger } from './logging/logger.js';
import { boundedDeliveries, DEFAULT_LIMITS, type LimitSettings } from './graphql/limits.js';
import { receiveMail } from './mail/inbound-mail.js';
import { startInboundSmtp } from './mail/inbound-smtp.js';
import { createMailer } from './mail/mailer.js';
import { PostgresEventBus, type Topic } from './pubsub/event-bus.js';
import { createDnsLookup } from './settings/domain-check.js';
import { SettingsCache } from './settings/settings-cache.js';
import { loadSettings } from './settings/settings.service.js';
import { DEFAULT_EMAIL_DELIVERY } from './mail/outbox.js';
import { registerSideEffects } from './handlers.js';
import { DEFAULT_JOB_RUNNER_OPTIONS, JobRunner } from './queue/jobs.js';
import { SecretBox } from './queue/secret-box.js';
import { CommandSigner } from './devices/command-signing.js';
import { DevicePresence } from './devices/device-presence.js';
import { ensureFirstAdmin } from './technicians/technician.service.js';

export interface StartOptions {
  /** Where the server logs (logging/logger.ts); a JSON logger on stdout when absent. */
  logger?: Logger;
  /** Receives each JSON log line instead of stdout (when no `logger`). */
  log?: (line: string) => void;
  throttle?: ThrottleLimits;
  /** Sees every SQL statement the server sends, through the ORM or the read paths (benchmarks and tests count statements per request with it). */
  onQuery?: (sql: string) => void;
  /** The API's limits (graphql/limits.ts); some may be overridden, e.g. by tests that send thousands of requests. */
  limits?: Partial<LimitSettings>;
}

export interface RunningPortico {
  /** Base URL the server listens on, e.g. http://127.0.0.1:4000 */
  url: string;
  orm: MikroORM;
  services: AppServices;
  logger: Logger;
  /** This instance's job workers (tests wait for `jobs.drain()` before asserting on side effects). */
  jobs: JobRunner;
  /** Open live subscriptions of this instance to a topic (tests wait for theirs to be in place). */
  liveSubscriptions(topic: Topic): number;
  /** Port of the inbound SMTP listener, when on. */
  inboundSmtpPort?: number;
  stop(): Promise<void>;
}

/** Starts the database (embedded when no URL), migrates, and serves HTTP + WebSocket. */
export async function startPortico(config: PorticoConfig, options: StartOptions = {}): Promise<RunningPortico> {
  const logger = options.logger ?? createLogger(options.log ? { destination: lineDestination(options.log) } : {});
  const log = (line: string) => logger.info(line);
  const database = childLogger(logger, { component: 'postgres' });
  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = new EmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedDatabasePort, log: (line) => /FATAL|PANIC|ERROR/.test(line) && database.error(line), notice: (line) => database.info(line) });
    const serverUrl = await embedded.start();
    await EmbeddedPostgres.createDatabase(serverUrl, 'portico');
    databaseUrl = serverUrl.replace(/\/postgres$/, '/portico');
    log(`Embedded PostgreSQL running with data in ${config.dataDir}`);
  }

  const onQuery = options.onQuery;
  const orm = await MikroORM.init(ormConfig(databaseUrl, entities, onQuery ? { debug: ['query'], logger: (message) => onQuery(message) } : {}));
  try {
    await orm.getMigrator().up();
    await JobRunner.migrate(databaseUrl);
    // The generated password is shown once on the console, never in the log.
    await ensureFirstAdmin(orm.em.fork(), config.adminUsername, config.adminPassword, (line) => process.stderr.write(`${line}\n`));
    await loadSettings(orm.em.fork()); // creates the settings row with its defaults on first start
    const busLog = childLogger(logger, { component: 'events' });
    const events = new PostgresEventBus(databaseUrl, (message) => busLog.warn(message));
    await events.start();
    const settingsCache = new SettingsCache(orm);
    await settingsCache.start(events);
    const secrets = SecretBox.fromConfig(config.secret, config.dataDir);
    const limits: LimitSettings = { ...DEFAULT_LIMITS, ...options.limits };
    // Subscriptions receive events through a bounded number of concurrent deliveries (limits.ts); publishing is unchanged.
    const mailer = createMailer(config.smtpUrl, config.mailFrom);
    const reads = new Reads(orm.em.getKnex(), onQuery);
    const { domainEvents, jobs: jobRegistry, deviceExpiry } = registerSideEffects({
      orm, reads, bus: events, mailer, secrets, publicUrl: config.publicUrl, logger,
      email: { ...DEFAULT_EMAIL_DELIVERY, retryBaseMs: config.outboxRetryBaseMs, hostname: new URL(config.publicUrl).hostname },
    });
    const services: AppServices = {
      config, domainEvents, settingsCache, events: boundedDeliveries(events, limits.concurrentDeliveries), secrets,
      dns: createDnsLookup(config.dnsServers), throttle: new SignInThrottle(orm.em.getKnex(), options.throttle ?? DEFAULT_THROTTLE), logger,
      reads,
      devices: { signer: new CommandSigner(secrets), presence: new DevicePresence(orm, events), expiry: deviceExpiry },
    };
    services.devices.presence.start();
    deviceExpiry.start();
    const jobsLog = childLogger(logger, { component: 'jobs' });
    const jobs = new JobRunner(databaseUrl, jobRegistry, { ...DEFAULT_JOB_RUNNER_OPTIONS, log: (level, message) => jobsLog[level](message) });
    const schema = await buildPorticoSchema(events);
    const root = repositoryRoot();
    const { httpServer, stop: stopApollo } = await createHttpServer({
      orm, schema, config, logger, ...edgeParts(orm, services),
      portalDir: join(root, 'portal-client', 'dist'),
      adminDir: join(root, 'admin-client', 'dist'),
      limits,
    });
    await new Promise<void>((ready) => httpServer.listen(config.port, config.host, ready));
    await jobs.start();
    const inboundSmtp = config.inboundSmtpPort === undefined
      ? undefined
      : await startInboundSmtp(config.inboundSmtpPort, config.host, (raw) => receiveMail(orm, services, raw));
    if (inboundSmtp) log(`Receiving support mail by SMTP on port ${inboundSmtp.port}`);
    const { port } = httpServer.address() as AddressInfo;
    const url = `${config.tlsCertFile ? 'https' : 'http'}://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;

    return {
      url,
      orm,
      services,
      logger,
      jobs,
      liveSubscriptions: (topic) => events.local.count(topic),
      inboundSmtpPort: inboundSmtp?.port,
      async stop() {
        await inboundSmtp?.close();
        await stopApollo();
        await jobs.stop();
        await deviceExpiry.stop();
        mailer.close();
        settingsCache.stop();
        services.devices.presence.stop();
        await events.close();
        await orm.close(true);
        await embedded?.stop();
      },
    };
  } catch (error) {
    await orm.close(true);
    await embedded?.stop();
    throw error;
  }
}

/** The checkout's root, found from this file whether it runs from src/ or from the compiled dist/. */
function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'portal-client')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
