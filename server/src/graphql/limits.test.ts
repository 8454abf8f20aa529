import {
  getNamedType, getNullableType, isEnumType, isInputObjectType, isListType, isNonNullType, isScalarType, print, specifiedRules, typeFromAST, validate,
  type DocumentNode, type GraphQLInputType, type GraphQLSchema, type OperationDefinitionNode,
} from 'graphql';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortico } from '../app.js';
import { apiPolicy } from '../auth/api.policy.js';
import { configFromEnv } from '../config.js';
import { buildContact, buildTechnician } from '../test/factories.js';
import { GraphQLTestClient, type GraphQLResponse } from '../test/graphql-client.js';
import { ADMIN_PASSWORD, ADMIN_USERNAME, createTestDatabase, startTestPortico, type TestPortico } from '../test/harness.js';
import { untilMoreThan, untilSubscribed } from '../test/live.js';
import { openTicketAs } from '../test/ticket-factories.js';
import * as adminDocuments from '../../../admin-client/src/gql/graphql.js';
import * as portalDocuments from '../../../portal-client/src/gql/graphql.js';
import { MAX_PAGE_SIZE } from './connection.js';
import { ApiLimits, checkInput, DEFAULT_LIMITS, limitRules, MUTATION_COST, operationCost, parseWithLimits, Semaphore, type LimitSettings } from './limits.js';
import { buildPorticoSchema } from '../composition.js';

/** Every operation the two apps send (the generated documents, fragments included). */
function appOperations(): Array<{ app: string; name: string; document: DocumentNode; operation: OperationDefinitionNode }> {
  const all: Array<{ app: string; name: string; document: DocumentNode; operation: OperationDefinitionNode }> = [];
  for (const [app, module] of [['portal', portalDocuments], ['admin', adminDocuments]] as const) {
    for (const [name, value] of Object.entries(module as Record<string, unknown>)) {
      const document = value as DocumentNode;
      if (!name.endsWith('Document') || document?.kind !== 'Document') continue;
      const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
      if (operation) all.push({ app, name, document, operation });
    }
  }
  return all;
}

/** A value of an input type with every required field, page sizes at their maximum (the worst case for cost). */
function sample(type: GraphQLInputType, name: string): unknown {
  if (isNonNullType(type)) return sample(type.ofType, name);
  if (name === 'after') return null; // the first page
  if (isListType(type)) return [sample(type.ofType, name)];
  if (isEnumType(type)) return type.getValues()[0]!.name;
  if (isInputObjectType(type)) {
    return Object.fromEntries(Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined).map((f) => [f.name, sample(f.type, f.name)]));
  }
  if (isScalarType(type)) {
    if (type.name === 'Int') return name === 'first' ? MAX_PAGE_SIZE : 1;
    if (type.name === 'Boolean') return true;
    if (type.name === 'ID') return '00000000-0000-4000-8000-000000000000';
    if (type.name === 'DateTimeISO') return '2026-01-01T00:00:00.000Z';
    if (type.name === 'JSONObject') return {};
    return 'x';
  }
  return null;
}

function variablesFor(schema: GraphQLSchema, operation: OperationDefinitionNode) {
  return Object.fromEntries((operation.variableDefinitions ?? []).map((d) => {
    const type = typeFromAST(schema, d.type as never) as GraphQLInputType;
    return [d.variable.name.value, sample(type, d.variable.name.value)];
  }));
}

