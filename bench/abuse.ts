/**
 * Benchmark (issue 9): does an ordinary contact's ticket list stay fast while abusive clients run?
 *
 * Portico runs as its own process with the shipped limits (server/src/main.ts, like `npm start`).
 * Ordinary contacts load the portal's ticket list at a steady, human-plus rate (each within its
 * budget); their latencies are measured first on an idle server, then — in the same run, on the
 * same data — while three abusive clients run, each in its own process:
 *   1. the alias bomb as a contact: 500 aliases of `tickets(first: 100)` with comments, 3 at once, in a loop
 *   2. the same alias bomb as the admin
 *   3. the subscription flood: 300 `ticketChanged` subscriptions (over 30 sockets) plus ticket changes in a loop
 * Target: p99 under abuse <= 2 x p99 idle. Results go to bench/results/abuse.json.
 *
 *   npm run bench:abuse                      # 20 s per phase
 *   BENCH_SECONDS=30 BENCH_CONTACTS=10 npm run bench:abuse
 *
 * Uses DATABASE_URL's server when set, else an embedded PostgreSQL in a temp directory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { EmbeddedPostgres } from '../server/src/db/embedded-postgres.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 10);
/** Each ordinary contact loads its list this often: once a second, well within a contact's budget. */
const INTERVAL_MS = Number(process.env.BENCH_INTERVAL_MS ?? 1000);
const ADMIN_PASSWORD = 'bench-admin-password-2026';

