import { chmodSync, existsSync, lstatSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { EmbeddedPostgres } from './embedded-postgres.js';

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  const cleanup: string[] = [];
  afterEach(() => cleanup.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('keeps its data across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'portico-pg-persist-'));
    chmodSync(dataDir, 0o755);
    cleanup.push(dataDir);
    const port = 55100 + Math.floor(Math.random() * 200);

    const first = new EmbeddedPostgres({ dataDir, port });
    const url = await first.start();
    await query(url, 'create table kept (value text); insert into kept values (\'still here\')');
    await first.stop();

    const second = new EmbeddedPostgres({ dataDir, port });
    await second.start();
    try {
      expect(await query(url, 'select value from kept')).toEqual([{ value: 'still here' }]);
    } finally {
      await second.stop();
    }
  });

  it.runIf(userInfo().uid === 0)('runs as root from a data directory the postgres user cannot enter', async () => {
    // Like a checkout in /root: a 0700 root-owned parent. The cluster moves to a reachable
    // place, linked from the data dir, and is found again on the next start.
    const parent = mkdtempSync(join(tmpdir(), 'portico-pg-private-'));
    chmodSync(parent, 0o700);
    const fallbackRoot = mkdtempSync(join(tmpdir(), 'portico-pg-runtime-'));
    chmodSync(fallbackRoot, 0o755);
    cleanup.push(parent, fallbackRoot);
    const dataDir = join(parent, 'data');
    const port = 55300 + Math.floor(Math.random() * 200);

    // forceFallback also stages the binaries, as happens when node_modules itself is out of reach.
    const first = new EmbeddedPostgres({ dataDir, port, fallbackRoot, forceFallback: true });
    const url = await first.start();
    await query(url, 'create table kept (value text); insert into kept values (\'private\')');
    await first.stop();
    expect(lstatSync(join(dataDir, 'pg')).isSymbolicLink()).toBe(true);
    expect(existsSync(join(fallbackRoot, 'clusters'))).toBe(true);

    const second = new EmbeddedPostgres({ dataDir, port, fallbackRoot });
    await second.start();
    try {
      expect(await query(url, 'select value from kept')).toEqual([{ value: 'private' }]);
    } finally {
      await second.stop();
    }
  });
});
