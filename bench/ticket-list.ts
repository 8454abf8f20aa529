/**
 * Benchmark: the ticket list, the page every portal and console visit starts with. Portico's
 * GraphQL API against "the limit": node:http + pg answering the same page with ONE hand-written
 * statement that builds the JSON in PostgreSQL (ticket-list/baseline-server.ts). Each server runs in
 * its own Node process, so the CPU per request is its own; PostgreSQL's CPU is read from /proc too.
 *
 *   npm run bench                                  # 1,000,000 tickets, 3,000,000 comments
 *   BENCH_TICKETS=100000 BENCH_SECONDS=2 npm run bench
 *
 * Scenarios: the portal's list (first 25) as primary contacts (their company's tickets) and as other
 * contacts (their own), and the console's list as a technician (first 25 and 100). Before measuring,
 * both servers must answer the same pages (cursors aside). Then per scenario a warm-up and
 * BENCH_ROUNDS interleaved rounds of BENCH_SECONDS per server, BENCH_CONCURRENCY (50) clients with
 * keep-alive. Reported per server: req/s, p50/p99, SQL statements, Node CPU and PostgreSQL CPU per
 * request. Writes bench/results/ticket-list.json.
 *
 * Database: DATABASE_URL's server when set, else an embedded PostgreSQL; a fresh database per run,
 * unless BENCH_KEEP_DB names one to keep (seeded once per BENCH_TICKETS; embedded: a cluster under
 * the temp directory that stays too).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { EmbeddedPostgres } from '../server/src/db/embedded-postgres.js';
import { benchDatabase, percentile, writeResult } from './support.js';
import { createSessions, datasetSize, seedDataset, seededTickets, type BenchTokens, type DatasetSize } from './ticket-list/dataset.js';
import { runLoad, type Load } from './ticket-list/load.js';
import { postgresCpuMeter, startServerChild, type ServerChild } from './ticket-list/processes.js';
import { samePage } from './ticket-list/same-page.js';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const WARM_UP_SECONDS = Math.min(SECONDS, 3);
const PORT = 55903;

/** The portal's own list (portal-client/src/routes/tickets.tsx) without totalCount. */
const PORTAL_QUERY = `query PortalTickets($first: Int!) { tickets(first: $first) { pageInfo { hasNextPage endCursor } edges { node { id number title status lastActivityAt contact { id name } latestComment { id body authorName authorKind createdAt } } } } }`;
/** The console's list. */
const CONSOLE_QUERY = `query AdminTickets($first: Int!) { tickets(first: $first) { pageInfo { hasNextPage endCursor } edges { node { id number title status priority isBilled requesterEmail lastActivityAt customer { id name } contact { id name email } technician { id name } } } } }`;

interface Scenario {
  name: string;
  body: string;
  tokens: string[];
  /** Tokens whose pages are compared before measuring. */
  checked: string[];
}

function scenarios(tokens: BenchTokens): Scenario[] {
  const body = (query: string, first: number) => JSON.stringify({ query, variables: { first } });
  // Busy customers come first in each list, mid-size ones last: check some of both.
  const some = (list: string[]) => [...list.slice(0, 4), ...list.slice(-4)];
  return [
    { name: 'portal, primary contacts (company tickets), first 25', body: body(PORTAL_QUERY, 25), tokens: tokens.primary, checked: some(tokens.primary) },
    { name: 'portal, other contacts (own tickets), first 25', body: body(PORTAL_QUERY, 25), tokens: tokens.nonPrimary, checked: some(tokens.nonPrimary) },
    { name: 'console, technician, first 25', body: body(CONSOLE_QUERY, 25), tokens: [tokens.technician], checked: [tokens.technician] },
    { name: 'console, technician, first 100', body: body(CONSOLE_QUERY, 100), tokens: [tokens.technician], checked: [tokens.technician] },
  ];
}

interface Side {
  requests: number;
  seconds: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  statementsPerRequest: number;
  nodeCpuMsPerRequest: number;
  /** The server's garbage collection: pause ms and young-generation collections per request. */
  gcMsPerRequest: number;
  scavengesPerRequest: number;
  postgresCpuMsPerRequest: number | null;
  /** This process sending the requests (it shares the machine with the servers). */
  loadGeneratorCpuMsPerRequest: number;
  /** CPU the rest of the machine used meanwhile (other processes), in cores: noise to read the numbers by. */
  otherLoadCores: number | null;
  reqPerSecByRound: number[];
}

interface Totals {
  loads: Load[];
  statements: number;
  nodeCpuMs: number;
  gcMs: number;
  scavenges: number;
  postgresCpuMs: number;
  loadGeneratorCpuMs: number;
  machineCpuMs: number;
}

