import fc from 'fast-check';
import {
  getNamedType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType, isScalarType,
  type GraphQLArgument, type GraphQLField, type GraphQLInputType, type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortico } from '../app.js';
import { configFromEnv } from '../config.js';
import { buildContact, buildCustomer, buildTechnician } from '../test/factories.js';
import { GraphQLTestClient } from '../test/graphql-client.js';
import { ADMIN_PASSWORD, ADMIN_USERNAME, createTestDatabase } from '../test/harness.js';
import { openTicketAs } from '../test/ticket-factories.js';
import type { TestPortico } from '../test/harness.js';
import { buildPorticoSchema } from '../composition.js';

/**
 * Fuzzing the API (issue 9): every query and mutation of the schema, as an admin, a technician and
 * a contact, with arguments drawn by fast-check from the schema's input types — oversized strings,
 * unicode, NUL, injection payloads, wrong types, huge numbers, invalid ids and cursors. Every answer:
 * no 5xx, every error coded (never INTERNAL_SERVER_ERROR), no stack trace or SQL; and a rejected
 * mutation changes no row (row counts and a checksum of every table, before and after).
 *
 * FUZZ_RUNS (default 2000) requests; FUZZ_SEED repeats a run (the seed is printed on failure).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261209);

/** Fields that would end the fuzzing callers' own sessions; they take no interesting input anyway. */
const SKIPPED = new Set(['signOut', 'signOutEverywhere']);
/** Written by rejected requests on purpose: failed sign-ins are counted there (auth/sign-in-throttle.ts). */
// Columns that reads and background jobs change: a session's last use, an article's view count and search index.
const VOLATILE_COLUMNS = "array['last_seen_at', 'views', 'indexed_at', 'search_vector', 'search_text']";
// kb_searches is the log that searches (reads) write; kb_words is derived by the indexing job.
const UNCHECKED_TABLES = new Set(['rate_limits', 'mikro_orm_migrations', 'kb_searches', 'kb_words']);
const CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'RATE_LIMITED', 'CONFLICT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'BAD_REQUEST']);
/** What only a leak of internals would put in an answer (the payloads themselves may be echoed in validation messages). */
const INTERNALS = /\n\s+at |node_modules|\/server\/src\/|\.ts:\d+:\d+|syntax error at or near|violates .* constraint|duplicate key value|relation "|column "[a-z_]+" |invalid input syntax for|DriverException|MikroORM|QueryFailedError|PostgreSQL|Unexpected error/i;

const PAYLOADS = [
  "' OR '1'='1", "'; DROP TABLE tickets; --", '" OR ""="', '1; SELECT pg_sleep(5)', "$$; COPY tickets TO '/tmp/x'; $$",
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '{{7*7}}', '${jndi:ldap://x/a}', '../../../../etc/passwd',
  '%00', '\u0000', 'a\u0000b', '\\', '"', "'", '\u202e\u0645\u0631\u062d\u0628\u0627', '👩‍👩‍👧‍👦🏳️‍🌈', 'Z̴̡̛a̶l̷g̸o', '\ud800', '\udfff x',
  '__proto__', 'constructor', 'null', 'undefined', 'NaN', '-1', '0', '1e309', ' ', '', '\t\n\r',
];
const HUGE_INTS = [0, -1, 1, 2147483647, -2147483648, 2147483648, -2147483649, Number.MAX_SAFE_INTEGER, 1e21, 1.5, -0.5];
const DATES = ['2026-13-45T00:00:00Z', '9999-12-31T23:59:59.999Z', '+275760-09-13T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', '0001-01-01T00:00:00Z', 'yesterday', '', '2026-02-30', '1970-01-01T00:00:00.000Z'];

interface Caller {
  name: string;
  client: GraphQLTestClient;
}

interface Case {
  caller: number;
  field: string;
  operation: 'query' | 'mutation';
  query: string;
  variables: Record<string, unknown>;
}

