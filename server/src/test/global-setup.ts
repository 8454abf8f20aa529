import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { EmbeddedPostgres } from '../db/embedded-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the PostgreSQL server the tests use; each test file creates its own database. */
    databaseServerUrl: string;
  }
}

/** One real PostgreSQL for the run: TEST_DATABASE_URL when set, else the embedded one in a temp dir. */
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('databaseServerUrl', process.env.TEST_DATABASE_URL);
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'portico-test-db-'));
  chmodSync(dataDir, 0o755); // mkdtemp makes it 0700; the postgres user must reach it when we run as root
  const database = new EmbeddedPostgres({ dataDir, port: await freePort() });
  const url = await database.start(); // carries the generated password (dataDir/pg-password)
  project.provide('databaseServerUrl', url);
  return async () => {
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

/** A port nobody listens on now (a random one may be another test run's database). */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
