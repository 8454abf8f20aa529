import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLTestClient } from '../test/graphql-client.js';
import { ADMIN_PASSWORD, ADMIN_USERNAME } from '../test/harness.js';
import { freePort } from '../test/smtp-test-server.js';
import { LOCK_FILE } from './embedded-postgres.js';

/**
 * `npm start` as a real process in its own process group (so the whole group can be killed like an
 * out-of-memory kill or a `kill -9 -<pgid>`), on one data directory across crashes.
 */
interface ServerProcess {
  process: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

const root = fileURLToPath(new URL('../../..', import.meta.url));

async function launch(dataDir: string, databasePort: number): Promise<ServerProcess & { running: Promise<boolean> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', 'server/src/main.ts'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', PORTICO_ADMIN_USERNAME: ADMIN_USERNAME,
      PORTICO_ADMIN_PASSWORD: ADMIN_PASSWORD, PORTICO_SECRET: 'test-secret', PORTICO_DATA_DIR: dataDir,
      PORTICO_EMBEDDED_DB_PORT: String(databasePort), DATABASE_URL: '',
    },
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const running = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Portico is running')) (clearTimeout(timer), resolve(true));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => (clearTimeout(timer), resolve(false)));
  });
  return { process: child, url: `http://127.0.0.1:${port}`, output: () => output, exited, running };
}

async function startServer(dataDir: string, databasePort: number): Promise<ServerProcess> {
  const server = await launch(dataDir, databasePort);
  if (!(await server.running)) {
    killGroup(server.process);
    throw new Error(`Portico did not start:\n${server.output()}`);
  }
  return server;
}

function killGroup(child: ChildProcess) {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
}

const isAlive = (pid: number) => {
  try {
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].startsWith('Z');
  } catch {
    return false;
  }
};

const CUSTOMERS = 'query { customers(search: "Crash Test", first: 5) { edges { node { name } } } }';

describe('npm start after a crash, and twice at once (real processes, one data directory)', () => {
  let dataDir: string;
  let databasePort: number;
  let server: ServerProcess | undefined;
  const started: ChildProcess[] = [];
  const start = async () => {
    server = await startServer(dataDir, databasePort);
    started.push(server.process);
    return server;
  };
  const customerNames = async (url: string) => {
    const admin = await GraphQLTestClient.signIn(url, ADMIN_USERNAME, ADMIN_PASSWORD);
    const { customers } = await admin.ok<{ customers: { edges: Array<{ node: { name: string } }> } }>(CUSTOMERS);
    return customers.edges.map((edge) => edge.node.name);
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'portico-crash-'));
    chmodSync(dataDir, 0o755);
    databasePort = await freePort();
    await start();
    const admin = await GraphQLTestClient.signIn(server!.url, ADMIN_USERNAME, ADMIN_PASSWORD);
    await admin.ok('mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', { input: { name: 'Crash Test Ltd', domains: [] } });
  });
  afterAll(() => {
    started.forEach(killGroup);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a second start on the same data directory with a clear message, and the first keeps serving', { timeout: 120_000 }, async () => {
    const first = server!;
    const second = await launch(dataDir, databasePort);
    started.push(second.process);
    expect(await second.running).toBe(false);
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toContain(`Portico is already running with the data directory ${dataDir}: process ${first.process.pid} (`);
    expect(second.output()).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(readFileSync(join(dataDir, LOCK_FILE), 'utf8').split('\n')[0]).toBe(String(first.process.pid));
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    expect(await customerNames(first.url)).toEqual(['Crash Test Ltd']);
  });

  it('comes up with the same data after kill -9 of the Node process', { timeout: 120_000 }, async () => {
    const killed = server!;
    killed.process.kill('SIGKILL');
    await killed.exited;
    await start();
    expect(await customerNames(server!.url)).toEqual(['Crash Test Ltd']);
  });

  it('comes up with the same data after kill -9 of the whole process group (Node and PostgreSQL)', { timeout: 120_000 }, async () => {
    const postmaster = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(isAlive(postmaster)).toBe(true);
    process.kill(-server!.process.pid!, 'SIGKILL');
    await server!.exited;
    const deadline = Date.now() + 10_000;
    while (isAlive(postmaster) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(isAlive(postmaster)).toBe(false);

    const restarted = await start();
    expect(await customerNames(restarted.url)).toEqual(['Crash Test Ltd']);
    restarted.process.kill('SIGTERM');
    expect(await restarted.exited).toBe(0);
  });
});