async function main() {
  const started = Date.now();
  const loadavgAtStart = loadavg().map(round2);
  const database = process.env.BENCH_KEEP_DB ? await keptDatabase(process.env.BENCH_KEEP_DB) : await benchDatabase('ticket_list', PORT);
  const dataDir = mkdtempSync(join(tmpdir(), 'portico-bench-ticket-list-data-'));
  const children: ServerChild[] = [];
  const pool = new pg.Pool({ connectionString: database.databaseUrl, max: 1 });
  try {
    // Portico first: its migrations make the schema the dataset goes into.
    const portico = await startServerChild('portico', './portico-server.ts', { DATABASE_URL: database.databaseUrl, BENCH_DATA_DIR: dataDir });
    children.push(portico);
    const client = await pool.connect();
    let tokens: BenchTokens;
    let dataset: DatasetSize;
    let seedSeconds: number | null = null;
    try {
      const seeded = await seededTickets(client);
      if (seeded !== undefined && seeded !== TICKETS) throw new Error(`database ${process.env.BENCH_KEEP_DB} holds a dataset of ${seeded} tickets, not ${TICKETS}`);
      if (seeded === undefined) {
        console.log(`seeding ${TICKETS.toLocaleString('en')} tickets…`);
        const begin = performance.now();
        await seedDataset(client, TICKETS, console.log);
        seedSeconds = Math.round((performance.now() - begin) / 1000);
        console.log(`seeded in ${seedSeconds} s`);
      }
      tokens = await createSessions(client);
      dataset = await datasetSize(client);
    } finally {
      client.release();
    }
    console.log('dataset', JSON.stringify(dataset));

    const baseline = await startServerChild('baseline', './baseline-server.ts', { DATABASE_URL: database.databaseUrl });
    children.push(baseline);
    const postgresCpu = await postgresCpuMeter(pool);
    if (!postgresCpu) console.log('PostgreSQL processes are not visible here: no PostgreSQL CPU per request');

    const plan = scenarios(tokens);
    for (const scenario of plan) {
      const pages = await samePage(portico.url, baseline.url, scenario.body, scenario.checked);
      const contactsPerPage = pages.map((p) => new Set(p.data.tickets.edges.map((e) => e.node.contact?.id)).size);
      // The scopes are exercised: company pages mix contacts, own pages do not.
      if (scenario.tokens === tokens.primary && !contactsPerPage.some((n) => n > 1)) throw new Error('no primary contact page shows colleagues\' tickets');
      if (scenario.tokens === tokens.nonPrimary && contactsPerPage.some((n) => n !== 1)) throw new Error('a non-primary contact page shows others\' tickets');
    }
    console.log(`same pages from both servers for ${plan.reduce((n, s) => n + s.checked.length, 0)} token/query pairs`);

    const measure = async (server: ServerChild, scenario: Scenario, seconds: number, totals?: Totals) => {
      const before = { ...(await server.stats()), node: server.cpuMs(), postgres: postgresCpu?.() ?? 0, self: process.cpuUsage(), machine: machineCpuMs() };
      const load = await runLoad(server.url, scenario.body, scenario.tokens, seconds, CONCURRENCY);
      const self = process.cpuUsage(before.self);
      const after = { node: server.cpuMs(), postgres: postgresCpu?.() ?? 0, machine: machineCpuMs(), ...(await server.stats()) };
      if (totals) {
        totals.loads.push(load);
        totals.statements += after.statements - before.statements;
        totals.nodeCpuMs += after.node - before.node;
        totals.gcMs += after.gcMs - before.gcMs;
        totals.scavenges += after.scavenges - before.scavenges;
        totals.postgresCpuMs += after.postgres - before.postgres;
        totals.loadGeneratorCpuMs += (self.user + self.system) / 1000;
        totals.machineCpuMs += after.machine - before.machine;
      }
    };
    const results = [];
    for (const scenario of plan) {
      console.log(`\n${scenario.name}`);
      await measure(portico, scenario, WARM_UP_SECONDS);
      await measure(baseline, scenario, WARM_UP_SECONDS);
      const totals = { portico: emptyTotals(), baseline: emptyTotals() };
      for (let round = 0; round < ROUNDS; round++) {
        // Alternating who goes first, so a drift of the machine hits both alike.
        const order = round % 2 === 0 ? (['portico', 'baseline'] as const) : (['baseline', 'portico'] as const);
        for (const side of order) await measure(side === 'portico' ? portico : baseline, scenario, SECONDS, totals[side]);
        console.log(`  round ${round + 1}: Portico ${rate(totals.portico.loads.at(-1)!).toFixed(0)} req/s, baseline ${rate(totals.baseline.loads.at(-1)!).toFixed(0)} req/s`);
      }
      const p = summarise(totals.portico, !!postgresCpu);
      const b = summarise(totals.baseline, !!postgresCpu);
      results.push({
        scenario: scenario.name,
        tokens: scenario.tokens.length,
        portico: p,
        baseline: b,
        reqPerSecRatio: round3(p.reqPerSec / b.reqPerSec),
        p99Ratio: round3(p.p99Ms / b.p99Ms),
      });
    }

    printTable(results);
    writeResult('ticket-list', {
      date: new Date().toISOString(),
      machine: { nproc: availableParallelism(), cpu: cpus()[0]?.model, node: process.version, loadavgAtStart, loadavgAtEnd: loadavg().map(round2) },
      portico: serverRevision(),
      settings: { seconds: SECONDS, rounds: ROUNDS, warmUpSeconds: WARM_UP_SECONDS, concurrency: CONCURRENCY, contactTokens: tokens.primary.length + tokens.nonPrimary.length },
      dataset: { ...dataset, seedSeconds },
      notes: 'Node CPU: the server process (all threads) from /proc/<pid>/stat; PostgreSQL CPU: the whole cluster (postmaster, its exited and live children); the load generator shares the machine.',
      scenarios: results,
      totalSeconds: Math.round((Date.now() - started) / 1000),
    });
  } finally {
    for (const child of children.reverse()) await child.stop().catch((error) => console.error(error));
    await pool.end();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const emptyTotals = (): Totals => ({ loads: [], statements: 0, nodeCpuMs: 0, gcMs: 0, scavenges: 0, postgresCpuMs: 0, loadGeneratorCpuMs: 0, machineCpuMs: 0 });

/** Which server was measured: the checkout's commit, and whether server code had changes not yet committed. */
function serverRevision(): { commit: string; uncommittedServerChanges: boolean } | null {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
    return { commit: git('rev-parse', 'HEAD'), uncommittedServerChanges: git('status', '--porcelain', '--', 'server', 'migrations') !== '' };
  } catch {
    return null; // not a git checkout
  }
}

/** Busy CPU of the whole machine in ms (first line of /proc/stat, USER_HZ ticks: user nice system idle iowait irq softirq steal). */
function machineCpuMs(): number {
  const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number) as number[];
  return (user! + nice! + system! + irq! + softirq! + steal!) * 10;
}
const rate = (load: Load) => load.requests / load.seconds;
const round2 = (n: number) => Number(n.toFixed(2));
const round3 = (n: number) => Number(n.toFixed(3));