describe('fuzzing the API', { timeout: 180_000 }, () => {
  let portico: TestPortico;
  let schema: GraphQLSchema;
  let callers: Caller[];
  let knownIds: string[];

  beforeAll(async () => {
    const running = await startPortico(
      { ...configFromEnv({}), databaseUrl: await createTestDatabase(), port: 0, host: '127.0.0.1', adminUsername: ADMIN_USERNAME, adminPassword: ADMIN_PASSWORD, secret: 'test-secret', publicUrl: 'http://127.0.0.1' },
      // The fuzzer sends thousands of requests per caller: budgets out of the way, every other limit as shipped.
      { log: () => undefined, limits: { budget: { staff: 1e9, person: 1e9, anonymous: 1e9 } } },
    );
    portico = { ...running, databaseUrl: '', anonymous: () => new GraphQLTestClient(running.url), admin: () => GraphQLTestClient.signIn(running.url, ADMIN_USERNAME, ADMIN_PASSWORD) } as TestPortico;
    // The job workers would change rows between two requests; mail is only queued here.
    await portico.jobs.stop();
    schema = await buildPorticoSchema();

    const customer = await buildCustomer(portico);
    const contact = await buildContact(portico, { customer, isPrimary: true });
    const spareContact = await buildContact(portico, { customer });
    const spareCustomer = await buildCustomer(portico);
    const technician = await buildTechnician(portico);
    const spareTechnician = await buildTechnician(portico);
    const admin = await portico.admin();
    const contactClient = await contact.signIn();
    const tickets = [await openTicketAs(contactClient, { title: 'Printer on fire' }), await openTicketAs(admin, { title: 'Unassigned', customerId: spareCustomer.id })];
    const comment = await admin.ok<{ addTicketComment: { id: string } }>('mutation($input: AddTicketCommentInput!) { addTicketComment(input: $input) { id } }', { input: { ticketId: tickets[0]!.id, body: 'On it' } });
    // Not the fuzzing contact's own customer: deactivating it would sign the contact out for the rest of the run.
    knownIds = [spareCustomer.id, spareContact.contact.id, spareTechnician.technician.id, ...tickets.map((t) => t.id), comment.addTicketComment.id];
    callers = [
      { name: 'admin', client: admin },
      { name: 'technician', client: await technician.signIn() },
      { name: 'contact', client: contactClient },
    ];
  }, 120_000);
  afterAll(() => portico?.stop());

  it('answers thousands of hostile requests with coded errors, no internals and no change when refused', async () => {
    const cases = fc.sample(caseArbitrary(schema, () => knownIds), { numRuns: RUNS, seed: SEED });
    const snapshot = tableSnapshot(portico);
    let baseline = await snapshot();
    const failures: string[] = [];
    const seen = { fields: new Set<string>(), rejected: 0, accepted: 0 };
    const codes = new Map<string, number>();
    const started = Date.now();
    let snapshotMs = 0;

    for (const [index, c] of cases.entries()) {
      const caller = callers[c.caller]!;
      const response = await caller.client.raw(c.query, c.variables);
      const text = await response.text();
      const where = `#${index} ${caller.name} ${c.field} ${JSON.stringify(c.variables).slice(0, 300)}`;
      seen.fields.add(c.field);
      if (response.status >= 500) failures.push(`${where}: HTTP ${response.status} ${text.slice(0, 300)}`);
      if (INTERNALS.test(text)) failures.push(`${where}: internals in ${text.slice(0, 500)}`);
      let body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
      try {
        body = JSON.parse(text);
      } catch {
        failures.push(`${where}: not JSON: ${text.slice(0, 200)}`);
        continue;
      }
      for (const error of body.errors ?? []) {
        codes.set(error.extensions?.code ?? 'none', (codes.get(error.extensions?.code ?? 'none') ?? 0) + 1);
        if (process.env.FUZZ_DEBUG && error.extensions?.code === process.env.FUZZ_DEBUG) console.log(where, error.message);
        if (!CODES.has(error.extensions?.code ?? '')) failures.push(`${where}: code ${error.extensions?.code}: ${error.message}`);
      }
      const rejected = !!body.errors?.length;
      if (rejected) seen.rejected++;
      else seen.accepted++;
      if (c.operation !== 'mutation') continue;
      const snapStarted = Date.now();
      const after = await snapshot();
      snapshotMs += Date.now() - snapStarted;
      if (rejected) {
        const changed = Object.keys(after).filter((table) => after[table] !== baseline[table]);
        if (changed.length) failures.push(`${where}: refused with ${body.errors![0]!.extensions?.code} but changed ${changed.join(', ')}`);
      }
      baseline = after;
      if (failures.length > 20) break;
    }
    console.log(`fuzz: ${cases.length} requests in ${((Date.now() - started) / 1000).toFixed(1)} s (${(snapshotMs / 1000).toFixed(1)} s comparing tables), ${seen.accepted} accepted, ${seen.rejected} refused: ${[...codes].map(([c, n]) => `${c} ${n}`).join(', ')}`);
    if (failures.length) console.error(`fuzz seed ${SEED}:\n${failures.join('\n')}`);
    expect(failures).toEqual([]);
    // It reached the whole API, and both refusals and successes.
    const fields = rootFields(schema).map(([, f]) => f.name);
    expect([...fields].filter((f) => !seen.fields.has(f))).toEqual([]);
    expect(seen.rejected).toBeGreaterThan(RUNS / 4);
    expect(seen.accepted).toBeGreaterThan(RUNS / 20);
  });
});

