/**
 * Benchmark: device agents on one Portico server process, next to a bare graphql-ws server
 * (bench/bare-graphql-ws.ts) measured the same way in the same run.
 *   1. Command round trip at 1,000 online agents: a technician's `sendDeviceCommand` (over its
 *      graphql-ws connection; the command row and its expiry job written in one transaction), the
 *      agent receives it, reports SUCCEEDED (a durable write), and the technician's
 *      `deviceCommandChanged` subscription hears it. Sequential, then concurrent. Bare: `send`
 *      delivered to the agent's `inbox`, `ack` delivered back to the sender's `acks`.
 *   2. Memory and idle CPU at 15,000 connected agents (each with its subscription and a heartbeat):
 *      the server's RSS growth per connection, and its CPU share over an idle window.
 * Agents live in child processes (bench/device-load.ts, 5,000 each: a process may open at most
 * 20,000 files here); both servers run with the flags of `npm start` (node --max-semi-space-size=32),
 * Portico through bench/portico-server.ts (its rate budgets lifted).
 *
 *   npm run bench:devices                      # 15,000 agents, 1,000 for round trips
 *   BENCH_AGENTS=3000 BENCH_COMMANDS=200 npm run bench:devices
 *
 * Writes bench/results/devices.json. Uses DATABASE_URL's server when set, else an embedded PostgreSQL.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createClient, type Client } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { GraphQLTestClient } from '../server/src/test/graphql-client.js';
import { freePort } from '../server/src/test/smtp-test-server.js';
import { benchDatabase, percentile, writeResult } from './support.js';

const AGENTS = Number(process.env.BENCH_AGENTS ?? 15_000);
const ROUND_TRIP_AGENTS = Math.min(AGENTS, 1_000);
const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 500);
const CONCURRENCY = 50;
const PER_PROCESS = 5_000;
const HEARTBEAT_MS = Number(process.env.BENCH_HEARTBEAT_SECONDS ?? 30) * 1000;
const IDLE_MS = HEARTBEAT_MS;
const ADMIN_PASSWORD = 'bench-admin-password';
const NODE_FLAGS = ['--max-semi-space-size=32', '--import', '@swc-node/register/esm-register'];
/** BENCH_PROFILE=dir: the servers write V8 CPU profiles there (open them in Chrome's DevTools). */
const PROFILE_FLAGS = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
/** BENCH_ONLY=portico|bare: measure one server (profiling, quick checks); no result file is written. */
const ONLY = process.env.BENCH_ONLY as 'portico' | 'bare' | undefined;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const progress = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

/** Resident memory of a process, in bytes (Linux). */
const rss = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) * 1024;
/** CPU time of a process so far, in seconds (user + system; Linux clock ticks of 1/100 s). */
const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
};

function startProcess(args: string[], env: Record<string, string>, ready: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...NODE_FLAGS, ...PROFILE_FLAGS, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(ready)) resolve(child);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${args[0]} exited (${code}): ${output.slice(-2000)}`)));
  });
}

/** Agents from..to in child processes of at most PER_PROCESS each; resolves when all are connected. */
async function connectAgents(mode: 'portico' | 'bare', url: string, from: number, to: number, loads: ChildProcess[]): Promise<void> {
  const started: Promise<void>[] = [];
  for (let start = from; start < to; start += PER_PROCESS) {
    const child = fork(new URL('./device-load.ts', import.meta.url).pathname, [], {
      execArgv: ['--import', '@swc-node/register/esm-register'],
      env: { ...process.env, MODE: mode, URL: url, FROM: String(start), TO: String(Math.min(to, start + PER_PROCESS)), HEARTBEAT_MS: String(HEARTBEAT_MS) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    loads.push(child);
    started.push(new Promise((resolve, reject) => {
      child.on('message', (message: { ready?: boolean }) => message.ready && resolve());
      child.once('exit', (code) => reject(new Error(`agents ${start}.. exited (${code})`)));
    }));
    // One process at a time: the server accepts connections as fast as it can, not all at once.
    await started.at(-1);
  }
  await Promise.all(started);
}

interface Commander {
  /** Sends one command to agent `index` and resolves when its answer is heard back. */
  roundTrip(index: number): Promise<number>;
  close(): Promise<void>;
}

/** Round trips to agents 0..n-1, one after the other and CONCURRENCY at a time. */
async function measureRoundTrips(commander: Commander, agents: number) {
  for (let i = 0; i < 50; i++) await commander.roundTrip(i % agents); // warm-up
  const sequential: number[] = [];
  for (let i = 0; i < COMMANDS; i++) sequential.push(await commander.roundTrip(Math.floor(Math.random() * agents)));
  const concurrent: number[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async (_, lane) => {
    while (next < COMMANDS * 2) {
      next++;
      // Each lane its own agents: two commands for one agent would queue behind each other there.
      concurrent.push(await commander.roundTrip((lane + CONCURRENCY * Math.floor(Math.random() * (agents / CONCURRENCY))) % agents));
    }
  }));
  const summary = (values: number[]) => ({ samples: values.length, p50Ms: percentile(values, 50), p99Ms: percentile(values, 99) });
  return { sequential: summary(sequential), concurrent: { ...summary(concurrent), inFlight: CONCURRENCY } };
}

/** Waits for answers keyed by id; an answer may arrive before its request's own reply. */
class Answers {
  private readonly waiting = new Map<string, () => void>();
  private readonly early = new Set<string>();
  heard(id: string) {
    const done = this.waiting.get(id);
    if (done) (this.waiting.delete(id), done());
    else this.early.add(id);
  }
  wait(id: string): Promise<void> {
    if (this.early.delete(id)) return Promise.resolve();
    return new Promise((resolve) => this.waiting.set(id, resolve));
  }
}

const socket = (url: string, params: Record<string, unknown>): Client =>
  createClient({ url: `${url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: params, retryAttempts: 0, lazy: false });