function summarise(totals: Totals, withPostgres: boolean): Side {
  const requests = totals.loads.reduce((n, l) => n + l.requests, 0);
  const seconds = totals.loads.reduce((n, l) => n + l.seconds, 0);
  const latencies = totals.loads.flatMap((l) => l.latencies);
  return {
    requests,
    seconds: round2(seconds),
    reqPerSec: Math.round(requests / seconds),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    statementsPerRequest: round2(totals.statements / requests),
    nodeCpuMsPerRequest: round3(totals.nodeCpuMs / requests),
    gcMsPerRequest: round3(totals.gcMs / requests),
    scavengesPerRequest: round3(totals.scavenges / requests),
    postgresCpuMsPerRequest: withPostgres ? round3(totals.postgresCpuMs / requests) : null,
    loadGeneratorCpuMsPerRequest: round3(totals.loadGeneratorCpuMs / requests),
    otherLoadCores: withPostgres ? round2((totals.machineCpuMs - totals.nodeCpuMs - totals.postgresCpuMs - totals.loadGeneratorCpuMs) / (seconds * 1000)) : null,
    reqPerSecByRound: totals.loads.map((l) => Math.round(rate(l))),
  };
}

function printTable(results: Array<{ scenario: string; portico: Side; baseline: Side; reqPerSecRatio: number; p99Ratio: number }>) {
  const header = ['server', 'req/s', 'p50 ms', 'p99 ms', 'SQL/req', 'Node CPU ms/req', 'GC ms/req', 'PG CPU ms/req', 'other load (cores)'];
  const row = (name: string, s: Side) => [name, String(s.reqPerSec), s.p50Ms.toFixed(2), s.p99Ms.toFixed(2), s.statementsPerRequest.toFixed(2), s.nodeCpuMsPerRequest.toFixed(3), s.gcMsPerRequest.toFixed(3), s.postgresCpuMsPerRequest?.toFixed(3) ?? '-', s.otherLoadCores?.toFixed(2) ?? '-'];
  const widths = header.map((h, i) => Math.max(h.length, ...results.flatMap((r) => [row('Portico', r.portico)[i]!.length, row('baseline', r.baseline)[i]!.length])));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`\nTicket list, ${TICKETS.toLocaleString('en')} tickets, ${CONCURRENCY} clients, ${ROUNDS} × ${SECONDS} s per server and scenario`);
  for (const r of results) {
    console.log(`\n${r.scenario}`);
    console.log(line(header));
    console.log(line(row('Portico', r.portico)));
    console.log(line(row('baseline', r.baseline)));
    console.log(`Portico/baseline: req/s ${r.reqPerSecRatio.toFixed(3)}, p99 ${r.p99Ratio.toFixed(2)}×`);
  }
  console.log('');
}

/** BENCH_KEEP_DB: a database that outlives the run (and, when embedded, a cluster that does too). */
async function keptDatabase(name: string): Promise<{ databaseUrl: string; stop(): Promise<void> }> {
  let embedded: EmbeddedPostgres | undefined;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    embedded = new EmbeddedPostgres({ dataDir: join(tmpdir(), 'portico-bench-ticket-list-kept'), port: PORT + 1 });
    serverUrl = await embedded.start();
  }
  await EmbeddedPostgres.createDatabase(serverUrl, name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { databaseUrl: url.toString(), stop: async () => void (await embedded?.stop()) };
}

await main();