function rootFields(schema: GraphQLSchema): Array<['query' | 'mutation', GraphQLField<unknown, unknown>]> {
  const of = (kind: 'query' | 'mutation', type: ReturnType<GraphQLSchema['getQueryType']>) =>
    Object.values(type?.getFields() ?? {}).filter((f) => !SKIPPED.has(f.name)).map((f) => [kind, f] as ['query' | 'mutation', GraphQLField<unknown, unknown>]);
  return [...of('query', schema.getQueryType()), ...of('mutation', schema.getMutationType())];
}

/** One request: a caller, a root field, and arguments drawn from its input types (as variables). */
function caseArbitrary(schema: GraphQLSchema, ids: () => string[]): fc.Arbitrary<Case> {
  const fields = rootFields(schema);
  return fc.record({ caller: fc.integer({ min: 0, max: 2 }), at: fc.integer({ min: 0, max: fields.length - 1 }) }).chain(({ caller, at }) => {
    const [operation, field] = fields[at]!;
    const args = field.args;
    const definitions = args.map((a, i) => `$a${i}: ${String(a.type)}`).join(', ');
    const call = args.length ? `${field.name}(${args.map((a, i) => `${a.name}: $a${i}`).join(', ')})` : field.name;
    const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
    const query = `${operation}${definitions ? `(${definitions})` : ''} { ${call}${selection} }`;
    const values = args.map((a) => argumentArbitrary(a, ids));
    return fc.tuple(...values).map((drawn) => {
      const variables: Record<string, unknown> = {};
      drawn.forEach((value, i) => {
        if (value !== OMIT) variables[`a${i}`] = value;
      });
      return { caller, field: field.name, operation, query, variables };
    });
  });
}

const OMIT = Symbol('omit');

function argumentArbitrary(argument: GraphQLArgument, ids: () => string[]): fc.Arbitrary<unknown> {
  const value = valueArbitrary(argument.type, ids, 0, argument.name);
  return isNonNullType(argument.type) ? value : fc.oneof({ weight: 3, arbitrary: value }, { weight: 1, arbitrary: fc.constant(OMIT) });
}

/** Anything of the wrong type. */
const wrongType = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.string({ maxLength: 5 }), fc.constant({}), fc.constant([]), fc.constant({ nested: { deeper: [1, 'two'] } }));

const shortStrings = fc.oneof(
  { weight: 6, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) },
  { weight: 4, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom(...PAYLOADS)).map(([a, b]) => `${a}${b}${a}`) },
  // Text that passes every check but PostgreSQL's: a NUL inside
  { weight: 2, arbitrary: fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), fc.string({ maxLength: 10 })).map(([a, b]) => `${a}\u0000${b}`) },
);
/** Oversized strings too (up to 500,000 characters; the body limit is 1 MB) — not inside lists, so a body stays below a few MB. */
const stringsAnySize = fc.oneof(
  { weight: 15, arbitrary: shortStrings },
  { weight: 1, arbitrary: fc.nat({ max: 4 }).map((n) => 'x'.repeat([201, 1_001, 10_001, 100_001, 500_000][n]!)) },
);

