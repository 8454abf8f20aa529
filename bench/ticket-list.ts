/**
 * Benchmark: the portal ticket list (a contact's 25 most recent tickets with their latest public
 * comment) through Portico's GraphQL API, against one hand-written SQL query over plain pg, in the
 * same run on the same database. Prints both throughputs, their ratio and the SQL statements
 * Portico sends per request. Target (README of the team): ratio >= 0.5 with <= 3 statements.
 *
 *   npm run bench                 # 1,000,000 tickets, 10 s per side, 8 concurrent requests
 *   BENCH_TICKETS=100000 BENCH_SECONDS=5 npm run bench
 *
 * Uses DATABASE_URL's server when set, else an embedded PostgreSQL in a temp directory.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startPortico } from '../server/src/app.js';
import { configFromEnv } from '../server/src/config.js';
import { EmbeddedPostgres } from '../server/src/db/embedded-postgres.js';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ADMIN_PASSWORD = 'bench-admin-password';

const LIST_QUERY = `{ tickets(first: 25) { edges { node { id number title status lastActivityAt latestComment { body createdAt } } } pageInfo { hasNextPage endCursor } } }`;

// What a careful developer would write by hand for the same page.
const BASELINE_SQL = `
  select t.id, t.number, t.title, t.status, t.public_activity_at, c.body, c.created_at
  from tickets t
  left join lateral (
    select body, created_at from ticket_comments
    where ticket_id = t.id and is_internal = false order by created_at desc limit 1
  ) c on true
  where t.contact_id = $1 and t.status = any($2)
  order by t.public_activity_at desc, t.id desc
  limit 26`;

async function main() {
  let embedded: EmbeddedPostgres | undefined;
  let dataDir: string | undefined;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    dataDir = mkdtempSync(join(tmpdir(), 'portico-bench-'));
    chmodSync(dataDir, 0o755);
    embedded = new EmbeddedPostgres({ dataDir, port: 55900 });
    serverUrl = await embedded.start();
  }
  const databaseUrl = new URL(serverUrl);
  databaseUrl.pathname = `/portico_bench_${Date.now()}`;
  await EmbeddedPostgres.createDatabase(serverUrl, databaseUrl.pathname.slice(1));

  let statements = 0;
  const portico = await startPortico(
    { ...configFromEnv({}), databaseUrl: databaseUrl.toString(), port: 0, host: '127.0.0.1', adminPassword: ADMIN_PASSWORD, secret: 'bench' },
    { log: () => undefined, onQuery: (sql) => { statements++; if (process.env.BENCH_SHOW_SQL) console.log(sql.slice(0, 400)); } },
  );
  const client = new pg.Pool({ connectionString: databaseUrl.toString(), max: CONCURRENCY });
  try {
    const { contactId, token } = await seed(portico.url, client);
    const gql = () =>
      fetch(`${portico.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: LIST_QUERY }),
      }).then(async (r) => {
        const body = (await r.json()) as { errors?: unknown };
        if (body.errors) throw new Error(JSON.stringify(body.errors));
      });
    const sql = () => client.query(BASELINE_SQL, [contactId, ['OPEN', 'PENDING', 'RESOLVED', 'CLOSED']]);

    await run(gql, 2); // warm up both
    await run(sql, 2);
    const before = statements;
    const probe = 20;
    for (let i = 0; i < probe; i++) await gql();
    const perRequest = (statements - before) / probe;

    const baseline = await run(sql, SECONDS);
    const portal = await run(gql, SECONDS);
    console.log(`tickets in the database: ${TICKETS.toLocaleString('en')}`);
    console.log(`hand-written SQL over pg: ${baseline.toFixed(0)} req/s`);
    console.log(`Portico GraphQL:          ${portal.toFixed(0)} req/s`);
    console.log(`ratio:                    ${(portal / baseline).toFixed(3)} (target >= 0.5)`);
    console.log(`SQL statements/request:   ${perRequest.toFixed(1)} (target <= 3)`);
  } finally {
    await client.end();
    await portico.stop();
    await embedded?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Requests per second of `request`, CONCURRENCY at a time, for `seconds`. */
async function run(request: () => Promise<unknown>, seconds: number): Promise<number> {
  const end = Date.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < end) {
        await request();
        done++;
      }
    }),
  );
  return done / seconds;
}

/** Customers, contacts and TICKETS tickets with comments, generated in SQL; returns the benchmarked contact. */
async function seed(baseUrl: string, db: pg.Pool) {
  const signIn = async (username: string, password: string) => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($u: String!, $p: String!) { signIn(input: { username: $u, password: $p }) { token } }', variables: { u: username, p: password } }),
    });
    return ((await response.json()) as { data: { signIn: { token: string } } }).data.signIn.token;
  };
  const call = async (token: string, query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    return ((await response.json()) as { data: Record<string, any> }).data;
  };
  const admin = await signIn('admin', ADMIN_PASSWORD);
  const { createCustomer } = await call(admin, 'mutation { createCustomer(input: { name: "Bench AG", domains: ["bench.example"] }) { id } }');
  const { createContact } = await call(admin, 'mutation($c: ID!) { createContact(input: { customerId: $c, name: "Bench Contact", email: "bench@bench.example" }) { username password contact { id } } }', { c: createCustomer.id });

  console.log(`seeding ${TICKETS.toLocaleString('en')} tickets…`);
  // 1,000 other customers share the bulk; the benchmarked contact owns every 5,000th (200 of a million).
  await db.query(`insert into customers (id, created_at, updated_at, name, name_key)
    select gen_random_uuid(), now(), now(), 'Customer ' || g, 'customer ' || g from generate_series(1, 1000) g`);
  await db.query(`with others as (select array_agg(id) as ids from customers where name like 'Customer %')
    insert into tickets (id, created_at, updated_at, title, description, status, priority, type, impact, is_billed, customer_id, contact_id, source, custom_field_values, last_activity_at, public_activity_at)
    select gen_random_uuid(), now(), now(), 'Ticket ' || g, 'Details ' || g,
      (array['OPEN','PENDING','RESOLVED','CLOSED'])[1 + g % 4], 'NORMAL', 'QUESTION', 'LOW', false,
      case when g % 5000 = 0 then $1::uuid else others.ids[1 + g % 1000] end,
      case when g % 5000 = 0 then $2::uuid else null end,
      'PORTAL', '{}'::jsonb, now() - (g || ' seconds')::interval, now() - (g || ' seconds')::interval
    from generate_series(1, $3::int) g, others`, [createCustomer.id, createContact.contact.id, TICKETS]);
  await db.query(`insert into ticket_comments (id, created_at, updated_at, ticket_id, body, is_internal)
    select gen_random_uuid(), t.last_activity_at, now(), t.id, 'Reply on ' || t.title, false from tickets t where t.contact_id = $1`, [createContact.contact.id]);
  await db.query('analyze');
  return { contactId: createContact.contact.id as string, token: await signIn(createContact.username, createContact.password) };
}

await main();