/** The portal's ticket list (portal-client/src/routes/tickets.tsx), first page. */
const LIST_QUERY = `query PortalTickets($first: Int!) { tickets(first: $first) { edges { cursor node { id number title status lastActivityAt contact { id name } latestComment { body createdAt authorKind } } } pageInfo { hasNextPage endCursor } } }`;
const ALIAS_BOMB = `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: tickets(first: 100) { edges { node { id title comments { id body authorName createdAt } } } }`).join(' ')} }`;

type Role = 'bomb' | 'flood';

async function main() {
  const role = process.env.BENCH_ABUSER as Role | undefined;
  if (role) return abuser(role, process.env.BENCH_URL!, process.env.BENCH_TOKEN!, Number(process.env.BENCH_UNTIL), process.env.BENCH_TICKET);

  let embedded: EmbeddedPostgres | undefined;
  let dataDir: string | undefined;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    dataDir = mkdtempSync(join(tmpdir(), 'portico-abuse-'));
    chmodSync(dataDir, 0o755);
    embedded = new EmbeddedPostgres({ dataDir, port: 55800 + Math.floor(Math.random() * 90) });
    serverUrl = await embedded.start();
  }
  const databaseUrl = new URL(serverUrl);
  databaseUrl.pathname = `/portico_abuse_${Date.now()}`;
  await EmbeddedPostgres.createDatabase(serverUrl, databaseUrl.pathname.slice(1));

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', 'server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl.toString(), PORT: String(port), HOST: '127.0.0.1', PORTICO_ADMIN_USERNAME: 'admin', PORTICO_ADMIN_PASSWORD: ADMIN_PASSWORD, PORTICO_SECRET: 'bench' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const children: ChildProcess[] = [server];
  const db = new pg.Pool({ connectionString: databaseUrl.toString(), max: 2 });
  try {
    await started(server);
    console.log(`Portico (shipped limits) on ${url}; seeding…`);
    const seeded = await seed(url, db);

    console.log(`idle: ${CONTACTS} contacts load their ticket list every ${INTERVAL_MS} ms for ${SECONDS} s…`);
    const idle = await measure(url, seeded.ordinary, SECONDS);

    console.log('abuse: starting the alias bomb (contact, admin) and the subscription flood…');
    const until = Date.now() + (SECONDS + 14) * 1000;
    const which = (process.env.BENCH_ABUSERS ?? 'contact,admin,flood').split(',');
    const none = Promise.resolve(null);
    const abusers: Array<Promise<AbuserReport | null>> = [
      which.includes('contact') ? runAbuser(children, 'bomb', url, seeded.bomber, until) : none,
      which.includes('admin') ? runAbuser(children, 'bomb', url, seeded.admin, until) : none,
      which.includes('flood') ? runAbuser(children, 'flood', url, seeded.flooder, until, seeded.flooderTicket) : none,
    ];
    await new Promise((r) => setTimeout(r, 10_000)); // let them start (TypeScript compile) and get going
    const abused = await measure(url, seeded.ordinary, SECONDS);
    const reports = await Promise.all(abusers);

    const result = {
      date: new Date().toISOString(),
      machine: `${(await import('node:os')).cpus().length} cores, load average at the end ${(await import('node:os')).loadavg().map((n) => n.toFixed(1)).join(' ')}`,
      seconds: SECONDS,
      ordinaryContacts: CONTACTS,
      intervalMs: INTERVAL_MS,
      tickets: seeded.tickets,
      idle,
      abuse: abused,
      ratioP99: round(abused.p99 / idle.p99),
      target: 'p99 under abuse <= 2 x p99 idle',
      pass: abused.p99 <= 2 * idle.p99 && abused.errors === 0,
      abusers: { aliasBombContact: reports[0], aliasBombAdmin: reports[1], subscriptionFlood: reports[2] },
    };
    mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
    writeFileSync(join(ROOT, 'bench/results/abuse.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
    console.log(`p99 idle ${idle.p99} ms, under abuse ${abused.p99} ms: ratio ${result.ratioP99} (target <= 2) ${result.pass ? 'PASS' : 'FAIL'}`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    await db.end();
    await embedded?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

interface Latencies {
  requests: number;
  errors: number;
  firstError?: string;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Every ordinary contact loads its list every INTERVAL_MS (open loop: a slow answer does not delay the next request). */
async function measure(url: string, tokens: string[], seconds: number): Promise<Latencies> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const end = Date.now() + seconds * 1000;
  const pending: Array<Promise<void>> = [];
  await Promise.all(tokens.map(async (token, index) => {
    await new Promise((r) => setTimeout(r, (INTERVAL_MS / tokens.length) * index)); // spread the contacts over the interval
    while (Date.now() < end) {
      const started = performance.now();
      pending.push(gql(url, token, LIST_QUERY, { first: 25 }).then((body) => {
        latencies.push(performance.now() - started);
        if (body.errors) {
          errors++;
          firstError ??= JSON.stringify(body.errors[0]);
        }
      }, () => void errors++));
      await new Promise((r) => setTimeout(r, INTERVAL_MS));
    }
  }));
  await Promise.all(pending);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN);
  return { requests: latencies.length, errors, ...(firstError ? { firstError } : {}), p50: at(0.5), p95: at(0.95), p99: at(0.99), max: round(latencies.at(-1) ?? NaN) };
}

interface AbuserReport {
  requests: number;
  byAnswer: Record<string, number>;
  subscriptionsOpen?: number;
  subscriptionsRefused?: number;
  subscriptionsEndedOverBudget?: number;
  deliveries?: number;
  ticketChanges?: number;
}

function runAbuser(children: ChildProcess[], role: Role, url: string, token: string, until: number, ticket?: string): Promise<AbuserReport> {
  const child = spawn(process.execPath, ['--import', '@swc-node/register/esm-register', 'bench/abuse.ts'], {
    cwd: ROOT,
    env: { ...process.env, BENCH_ABUSER: role, BENCH_URL: url, BENCH_TOKEN: token, BENCH_UNTIL: String(until), BENCH_TICKET: ticket ?? '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => child.once('exit', () => {
    try {
      resolve(JSON.parse(output.trim().split('\n').at(-1)!) as AbuserReport);
    } catch (error) {
      reject(new Error(`abuser ${role} failed: ${output} ${String(error)}`));
    }
  }));
}

/** One abusive client, in its own process; prints its report as the last line. */
async function abuser(role: Role, url: string, token: string, until: number, ticket?: string) {
  const report: AbuserReport = { requests: 0, byAnswer: {} };
  const count = (answer: string) => (report.byAnswer[answer] = (report.byAnswer[answer] ?? 0) + 1);
  const answerOf = async (response: Response) => {
    const body = (await response.json().catch(() => ({}))) as { errors?: Array<{ extensions?: { code?: string; limit?: string } }> };
    const error = body.errors?.[0]?.extensions;
    return `${response.status} ${error ? `${error.code}${error.limit ? `/${error.limit}` : ''}` : 'ok'}`;
  };
  const post = (query: string, variables: Record<string, unknown> = {}) =>
    fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });

  if (role === 'bomb') {
    // "three such requests at once", as fast as the server answers
    await Promise.all(Array.from({ length: 3 }, async () => {
      while (Date.now() < until) {
        report.requests++;
        count(await answerOf(await post(ALIAS_BOMB)).catch(() => 'network error'));
      }
    }));
  } else {
    report.subscriptionsOpen = 0;
    report.subscriptionsRefused = 0;
    report.subscriptionsEndedOverBudget = 0;
    report.deliveries = 0;
    report.ticketChanges = 0;
    const sockets = Array.from({ length: 30 }, () => createClient({ url: `${url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { sessionToken: token }, retryAttempts: 0, lazy: false }));
    for (const socket of sockets) {
      for (let i = 0; i < 10; i++) {
        let delivered = false;
        let over = false;
        const ended = () => {
          if (over) return;
          over = true;
          if (delivered) report.subscriptionsEndedOverBudget!++;
          else report.subscriptionsRefused!++;
        };
        socket.subscribe({ query: 'subscription { ticketChanged { id title status latestComment { body } } }' }, {
          next: (value) => {
            if ((value as { errors?: unknown }).errors) ended();
            else {
              delivered = true;
              report.deliveries!++;
            }
          },
          error: ended,
          complete: () => undefined,
        });
      }
    }
    await new Promise((r) => setTimeout(r, 2000));
    report.subscriptionsOpen = 300 - report.subscriptionsRefused;
    // Ticket changes in a loop: every one is an event for the 300 subscriptions.
    while (Date.now() < until) {
      report.requests++;
      report.ticketChanges++;
      count(await answerOf(await post('mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { id } }', { input: { ticketId: ticket, body: `flood ${report.requests}` } })).catch(() => 'network error'));
    }
    report.subscriptionsOpen = 300 - report.subscriptionsRefused - report.subscriptionsEndedOverBudget;
    for (const socket of sockets) await socket.dispose();
  }
  console.log(JSON.stringify(report));
  process.exit(0);
}

