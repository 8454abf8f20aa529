import type { EntityManager } from '@mikro-orm/postgresql';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedPostgres } from '../db/embedded-postgres.js';
import { startTestPortico, type TestPortico } from '../test/harness.js';
import { freePort } from '../test/smtp-test-server.js';
import { addJob, DEFAULT_JOB_RUNNER_OPTIONS, JobRegistry, JobRunner } from './jobs.js';

declare module './jobs.js' {
  interface JobPayloads {
    'test-note': { note: string };
  }
}

/** A runner of its own whose only job writes down what it was given (and which runner ran it). */
function noteTaker(databaseUrl: string, seen: Array<{ note: string; by: string }>, by: string) {
  const registry = new JobRegistry();
  registry.handle('test-note', async ({ note }) => {
    seen.push({ note, by });
    await new Promise((resolve) => setTimeout(resolve, 20)); // a job takes time, so idle workers elsewhere get their share
  });
  return new JobRunner(databaseUrl, registry, { ...DEFAULT_JOB_RUNNER_OPTIONS, concurrency: 2, log: () => undefined });
}

const addNote = (portico: TestPortico, note: string, options = {}) =>
  portico.orm.em.fork().transactional((tx) => addJob(tx as EntityManager, 'test-note', { note }, options));

describe('durable jobs', () => {
  let portico: TestPortico;
  const seen: Array<{ note: string; by: string }> = [];
  let first: JobRunner;
  let second: JobRunner;

  beforeAll(async () => {
    portico = await startTestPortico();
    first = noteTaker(portico.databaseUrl, seen, 'first');
    second = noteTaker(portico.databaseUrl, seen, 'second');
    await Promise.all([first.start(), second.start()]);
  });
  afterAll(async () => {
    await Promise.all([first.stop(), second.stop()]);
    await portico.stop();
  });

  it('runs a job only when the transaction that added it commits', async () => {
    await addNote(portico, 'committed');
    await expect(
      portico.orm.em.fork().transactional(async (tx) => {
        await addJob(tx as EntityManager, 'test-note', { note: 'rolled back' });
        throw new Error('the change fails');
      }),
    ).rejects.toThrow('the change fails');
    await first.drain();
    expect(seen.map((s) => s.note)).toContain('committed');
    expect(seen.map((s) => s.note)).not.toContain('rolled back');
  });

  it('keeps one pending job per key', async () => {
    const runAt = new Date(Date.now() + 60_000);
    await addNote(portico, 'keyed 1', { jobKey: 'only-one', runAt });
    await addNote(portico, 'keyed 2', { jobKey: 'only-one', runAt });
    const [row] = await portico.orm.em.getConnection().execute<Array<{ count: string }>>("select count(*) from graphile_worker.jobs where key = 'only-one'");
    expect(Number(row!.count)).toBe(1);
  });

  it('shares the work between instances, each job once', async () => {
    const notes = Array.from({ length: 40 }, (_, i) => `shared ${i}`);
    await Promise.all(notes.map((note) => addNote(portico, note)));
    await Promise.all([first.drain(), second.drain()]);
    const ran = seen.filter((s) => s.note.startsWith('shared '));
    expect(ran.map((s) => s.note).sort()).toEqual([...notes].sort());
    expect(new Set(ran.map((s) => s.by)).size).toBe(2);
  });
});

describe('jobs across a PostgreSQL restart', () => {
  // Stopping and starting a real PostgreSQL under a busy full suite sometimes outlasts the polls below;
  // a retry repeats the whole scenario with a fresh database (it must still pass as written).
  it('a job queued before the database restarts runs after it, and new jobs still run', { timeout: 90_000, retry: 2 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'portico-jobs-restart-'));
    chmodSync(dataDir, 0o755);
    const port = await freePort();
    let database = new EmbeddedPostgres({ dataDir, port });
    const serverUrl = await database.start();
    await EmbeddedPostgres.createDatabase(serverUrl, 'portico');
    const databaseUrl = serverUrl.replace(/\/postgres$/, '/portico');
    const portico = await startTestPortico({ databaseUrl });
    const seen: Array<{ note: string; by: string }> = [];
    const runner = noteTaker(databaseUrl, seen, 'runner');
    await runner.start();
    try {
      await addNote(portico, 'before the restart', { runAt: new Date(Date.now() + 3_000) });
      await database.stop();
      database = new EmbeddedPostgres({ dataDir, port });
      await database.start();
      await expect.poll(() => seen.map((s) => s.note), { timeout: 30_000, interval: 100 }).toContain('before the restart');
      await expect.poll(async () => addNote(portico, 'after the restart').then(() => true, () => false), { timeout: 20_000, interval: 250 }).toBe(true);
      await expect.poll(() => seen.map((s) => s.note), { timeout: 30_000, interval: 100 }).toContain('after the restart');
      expect(seen.filter((s) => s.note === 'before the restart')).toHaveLength(1);
    } finally {
      await runner.stop();
      await portico.stop();
      await database.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
