import type { EntityManager } from '@mikro-orm/postgresql';
import { EventEmitter } from 'node:events';
import { Logger, makeWorkerUtils, run, runMigrations, type JobHelpers, type Runner, type Task, type WorkerEvents, type WorkerUtils } from 'graphile-worker';
import pg from 'pg';

/**
 * The durable job queue: graphile-worker on Portico's own PostgreSQL. Jobs are added in the same
 * transaction as the change that causes them (rolled back together), run after the commit on any
 * instance, retry with backoff and survive restarts. graphile-worker was chosen over our own
 * outbox-style table: it brings LISTEN/NOTIFY wake-ups, SKIP LOCKED claiming, job keys and retries
 * in one well-kept package, with its tables in their own schema.
 *
 * Features declare their jobs by merging into this interface, so every `addJob` and every handler
 * is checked against the payload type:
 *
 *   declare module '../queue/jobs.js' { interface JobPayloads { 'send-email': { messageId: string } } }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface JobPayloads {}

export type JobName = keyof JobPayloads;

export interface AddJobOptions {
  /** At most one pending job per key: adding again replaces the waiting one (not a running one). */
  jobKey?: string;
  runAt?: Date;
  /** graphile-worker's own retries for handlers that throw (default 25). */
  maxAttempts?: number;
}

/** Adds a job in the caller's transaction: it exists (and runs) only if the transaction commits. */
export async function addJob<N extends JobName>(tx: EntityManager, name: N, payload: JobPayloads[N], options: AddJobOptions = {}): Promise<void> {
  await tx.getConnection().execute(
    'select graphile_worker.add_job(identifier => ?, payload => ?::json, run_at => ?::timestamptz, max_attempts => ?::int, job_key => ?)',
    [name, JSON.stringify(payload), options.runAt?.toISOString() ?? null, options.maxAttempts ?? null, options.jobKey ?? null],
    'all',
    tx.getTransactionContext(),
  );
}

export type JobHandler<N extends JobName> = (payload: JobPayloads[N], helpers: JobHelpers) => Promise<void>;
export type JobHandlers = { [N in JobName]?: JobHandler<N> };

/** Collects the handlers features register at start (composition root). */
export class JobRegistry {
  private readonly handlers: Record<string, Task> = {};

  handle<N extends JobName>(name: N, handler: JobHandler<N>): void {
    if (this.handlers[name]) throw new Error(`Job ${name} has two handlers`);
    this.handlers[name] = (payload, helpers) => handler(payload as JobPayloads[N], helpers);
  }

  get taskList(): Record<string, Task> {
    return { ...this.handlers };
  }
}

export interface JobRunnerOptions {
  concurrency: number;
  /** Fallback poll for jobs that become due later (retries, runAt); new jobs wake workers through NOTIFY. */
  pollIntervalMs: number;
  /** How often to look for jobs locked by workers of an instance that died. */
  reapIntervalMs: number;
  /** A lock younger than this is never taken away (covers the moment a new worker registers itself). */
  reapGraceMs: number;
  log: (level: 'error' | 'warn' | 'info', message: string) => void;
}

export const DEFAULT_JOB_RUNNER_OPTIONS: JobRunnerOptions = {
  concurrency: 4,
  pollIntervalMs: 1_000,
  reapIntervalMs: 30_000,
  reapGraceMs: 5_000,
  log: (level, message) => (level === 'info' ? undefined : console.error(message)),
};

/** Advisory-lock class of worker liveness locks (second key: hashtext(worker id)). */
const LIVENESS_LOCK_CLASS = 0x706f7274; // 'port'

/**
 * Runs the jobs of this instance. graphile-worker releases the jobs of a crashed worker only after
 * four hours; Portico cannot wait that long for a welcome email. So every worker of this instance
 * holds a session advisory lock named after its id on a connection of its own: when the process
 * dies, PostgreSQL drops the connection and the lock with it. A reaper on every instance unlocks
 * jobs whose worker's liveness lock is free (`force_unlock_workers`), so they run again elsewhere.
 */
