import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { EmbeddedPostgres } from '../server/src/db/embedded-postgres.js';

/**
 * A fresh database for one benchmark run: on DATABASE_URL's server when set, else on an embedded
 * PostgreSQL in a temporary directory (removed by `stop`).
 */
export async function benchDatabase(name: string, port: number): Promise<{ databaseUrl: string; stop(): Promise<void> }> {
  let embedded: EmbeddedPostgres | undefined;
  let dataDir: string | undefined;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    dataDir = mkdtempSync(join(tmpdir(), `portico-bench-${name}-`));
    chmodSync(dataDir, 0o755); // the postgres user must reach it when we run as root
    embedded = new EmbeddedPostgres({ dataDir, port });
    serverUrl = await embedded.start();
  }
  const url = new URL(serverUrl);
  url.pathname = `/portico_bench_${name}_${Date.now()}`;
  await EmbeddedPostgres.createDatabase(serverUrl, url.pathname.slice(1));
  return {
    databaseUrl: url.toString(),
    async stop() {
      await embedded?.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The p-th percentile of latencies in ms, two decimals. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(2));
}

/** Prints a result and writes it to bench/results/<name>.json. */
export function writeResult(name: string, result: unknown): void {
  console.log(JSON.stringify(result, null, 2));
  const out = join(dirname(fileURLToPath(import.meta.url)), 'results', `${name}.json`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
}

/** The bare baseline of every wake-up across connections: NOTIFY on one, heard by LISTEN on another. */
export async function notifyRoundTrip(databaseUrl: string, samples: number): Promise<{ p50Ms: number; p99Ms: number }> {
  const listener = new pg.Client({ connectionString: databaseUrl });
  const sender = new pg.Client({ connectionString: databaseUrl });
  await Promise.all([listener.connect(), sender.connect()]);
  await listener.query('LISTEN bench_roundtrip');
  let arrived: (() => void) | undefined;
  listener.on('notification', () => arrived?.());
  const latencies: number[] = [];
  for (let i = 0; i < samples; i++) {
    const heard = new Promise<void>((resolve) => (arrived = resolve));
    const begin = performance.now();
    await sender.query("select pg_notify('bench_roundtrip', '')");
    await heard;
    latencies.push(performance.now() - begin);
  }
  await Promise.all([listener.end(), sender.end()]);
  return { p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}
