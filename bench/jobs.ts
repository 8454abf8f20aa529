/**
 * Benchmark: durable jobs. Enqueue -> start latency (p50/p99) and throughput (jobs/s) of Portico's
 * job path (addJob in a MikroORM transaction, run by Portico's JobRunner with its liveness locks),
 * next to two bare baselines in the same run on the same database: graphile-worker itself
 * (add_job over plain pg, an empty task) and a pg_notify round trip (the floor of any wake-up).
 *
 *   npm run bench:jobs                       # 500 latency samples, 5,000 jobs for throughput
 *   BENCH_SAMPLES=200 BENCH_JOBS=2000 npm run bench:jobs
 *
 * Writes bench/results/jobs.json. Uses DATABASE_URL's server when set, else an embedded PostgreSQL.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { Logger, run, type Runner } from 'graphile-worker';
import pg from 'pg';
import { startPortico } from '../server/src/app.js';
import { configFromEnv } from '../server/src/config.js';
import { addJob, DEFAULT_JOB_RUNNER_OPTIONS, JobRegistry, JobRunner } from '../server/src/queue/jobs.js';
import { benchDatabase, notifyRoundTrip, percentile, writeResult } from './support.js';

declare module '../server/src/queue/jobs.js' {
  interface JobPayloads {
    'bench-job': { enqueuedAt: number };
  }
}

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 500);
const JOBS = Number(process.env.BENCH_JOBS ?? 5_000);
const CONCURRENCY = 8;

type Started = (enqueuedAt: number) => void;

interface Result {
  p50Ms: number;
  p99Ms: number;
  jobsPerSecond?: number;
}

/** Latency: one job at a time, enqueue -> its handler starts. Throughput: JOBS enqueued by 8 writers, until the last ran. */
async function measure(enqueue: (enqueuedAt: number) => Promise<void>, setStarted: (started: Started) => void): Promise<Result> {
  const latencies: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = new Promise<number>((resolve) => setStarted((at) => resolve(performance.now() - at)));
    await enqueue(performance.now());
    latencies.push(await started);
  }
  let remaining = JOBS;
  const begin = performance.now();
  const allDone = new Promise<void>((resolve) => setStarted(() => --remaining === 0 && resolve()));
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < JOBS) {
      next++;
      await enqueue(performance.now());
    }
  }));
  await allDone;
  const seconds = (performance.now() - begin) / 1000;
  return { p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), jobsPerSecond: Math.round(JOBS / seconds) };
}

async function bareGraphileWorker(databaseUrl: string): Promise<Result> {
  let started: Started = () => undefined;
  const runner: Runner = await run({
    connectionString: databaseUrl,
    concurrency: DEFAULT_JOB_RUNNER_OPTIONS.concurrency,
    noHandleSignals: true,
    pollInterval: DEFAULT_JOB_RUNNER_OPTIONS.pollIntervalMs,
    logger: new Logger(() => () => undefined),
    taskList: { 'bare-job': async (payload) => started((payload as { enqueuedAt: number }).enqueuedAt) },
  });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: CONCURRENCY });
  try {
    return await measure(
      async (enqueuedAt) => void (await pool.query("select graphile_worker.add_job('bare-job', json_build_object('enqueuedAt', $1::float))", [enqueuedAt])),
      (fn) => (started = fn),
    );
  } finally {
    await runner.stop();
    await pool.end();
  }
}

async function porticoJobs(databaseUrl: string, portico: Awaited<ReturnType<typeof startPortico>>): Promise<Result> {
  let started: Started = () => undefined;
  const registry = new JobRegistry();
  registry.handle('bench-job', async ({ enqueuedAt }) => started(enqueuedAt));
  const runner = new JobRunner(databaseUrl, registry, { ...DEFAULT_JOB_RUNNER_OPTIONS, log: () => undefined });
  await runner.start();
  try {
    return await measure(
      (enqueuedAt) => portico.orm.em.fork().transactional((tx) => addJob(tx as EntityManager, 'bench-job', { enqueuedAt })),
      (fn) => (started = fn),
    );
  } finally {
    await runner.stop();
  }
}

async function main() {
  const database = await benchDatabase('jobs', 55901);
  const url = database.databaseUrl;
  const portico = await startPortico(
    { ...configFromEnv({}), databaseUrl: url, port: 0, host: '127.0.0.1', adminPassword: 'bench-admin-password', secret: 'bench' },
    { log: () => undefined },
  );
  try {
    const notify = await notifyRoundTrip(url, SAMPLES);
    const bare = await bareGraphileWorker(url);
    const ours = await porticoJobs(url, portico);
    const result = {
      measuredAt: new Date().toISOString(),
      samples: SAMPLES,
      jobs: JOBS,
      writers: CONCURRENCY,
      workerConcurrency: DEFAULT_JOB_RUNNER_OPTIONS.concurrency,
      baselinePgNotifyRoundTrip: notify,
      baselineBareGraphileWorker: bare,
      portico: ours,
      ratios: {
        latencyP50VsBareWorker: Number((ours.p50Ms / bare.p50Ms).toFixed(2)),
        throughputVsBareWorker: Number((ours.jobsPerSecond! / bare.jobsPerSecond!).toFixed(2)),
      },
    };
    writeResult('jobs', result);
  } finally {
    await portico.stop();
    await database.stop();
  }
}

await main();