const run = <T>(client: Client, query: string, variables: Record<string, unknown> = {}) =>
  new Promise<T>((resolve, reject) => {
    client.subscribe<T>({ query, variables }, { next: (result) => (result.errors ? reject(new Error(JSON.stringify(result.errors))) : resolve(result.data as T)), error: reject, complete: () => undefined });
  });

async function porticoCommander(url: string, deviceIds: string[]): Promise<Commander> {
  const { token } = await GraphQLTestClient.signIn(url, 'admin', ADMIN_PASSWORD);
  const client = socket(url, { sessionToken: token });
  const answers = new Answers();
  client.subscribe<{ deviceCommandChanged: { id: string; status: string } }>({ query: 'subscription { deviceCommandChanged { id status } }' }, {
    next: (result) => result.data?.deviceCommandChanged.status === 'SUCCEEDED' && answers.heard(result.data.deviceCommandChanged.id),
    error: (error) => console.error(error),
    complete: () => undefined,
  });
  await sleep(500);
  return {
    async roundTrip(index) {
      const begin = performance.now();
      const { sendDeviceCommand } = await run<{ sendDeviceCommand: { id: string } }>(client, 'mutation($d: ID!) { sendDeviceCommand(input: { deviceId: $d, action: LOCK }) { id } }', { d: deviceIds[index] });
      await answers.wait(sendDeviceCommand.id);
      return performance.now() - begin;
    },
    close: () => client.dispose() as Promise<void>,
  };
}

async function bareCommander(url: string): Promise<Commander> {
  const client = socket(url, {});
  const answers = new Answers();
  client.subscribe<{ acks: string }>({ query: 'subscription { acks }' }, { next: (result) => result.data && answers.heard(result.data.acks), error: (error) => console.error(error), complete: () => undefined });
  await sleep(500);
  return {
    async roundTrip(index) {
      const begin = performance.now();
      const id = randomUUID();
      const heard = answers.wait(id);
      await run(client, 'mutation($to: Int!, $id: String!) { send(to: $to, id: $id) }', { to: index, id });
      await heard;
      return performance.now() - begin;
    },
    close: () => client.dispose() as Promise<void>,
  };
}