async function gql(url: string, token: string | undefined, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: Record<string, any>; errors?: Array<{ message: string; extensions?: { code?: string } }> };
}

/** A customer with CONTACTS ordinary contacts (60 tickets with comments each), the abusive contacts with their own tickets. */
async function seed(url: string, db: pg.Pool) {
  const ok = async (token: string | undefined, query: string, variables: Record<string, unknown> = {}) => {
    const body = await gql(url, token, query, variables);
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  };
  const signIn = async (username: string, password: string) =>
    (await ok(undefined, 'mutation($input: SignInInput!) { signIn(input: $input) { token } }', { input: { username, password } })).signIn.token as string;
  const admin = await signIn('admin', ADMIN_PASSWORD);
  const customer = (await ok(admin, 'mutation { createCustomer(input: { name: "Bench AG", domains: ["bench.example"] }) { id } }')).createCustomer.id as string;
  const contact = async (name: string) => {
    const created = (await ok(admin, 'mutation($input: CreateContactInput!) { createContact(input: $input) { username password contact { id } } }', { input: { customerId: customer, name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@bench.example` } })).createContact;
    return { id: created.contact.id as string, token: await signIn(created.username, created.password) };
  };
  const ordinary = [];
  for (let i = 0; i < CONTACTS; i++) ordinary.push(await contact(`Ordinary ${i}`));
  const bomber = await contact('Alias Bomber');
  const flooder = await contact('Subscription Flooder');
  // 60 tickets per contact (the bombers' lists are full: 100 per page), each with 5 public replies
  await db.query(`insert into tickets (id, created_at, updated_at, title, description, status, priority, type, impact, is_billed, customer_id, contact_id, source, custom_field_values, last_activity_at, public_activity_at)
    select gen_random_uuid(), now(), now(), 'Ticket ' || g || ' of ' || c.name, 'Details', (array['OPEN','PENDING','RESOLVED'])[1 + g % 3], 'NORMAL', 'QUESTION', 'LOW', false, $1::uuid, c.id, 'PORTAL', '{}'::jsonb, now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval
    from contacts c, generate_series(1, 60) g where c.customer_id = $1::uuid`, [customer]);
  await db.query(`insert into ticket_comments (id, created_at, updated_at, ticket_id, body, is_internal)
    select gen_random_uuid(), t.last_activity_at + (k || ' seconds')::interval, now(), t.id, 'Reply ' || k || ' on ' || t.title, false from tickets t, generate_series(1, 5) k where t.customer_id = $1::uuid`, [customer]);
  await db.query('analyze');
  const tickets = Number((await db.query('select count(*) as n from tickets')).rows[0].n);
  const flooderTicket = (await db.query('select id from tickets where contact_id = $1 limit 1', [flooder.id])).rows[0].id as string;
  return { admin, ordinary: ordinary.map((c) => c.token), bomber: bomber.token, flooder: flooder.token, flooderTicket, tickets };
}

function started(server: ChildProcess): Promise<void> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Portico did not start: ${output}`)), 120_000);
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Portico is running')) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (process.env.BENCH_SERVER_LOG) process.stderr.write(chunk);
    });
    server.once('exit', (code) => reject(new Error(`Portico exited (${code}): ${output}`)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const round = (n: number) => Math.round(n * 10) / 10;

await main();
