import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServerProcess } from './test/server-process.js';
import { freePort } from './test/smtp-test-server.js';

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' }, () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

describe('npm start (server/src/main.ts)', () => {
  it('stops cleanly on SIGTERM, the embedded PostgreSQL with it', { timeout: 90_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'portico-main-'));
    chmodSync(dataDir, 0o755);
    const databasePort = await freePort();
    try {
      // NODE_ENV as in production: under vitest it is 'test', which changes Apollo's signal handling.
      const server = await startServerProcess({ NODE_ENV: 'production', PORTICO_DATA_DIR: dataDir, PORTICO_EMBEDDED_DB_PORT: String(databasePort), DATABASE_URL: '' });
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      expect(await accepts(databasePort)).toBe(true);
      const exited = new Promise<number | null>((resolve) => server.process.once('exit', (code) => resolve(code)));
      server.process.kill('SIGTERM');
      const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('still running'), 20_000))]);
      expect(code).toBe(0);
      expect(await accepts(databasePort)).toBe(false);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