/** Round trips at 1,000 agents, then memory and idle CPU at all of them, for one server process. */
async function measure(mode: 'portico' | 'bare', server: ChildProcess, url: string, commander: () => Promise<Commander>) {
  const loads: ChildProcess[] = [];
  try {
    await sleep(3000);
    const idleRss = rss(server.pid!);
    await connectAgents(mode, url, 0, ROUND_TRIP_AGENTS, loads);
    progress(`${mode}: ${ROUND_TRIP_AGENTS} agents connected; round trips`);
    const orders = await commander();
    const roundTrips = await measureRoundTrips(orders, ROUND_TRIP_AGENTS);
    await orders.close();
    await connectAgents(mode, url, ROUND_TRIP_AGENTS, AGENTS, loads);
    progress(`${mode}: ${AGENTS} agents connected; idle window`);
    await sleep(10_000); // settle: allocations of the connecting phase collected
    const cpuBefore = cpuSeconds(server.pid!);
    await sleep(IDLE_MS);
    const cpuShare = (cpuSeconds(server.pid!) - cpuBefore) / (IDLE_MS / 1000);
    const connectedRss = rss(server.pid!);
    return {
      roundTrips,
      agents: AGENTS,
      rssBeforeMb: Number((idleRss / 2 ** 20).toFixed(1)),
      rssAtAgentsMb: Number((connectedRss / 2 ** 20).toFixed(1)),
      rssPerConnectionKb: Number(((connectedRss - idleRss) / AGENTS / 1024).toFixed(1)),
      idleCpuPercentOfOneCore: Number((cpuShare * 100).toFixed(1)),
      heartbeatSeconds: HEARTBEAT_MS / 1000,
    };
  } finally {
    for (const load of loads) load.kill('SIGKILL');
  }
}

async function main() {
  const database = await benchDatabase('devices', 55913);
  let server: ChildProcess | undefined;

  async function measurePortico() {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    server = await startProcess(['bench/portico-server.ts'], {
      DATABASE_URL: database.databaseUrl, PORT: String(port), HOST: '127.0.0.1', PORTICO_ADMIN_USERNAME: 'admin', PORTICO_ADMIN_PASSWORD: ADMIN_PASSWORD,
      PORTICO_SECRET: 'bench', NODE_ENV: 'production',
    }, 'Portico is running');
    // The agents' devices, enrolled directly in SQL (credential ptd_bench_<n>), as enrollDevice would store them.
    const admin = await GraphQLTestClient.signIn(url, 'admin', ADMIN_PASSWORD);
    const { createCustomer } = await admin.ok('mutation { createCustomer(input: { name: "Bench AG" }) { id } }');
    const db = new pg.Client({ connectionString: database.databaseUrl });
    await db.connect();
    await db.query(
      `insert into devices (id, created_at, updated_at, credential_hash, customer_id, hostname, os, os_version, public_key, public_key_fingerprint)
       select gen_random_uuid(), now(), now(), encode(sha256(('ptd_bench_' || g)::bytea), 'hex'), $1, 'bench-' || g, 'WINDOWS', '10', 'bench', 'bench'
       from generate_series(0, $2::int - 1) g`,
      [createCustomer.id, AGENTS],
    );
    const ids = (await db.query<{ id: string; n: number }>(`select id, substring(hostname from 7)::int as n from devices order by 2`)).rows.map((row) => row.id);
    await db.end();
    const result = await measure('portico', server, url, () => porticoCommander(url, ids));
    server.kill('SIGTERM'); // a clean exit: a CPU profile is written then
    await new Promise((resolve) => server!.once('exit', resolve));
    server = undefined;
    return result;
  }

  async function measureBare() {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    server = await startProcess(['bench/bare-graphql-ws.ts'], { PORT: String(port) }, 'bare graphql-ws ready');
    const result = await measure('bare', server, url, () => bareCommander(url));
    server.kill('SIGTERM');
    await new Promise((resolve) => server!.once('exit', resolve));
    server = undefined;
    return result;
  }

  try {
    const portico = ONLY === 'bare' ? undefined : await measurePortico();
    const bare = ONLY === 'portico' ? undefined : await measureBare();
    if (!portico || !bare) return void console.log(JSON.stringify({ portico, bare }, null, 2));
    writeResult('devices', {
      measuredAt: new Date().toISOString(),
      machine: `${(await import('node:os')).cpus().length} cores`,
      porticoServer: portico,
      bareGraphqlWsServer: bare,
      goals: { memoryPerConnectionAtMostTimesBare: 1.5, roundTripP99AtMostTimesBare: 3 },
      ratios: {
        memoryPerConnection: Number((portico.rssPerConnectionKb / bare.rssPerConnectionKb).toFixed(2)),
        roundTripSequentialP99: Number((portico.roundTrips.sequential.p99Ms / bare.roundTrips.sequential.p99Ms).toFixed(2)),
        roundTripConcurrentP99: Number((portico.roundTrips.concurrent.p99Ms / bare.roundTrips.concurrent.p99Ms).toFixed(2)),
        roundTripSequentialP50: Number((portico.roundTrips.sequential.p50Ms / bare.roundTrips.sequential.p50Ms).toFixed(2)),
      },
    });
  } finally {
    (server as ChildProcess | undefined)?.kill('SIGKILL');
    await database.stop();
  }
}

await main();
process.exit(0);