describe('limits', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildPorticoSchema();
  });

  it("let every one of the apps' own documents through, with page sizes at their maximum", () => {
    const operations = appOperations();
    expect(operations.length).toBeGreaterThan(40);
    const rules = limitRules(DEFAULT_LIMITS);
    const report: string[] = [];
    for (const { app, name, operation } of operations) {
      const source = print(operations.find((o) => o.name === name && o.app === app)!.document);
      const document = parseWithLimits(source, DEFAULT_LIMITS);
      const errors = validate(schema, document, [...specifiedRules, ...rules]);
      expect(errors.map((e) => `${app} ${name}: ${e.message}`)).toEqual([]);
      const variables = variablesFor(schema, operation);
      checkInput(schema, document, operation, variables);
      const cost = operationCost(schema, document, operation.name?.value, variables);
      report.push(`${app} ${name}: ${cost}`);
      if (process.env.SHOW_COSTS) console.log(report.at(-1));
      expect(cost, `${app} ${name}: room for the apps to grow`).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost / 2);
    }
    // The most expensive document of the apps stays well below the limit (room for growth, not for abuse).
    const worst = Math.max(...report.map((line) => Number(line.split(': ')[1])));
    expect(worst).toBeGreaterThan(100);
  });

  it('refuse what the issue describes: 500 aliased lists, deep nesting, long documents, lists of lists', () => {
    const rules = limitRules(DEFAULT_LIMITS);
    const codes = (source: string) => validate(schema, parseWithLimits(source, DEFAULT_LIMITS), [...specifiedRules, ...rules]).map((e) => [e.extensions.code, e.extensions.limit]);

    const alias = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: serverInfo { version }`).join(' ')} }`;
    expect(codes(alias(15))).toEqual([]);
    expect(codes(alias(16))).toEqual([['BAD_USER_INPUT', 'aliases']]);

    // depth 6 passes, 7 does not (fragments add no level)
    const six = '{ tickets { edges { node { latestComment { ticket { id } } } } } }';
    const seven = '{ tickets { edges { node { followUpOf { latestComment { ticket { id } } } } } } }';
    const fragment = 'query { tickets { ...T } } fragment T on TicketConnection { edges { node { latestComment { ticket { id } } } } }';
    if (schema.getType('TicketComment') && 'ticket' in (schema.getType('TicketComment') as never as { getFields(): object }).getFields()) {
      expect(codes(six)).toEqual([]);
      expect(codes(fragment)).toEqual([]);
      expect(codes(seven)).toEqual([['BAD_USER_INPUT', 'depth']]);
    } else {
      expect(codes('{ tickets { edges { node { followUpOf { contact { customer { id } } } } } } }')).toEqual([['BAD_USER_INPUT', 'depth']]);
      expect(codes('{ tickets { edges { node { followUpOf { contact { id } } } } } }')).toEqual([]);
    }

    // 1,000 tokens
    expect(() => parseWithLimits(`{ ${'__typename '.repeat(997)} }`, DEFAULT_LIMITS)).not.toThrow();
    expect(() => parseWithLimits(`{ ${'__typename '.repeat(999)} }`, DEFAULT_LIMITS)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', limit: 'tokens' }) }));

    // cost: first multiplies, so one page of 100 tickets with their comments is fine and 15 of them are not
    const page = 'tickets(first: 100) { edges { node { id title comments { id body authorName } } } }';
    const cost = (source: string) => {
      const document = parseWithLimits(source, DEFAULT_LIMITS);
      return operationCost(schema, document, undefined, {});
    };
    expect(cost(`{ ${page} }`)).toBeLessThanOrEqual(DEFAULT_LIMITS.maxCost);
    expect(cost(`{ ${Array.from({ length: 15 }, (_, i) => `a${i}: ${page}`).join(' ')} }`)).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
    expect(cost('{ tickets(first: 100) { edges { node { id } } } }')).toBeGreaterThan(cost('{ tickets(first: 10) { edges { node { id } } } }') * 5);
    // the default page size counts when `first` is left out; variables count too
    const byVariable = parseWithLimits('query($n: Int!) { tickets(first: $n) { edges { node { id } } } }', DEFAULT_LIMITS);
    expect(operationCost(schema, byVariable, undefined, { n: 100 })).toBe(cost('{ tickets(first: 100) { edges { node { id } } } }'));
    expect(cost('{ tickets { edges { node { id } } } }')).toBe(cost('{ tickets(first: 25) { edges { node { id } } } }'));
  });

  it('refuse malformed variables and NUL characters as BAD_USER_INPUT naming the field', () => {
    const document = parseWithLimits('mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }', DEFAULT_LIMITS);
    const operation = document.definitions[0] as OperationDefinitionNode;
    const refusal = (variables: unknown) => {
      try {
        checkInput(schema, document, operation, variables as Record<string, unknown>);
        return null;
      } catch (error) {
        return (error as { extensions: Record<string, unknown> }).extensions;
      }
    };
    expect(refusal({ input: { title: 'ok' } })).toBeNull();
    expect(refusal({ input: { title: 'a\u0000b' } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    expect(refusal({ input: { title: 42 } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    expect(refusal({ input: { title: 'x', priority: 'NOPE' } })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'priority' });
    expect(refusal({})).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
    expect(refusal({ input: null })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input' });
    expect(refusal([1, 2])).toMatchObject({ code: 'BAD_USER_INPUT', field: 'variables' });
    // 100 wrong fields: one coded error, not graphql-js' "too many errors" without a code
    expect(refusal({ input: Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`f${i}`, i])) })).toMatchObject({ code: 'BAD_USER_INPUT' });

    // Forged cursors: decodable but of the wrong shape (found by the fuzzer: it reached PostgreSQL as a uuid compared with a number)
    const page = parseWithLimits('query($after: String) { customers(first: 2, after: $after) { totalCount } }', DEFAULT_LIMITS);
    const pageOperation = page.definitions[0] as OperationDefinitionNode;
    const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const forged of ['WyI9OjBlTn1oI0UiLC0xLjQ3MDI0MDgyNDI2Mzk5MzdlLTld', cursor(['a', 1]), cursor(['a']), cursor({ a: 1 }), cursor(['a', 'not-a-uuid']), 'not base64 at all!', cursor(Array(5).fill('00000000-0000-4000-8000-000000000000'))]) {
      expect(() => checkInput(schema, page, pageOperation, { after: forged }), forged).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }) }));
    }
    expect(() => checkInput(schema, page, pageOperation, { after: cursor(['acme ag', '00000000-0000-4000-8000-000000000000']) })).not.toThrow();
    expect(() => checkInput(schema, page, pageOperation, { after: null })).not.toThrow();
    const inline = parseWithLimits(`{ customers(after: "${cursor([1, 2])}") { totalCount } }`, DEFAULT_LIMITS);
    expect(() => checkInput(schema, inline, inline.definitions[0] as OperationDefinitionNode, {})).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ field: 'after' }) }));

    const literal = parseWithLimits('mutation { openTicket(input: { title: "a\\u0000b" }) { id } }', DEFAULT_LIMITS);
    expect(() => checkInput(schema, literal, literal.definitions[0] as OperationDefinitionNode, {})).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'title' }) }));
    const inList = parseWithLimits('mutation { createCustomer(input: { name: "x", domains: ["a.example", "b\\u0000.example"] }) { id } }', DEFAULT_LIMITS);
    expect(() => checkInput(schema, inList, inList.definitions[0] as OperationDefinitionNode, {})).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ field: 'domains.1' }) }));
  });

  it('charge a mutation that ran, not one refused for access', async () => {
    const limits = new ApiLimits({ ...DEFAULT_LIMITS, budget: { staff: 1e9, person: MUTATION_COST + 1_500, anonymous: 1e9 } }, false, apiPolicy);
    const principal = { kind: 'contact', id: 'c1', accountId: 'a1', customerId: 'x', isPrimary: false, sessionId: 's', language: null } as const;
    const operation = parseWithLimits('mutation { a: closeTicket(id: "1") { id } b: closeTicket(id: "2") { id } signIn(input: { username: "u", password: "p" }) { token } }', DEFAULT_LIMITS).definitions[0] as OperationDefinitionNode;
    // a refused for access, b ran, signIn unpriced: one MUTATION_COST
    await limits.chargeMutations(principal, 'ip', undefined, operation, [{ path: ['a'], extensions: { code: 'NOT_FOUND' } }]);
    await expect(limits.rates.charge(principal, 'ip', undefined, 1_400)).resolves.toBeUndefined();
    // both ran: two more, over the budget
    await limits.chargeMutations(principal, 'ip', undefined, operation, [{ path: ['b'], extensions: { code: 'BAD_USER_INPUT' } }]);
    await expect(limits.rates.charge(principal, 'ip', undefined, 1)).rejects.toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
  });

  it('bound concurrent deliveries with a semaphore whose permits come back by themselves', async () => {
    const semaphore = new Semaphore(2);
    const a = await semaphore.acquire(10_000);
    await semaphore.acquire(10_000);
    expect(semaphore.available).toBe(0);
    let third = false;
    const waiting = semaphore.acquire(50).then((release) => {
      third = true;
      return release;
    });
    await new Promise((r) => setImmediate(r)); // every promise that could settle now has settled
    expect(third).toBe(false);
    a();
    const release = await waiting;
    expect(third).toBe(true);
    // held too long: given back after holdMs
    await new Promise((r) => setTimeout(r, 80));
    release(); // a second release is a no-op
    expect(semaphore.available).toBe(1);
  });
});