export class JobRunner {
  private runner?: Runner;
  private utils?: WorkerUtils;
  private liveness?: pg.Client;
  /** Liveness lock statements run one after another on their connection. */
  private livenessQueue: Promise<unknown> = Promise.resolve();
  private readonly workerIds = new Set<string>();
  private reaper?: NodeJS.Timeout;
  private reaping?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly registry: JobRegistry,
    private readonly options: JobRunnerOptions = DEFAULT_JOB_RUNNER_OPTIONS,
  ) {}

  /** graphile-worker's own schema migrations (idempotent; run before anything adds a job). */
  static async migrate(databaseUrl: string): Promise<void> {
    await runMigrations({ connectionString: databaseUrl, logger: quietLogger() });
  }

  async start(): Promise<void> {
    this.utils = await makeWorkerUtils({ connectionString: this.databaseUrl, logger: quietLogger() });
    await this.connectLiveness();
    const events: WorkerEvents = new EventEmitter();
    events.on('worker:create', ({ worker }) => this.registerWorker(worker.workerId));
    events.on('job:error', ({ job, error }) => this.options.log('warn', `Job ${job.task_identifier} #${job.id} failed (attempt ${job.attempts}): ${(error as Error)?.message ?? error}`));
    events.on('pool:listen:error', ({ error }) => this.options.log('warn', `Job queue connection lost: ${(error as Error).message}`));
    this.runner = await run({
      connectionString: this.databaseUrl,
      concurrency: this.options.concurrency,
      pollInterval: this.options.pollIntervalMs,
      noHandleSignals: true, // main.ts owns shutdown
      taskList: this.registry.taskList,
      logger: quietLogger(),
      events,
    });
    await this.reap();
    // Once more as soon as the locks of a crash just before this start are past the grace period.
    setTimeout(() => void this.reap(), this.options.reapGraceMs + 250).unref();
    this.reaper = setInterval(() => void this.reap(), this.options.reapIntervalMs);
    this.reaper.unref();
  }

  private async connectLiveness(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    client.on('error', () => {
      // The database went away (restart): take the locks again once it is back.
      if (this.stopped) return;
      setTimeout(() => void this.connectLiveness().catch(() => undefined), 1_000).unref();
    });
    await client.connect();
    this.liveness = client;
    for (const id of this.workerIds) this.holdLiveness(id);
    await this.livenessQueue;
  }

  private registerWorker(workerId: string): void {
    this.workerIds.add(workerId);
    this.holdLiveness(workerId);
  }

  private holdLiveness(workerId: string): void {
    const client = this.liveness;
    if (!client) return;
    this.livenessQueue = this.livenessQueue
      .then(() => client.query('select pg_advisory_lock($1, hashtext($2))', [LIVENESS_LOCK_CLASS, workerId]))
      .catch(() => undefined);
  }

  /** Unlocks jobs held by workers whose process is gone; returns how many workers were dead. */
  async reap(): Promise<number> {
    if (this.reaping || !this.utils) return 0;
    let dead: string[] = [];
    this.reaping = (async () => {
      const client = new pg.Client({ connectionString: this.databaseUrl });
      await client.connect();
      try {
        const { rows } = await client.query<{ locked_by: string }>(
          `select distinct locked_by from graphile_worker._private_jobs
            where locked_by is not null and locked_at < now() - make_interval(secs => $1::float / 1000)`,
          [this.options.reapGraceMs],
        );
        for (const { locked_by: workerId } of rows) {
          if (this.workerIds.has(workerId)) continue;
          // Free lock = its holder's connection is gone; give it straight back.
          const { rows: [probe] } = await client.query<{ free: boolean }>('select pg_try_advisory_lock($1, hashtext($2)) as free', [LIVENESS_LOCK_CLASS, workerId]);
          if (!probe?.free) continue;
          await client.query('select pg_advisory_unlock($1, hashtext($2))', [LIVENESS_LOCK_CLASS, workerId]);
          dead.push(workerId);
        }
        if (dead.length) {
          await this.utils!.forceUnlockWorkers(dead);
          this.options.log('warn', `Released the jobs of ${dead.length} worker(s) of a stopped instance`);
        }
      } finally {
        await client.end();
      }
    })().catch((error: Error) => {
      dead = [];
      if (!this.stopped) this.options.log('warn', `Job reaper: ${error.message}`);
    });
    await this.reaping;
    this.reaping = undefined;
    return dead.length;
  }

  /** Wakes idle workers now (after a test moved a retry's time, say). */
  nudge(): void {
    // graphile-worker wakes on NOTIFY for new jobs; a no-op add makes idle workers look again.
    void this.utils?.withPgClient((client) => client.query("select pg_notify('jobs:insert', '')")).catch(() => undefined);
  }

  /**
   * Resolves once no job is due or running (tests: "wait for the drain, then assert"). Jobs
   * scheduled for later (a retry's backoff) do not count.
   */
  async drain(timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const busy = await this.utils!.withPgClient(async (client) => {
        const { rows: [row] } = await client.query<{ busy: boolean }>(
          'select exists(select 1 from graphile_worker._private_jobs where locked_at is not null or (run_at <= now() and attempts < max_attempts)) as busy',
        );
        return row!.busy;
      });
      if (!busy) return;
      if (Date.now() > deadline) throw new Error('Jobs did not drain in time');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.reaper);
    await this.reaping;
    await this.runner?.stop().catch(() => undefined);
    await Promise.resolve(this.utils?.release()).catch(() => undefined);
    await this.liveness?.end().catch(() => undefined);
  }
}

/** graphile-worker logs through this; our own events above say what matters. */
function quietLogger(): Logger {
  return new Logger(() => () => undefined);
}