function scalarArbitrary(name: string, argumentName: string, ids: () => string[], inList: boolean): fc.Arbitrary<unknown> {
  const strings = inList ? shortStrings : stringsAnySize;
  switch (name) {
    case 'ID':
      return fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...ids()) },
        { weight: 2, arbitrary: fc.uuid() },
        { weight: 2, arbitrary: strings },
        { weight: 1, arbitrary: fc.integer() },
      );
    case 'Int':
      return fc.oneof({ weight: 4, arbitrary: fc.integer({ min: -5, max: argumentName === 'first' ? 150 : 5000 }) }, { weight: 2, arbitrary: fc.constantFrom(...HUGE_INTS) }, { weight: 1, arbitrary: fc.integer() });
    case 'Float':
      return fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(...HUGE_INTS));
    case 'Boolean':
      return fc.boolean();
    case 'DateTimeISO':
      return fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.constantFrom(...DATES), strings);
    case 'JSONObject':
      return fc.oneof(fc.object({ maxDepth: 2 }), fc.dictionary(shortStrings, shortStrings, { maxKeys: 3 }));
    default:
      // String, and cursors (`after`): garbage, base64 of JSON, or real-looking strings
      if (argumentName === 'after') {
        return fc.oneof(strings, fc.json({ maxDepth: 2 }).map((j) => Buffer.from(j).toString('base64url')), fc.base64String({ maxLength: 40 }));
      }
      return strings;
  }
}

function valueArbitrary(type: GraphQLInputType, ids: () => string[], depth: number, name: string, inList = false): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    return fc.oneof({ weight: 20, arbitrary: valueArbitrary(type.ofType, ids, depth, name, inList) }, { weight: 1, arbitrary: fc.constant(null) });
  }
  let inner: fc.Arbitrary<unknown>;
  if (isListType(type)) {
    const item = valueArbitrary(type.ofType, ids, depth + 1, name, true);
    inner = fc.oneof(
      { weight: 6, arbitrary: fc.array(item, { maxLength: 4 }) },
      { weight: 1, arbitrary: item },
      { weight: 1, arbitrary: fc.nat({ max: 2 }).chain((n) => fc.array(item, { minLength: [200, 1000, 5000][n]!, maxLength: [200, 1000, 5000][n]! })) },
    );
  } else if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const record = Object.fromEntries(fields.map((f) => [f.name, depth > 3 ? fc.constant(null) : valueArbitrary(f.type, ids, depth + 1, f.name, inList)]));
    const required = fields.filter((f) => isNonNullType(f.type)).map((f) => f.name);
    inner = fc.oneof(
      { weight: 8, arbitrary: fc.record(record, { requiredKeys: required as never[] }) },
      { weight: 1, arbitrary: fc.record(record, { requiredKeys: [] }) },
      { weight: 1, arbitrary: fc.tuple(fc.record(record, { requiredKeys: required as never[] }), fc.string({ minLength: 1, maxLength: 8 }), wrongType).map(([r, k, v]) => ({ ...r, [k]: v })) },
    );
  } else if (isEnumType(type)) {
    inner = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.name)) }, { weight: 1, arbitrary: shortStrings });
  } else if (isScalarType(type)) {
    inner = scalarArbitrary(type.name, name, ids, inList);
  } else {
    inner = fc.constant(null);
  }
  return fc.oneof({ weight: 14, arbitrary: inner }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: wrongType });
}

/** Row count and an md5 of the rows of every table (sessions without their last-seen time). */
function tableSnapshot(portico: TestPortico) {
  let sql: string | undefined;
  return async (): Promise<Record<string, string>> => {
    const connection = portico.orm.em.fork().getConnection();
    if (!sql) {
      const tables = (await connection.execute<Array<{ table_name: string }>>("select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name"))
        .map((r) => r.table_name).filter((t) => !UNCHECKED_TABLES.has(t));
      sql = tables.map((t) => `select '${t}' as t, count(*) || ':' || coalesce(md5(string_agg((to_jsonb(x) - ${VOLATILE_COLUMNS})::text, ',' order by (to_jsonb(x) - ${VOLATILE_COLUMNS})::text)), '') as v from "${t}" x`).join(' union all ');
    }
    const rows = await connection.execute<Array<{ t: string; v: string }>>(sql);
    return Object.fromEntries(rows.map((r) => [r.t, r.v]));
  };
}