/** A Portico like the harness's, with some limits overridden; counts the SQL statements it sends. */
async function startLimitedPortico(limits: Partial<LimitSettings>) {
  let statements = 0;
  const running = await startPortico(
    { ...configFromEnv({}), databaseUrl: await createTestDatabase(), port: 0, host: '127.0.0.1', adminUsername: ADMIN_USERNAME, adminPassword: ADMIN_PASSWORD, secret: 'test-secret', publicUrl: 'http://127.0.0.1' },
    { log: () => undefined, limits, onQuery: () => statements++ },
  );
  const portico = { ...running, databaseUrl: '', anonymous: () => new GraphQLTestClient(running.url), admin: () => GraphQLTestClient.signIn(running.url, ADMIN_USERNAME, ADMIN_PASSWORD) } as TestPortico;
  return { portico, statements: () => statements };
}

const aliasBomb = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: tickets(first: 100) { edges { node { id title comments { id body authorName } } } }`).join(' ')} }`;

/** Subscribes and resolves with the first thing the server sends (an event, an error, or completion). */
function firstAnswer(ws: Client, query: string): Promise<unknown> {
  return new Promise((resolve) => ws.subscribe({ query }, { next: resolve, error: resolve, complete: () => resolve('completed') }));
}

describe('limits over HTTP and WebSocket', { timeout: 90_000 }, () => {
  let portico: TestPortico;
  let contact: GraphQLTestClient;
  let technician: GraphQLTestClient;

  beforeAll(async () => {
    portico = await startTestPortico();
    contact = await (await buildContact(portico)).signIn();
    technician = await (await buildTechnician(portico)).signIn();
  });
  afterAll(() => portico?.stop());
  const freshContact = async () => (await buildContact(portico)).signIn();

  it('refuses the alias bomb of the issue at once, coded and translated, as a contact and as an admin', async () => {
    const admin = await portico.admin();
    for (const caller of [contact, admin]) {
      const started = Date.now();
      const response = await caller.withHeaders({ 'accept-language': 'de' }).raw(aliasBomb(500));
      const body = (await response.json()) as GraphQLResponse;
      expect(response.status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors).toEqual([{ message: 'Diese Anfrage ist zu lang: höchstens 1000 Elemente.', extensions: { code: 'BAD_USER_INPUT', limit: 'tokens' } }]);
      expect(Date.now() - started).toBeLessThan(2000);
    }
  });

  it('refuses too many aliases, too deep nesting and too high a cost before anything runs', async () => {
    const contact = await freshContact(); // its own budget
    const errorOf = async (query: string) => (await contact.request(query)).errors?.[0];
    expect(await errorOf(`{ ${Array.from({ length: 16 }, (_, i) => `a${i}: serverInfo { version }`).join(' ')} }`)).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', limit: 'aliases' }, message: 'This request uses more than 15 aliases.' });
    expect(await errorOf('{ tickets { edges { node { followUpOf { contact { customer { id } } } } } } }')).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', limit: 'depth' } });
    const costly = await errorOf(aliasBomb(3));
    expect(costly).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', limit: 'cost' } });
    expect(costly?.message).toMatch(/cost \d+, at most 10000/);
    // the same page once is fine
    expect((await contact.request(aliasBomb(1))).errors).toBeUndefined();
  });

  it('answers introspection to signed-in technicians only', async () => {
    const contact = await freshContact(); // its own budget
    const introspect = '{ __schema { queryType { name } } }';
    expect((await contact.errorOf(introspect)).extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await portico.anonymous().errorOf(introspect)).extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await contact.errorOf('{ __type(name: "Ticket") { name } }')).extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(await technician.ok(introspect)).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expect(await contact.ok('{ me { __typename } }')).toEqual({ me: { __typename: 'Contact' } });
  });

  it('answers NUL characters and malformed variables with BAD_USER_INPUT and the field, changing nothing', async () => {
    const contact = await freshContact(); // its own budget
    const count = async () => Number((await portico.orm.em.fork().getConnection().execute('select count(*) as n from tickets'))[0].n);
    const before = await count();
    const open = 'mutation($input: OpenTicketInput!) { openTicket(input: $input) { id } }';
    expect((await contact.errorOf(open, { input: { title: 'Printer\u0000broken' } })).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'title' });
    expect((await contact.errorOf('mutation { openTicket(input: { title: "x\\u0000" }) { id } }')).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'title' });
    expect((await contact.errorOf(open, { input: { title: 'ok', description: 'a\u0000b' } })).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'description' });
    expect((await contact.errorOf(open, { input: { title: ['not', 'a', 'string'] } })).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'title' });
    const many = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`unknown${i}`, i]));
    const manyErrors = await contact.request(open, { input: { title: 'x', ...many } });
    expect(manyErrors.errors).toHaveLength(1);
    expect(manyErrors.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await count()).toBe(before);
    // A real cursor passes
    await contact.ok(open, { input: { title: 'One' } });
    await contact.ok(open, { input: { title: 'Two' } });
    const { tickets } = await contact.ok('{ tickets(first: 1) { pageInfo { endCursor } } }');
    const next = await contact.ok('query($after: String) { tickets(first: 1, after: $after) { edges { node { title } } } }', { after: tickets.pageInfo.endCursor });
    expect(next.tickets.edges).toHaveLength(1);
  });

  it('applies the same limits and codes over WebSocket', async () => {
    const ws = (await freshContact()).websocket();
    const codeOf = async (query: string) => {
      const answer = (await firstAnswer(ws, query)) as Array<{ extensions?: Record<string, unknown> }> | { errors?: Array<{ extensions?: Record<string, unknown> }> };
      return (Array.isArray(answer) ? answer : answer.errors ?? [])[0]?.extensions;
    };
    expect(await codeOf('subscription { ticketChanged { id ')).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED' });
    expect(await codeOf('subscription { ticketChanged { nope } }')).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(await codeOf('subscription { ticketChanged { followUpOf { followUpOf { followUpOf { followUpOf { followUpOf { followUpOf { id } } } } } } } }')).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'depth' });
    expect(await codeOf(`subscription { ticketChanged { ${'__typename '.repeat(1000)} } }`)).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'tokens' });
    expect(await codeOf('subscription { ticketChanged(ticketId: "a\\u0000") { id } }')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ticketId' });
    expect(await codeOf('{ __schema { queryType { name } } }')).toMatchObject({ code: 'FORBIDDEN' }); // a query over the socket
    await ws.dispose();
  });

  it('caps subscriptions per connection and per account, and frees them when a connection closes', async () => {
    const person = await buildContact(portico);
    const client = await person.signIn();
    const sockets = [client.websocket(), client.websocket(), client.websocket()];
    const subscribe = (ws: Client) => firstAnswer(ws, 'subscription { ticketChanged { id } }');
    const refusals = (answers: unknown[]) => answers.filter((a) => Array.isArray(a) || (a as { errors?: unknown }).errors);
    const watch = (ws: Client, n: number) => Array.from({ length: n }, () => subscribe(ws));

    // 11 on one connection: the 11th is refused
    const first = watch(sockets[0]!, 11);
    const refusedFirst = await Promise.race([Promise.any(first), new Promise((r) => setTimeout(() => r('none'), 3000))]);
    expect(refusedFirst).toEqual([expect.objectContaining({ message: expect.stringContaining('at most 10'), extensions: { code: 'BAD_USER_INPUT', limit: 'subscriptions' } })]);
    // 10 + 10 + 5 = 25 per account; the 26th on the third connection is refused
    const second = watch(sockets[1]!, 10);
    const third = watch(sockets[2]!, 6);
    // the two connections subscribe at once: whichever comes 26th is refused
    const answered = await Promise.race([Promise.any([...second, ...third]), new Promise((r) => setTimeout(() => r('none'), 3000))]);
    expect(answered).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', limit: 'subscriptions' } })]);
    expect(refusals([answered])).toHaveLength(1);

    // Closing the first connection frees its 10 slots: 5 more are all taken (in place, none refused)
    const open = portico.liveSubscriptions('TICKET_CHANGED');
    await sockets[0]!.dispose();
    await untilSubscribed(portico, 'TICKET_CHANGED', open - 10);
    const fourth = client.websocket();
    const later = watch(fourth, 5);
    await untilSubscribed(portico, 'TICKET_CHANGED', open - 5);
    const settled = await Promise.race([Promise.any(later), Promise.resolve('none')]);
    expect(settled).toBe('none');
    for (const ws of [sockets[1]!, sockets[2]!, fourth]) await ws.dispose();
  });

  it('charges subscription deliveries to the subscriber and ends its subscription once the budget is spent', async () => {
    const { portico: limited } = await startLimitedPortico({ budget: { staff: 1_000_000, person: 4_000, anonymous: 1_000_000 } });
    try {
      const subscriber = await (await buildContact(limited)).signIn();
      const admin = await limited.admin();
      const ticket = await openTicketAs(subscriber, { title: 'Watched' });
      const ws = subscriber.websocket();
      const received: Array<{ data?: unknown; errors?: Array<{ extensions?: Record<string, unknown> }> }> = [];
      const before = limited.liveSubscriptions('TICKET_CHANGED');
      let message: () => void = () => undefined;
      let isOver = false;
      const ended = new Promise<void>((resolve) => ws.subscribe({ query: 'subscription { ticketChanged { id } }' }, {
        next: (value) => (received.push(value as never), message()),
        error: () => ((isOver = true), resolve()),
        complete: () => ((isOver = true), resolve()),
      }));
      await untilMoreThan(limited, 'TICKET_CHANGED', before); // the subscription is in place
      // One change at a time, each waited for (its delivery, or the end of the subscription).
      for (let i = 0; i < 40 && !isOver && !received.some((r) => r.errors); i++) {
        const answered = new Promise<void>((resolve) => (message = resolve));
        await admin.ok('mutation($input: UpdateTicketInput!) { updateTicket(input: $input) { id } }', { input: { id: ticket.id, title: `Watched ${i}` } });
        await Promise.race([answered, ended]);
      }
      await ended; // refused with RATE_LIMITED, the subscription ends
      const deliveries = received.filter((r) => r.data);
      // 4,000 points: the ticket (2,000 + its selection), then about 6 deliveries of 300
      expect(deliveries.length).toBeGreaterThanOrEqual(4);
      expect(deliveries.length).toBeLessThanOrEqual(9);
      expect(received.at(-1)?.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
      await ws.dispose();
    } finally {
      await limited.stop();
    }
  });

  it('refuses an over-budget principal with RATE_LIMITED and a wait, then before reading its request, leaving others alone', async () => {
    const { portico: limited, statements } = await startLimitedPortico({ budget: { staff: 1_000_000, person: 2_000, anonymous: 1_000_000 } });
    await limited.jobs.stop(); // sending mail would add statements while the refused caller waits
    try {
      const greedy = await (await buildContact(limited)).signIn();
      const other = await (await buildContact(limited)).signIn();
      const list = '{ tickets(first: 100) { edges { node { id title } } } }';
      let refusal: GraphQLResponse | undefined;
      let response: Response | undefined;
      for (let i = 0; i < 20 && !refusal; i++) {
        response = await greedy.raw(list);
        const body = (await response.json()) as GraphQLResponse;
        if (body.errors) refusal = body;
      }
      expect(refusal?.errors?.[0]).toMatchObject({ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) } });
      expect(refusal?.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
      expect(response?.status).toBe(429);
      expect(Number(response?.headers.get('retry-after'))).toBeGreaterThan(0);

      // Next request: refused at the door, without a single SQL statement (no session lookup).
      const before = statements();
      const gated = await greedy.raw(list);
      expect(gated.status).toBe(429);
      expect(await gated.json()).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) } }] });
      expect(statements()).toBe(before);
      // Someone else is not affected
      expect((await other.request(list)).errors).toBeUndefined();
    } finally {
      await limited.stop();
    }
  });
});
