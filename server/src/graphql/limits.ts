import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  coerceInputValue, getNullableType, GraphQLError, isInputType, isListType, isNonNullType, Kind, NoSchemaIntrospectionCustomRule,
  parse, typeFromAST, validate, valueFromAST, visit,
  type ArgumentNode, type DirectiveNode, type DocumentNode, type FieldNode, type ValueNode, type GraphQLSchema, type OperationDefinitionNode, type ValidationContext, type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { EventBus, EventTopics, LiveKeys, Topic } from '../pubsub/event-bus.js';
import type { Caller } from './context.js';
import { MAX_PAGE_SIZE } from './connection.js';
import { AppError } from '../core/errors.js';
import { toGraphQLError } from './errors.js';

/**
 * The API's limits (issue 9): every operation, over HTTP and over WebSocket, is parsed with a token
 * limit, validated against depth and alias limits, checked for malformed or unstorable input, priced
 * (list sizes multiply) and charged to its principal's budget — all before anything executes.
 * Subscriptions are capped per connection and per account, and the work of delivering events is
 * bounded by a fixed number of concurrent deliveries.
 */
export interface LimitSettings {
  /** Nesting of fields (fragments do not add levels). */
  maxDepth: number;
  /** Aliased fields per operation. */
  maxAliases: number;
  /** Lexical tokens per document. */
  maxTokens: number;
  /** Cost of one operation: every field 1, multiplied by the page size (`first`) of the list it is in. */
  maxCost: number;
  /** Cost points per principal per window: staff (technicians), persons (contacts, keys, devices), anonymous (per address). */
  budget: { staff: number; person: number; anonymous: number };
  windowSeconds: number;
  /** Charged for a request refused before execution (parse, validation, limits), plus one point per 2 characters of its document: refusals are not free, and a bomb costs what it weighs. */
  refusalCharge: number;
  /** A caller over budget waits this long for its 429 (at most its Retry-After): a client in a loop slows down instead of spinning. */
  refusalDelayMs: number;
  subscriptionsPerConnection: number;
  subscriptionsPerAccount: number;
  /** Subscription deliveries (filter + resolvers of one event for one subscriber) running at once, server-wide. */
  concurrentDeliveries: number;
}

export const DEFAULT_LIMITS: LimitSettings = {
  maxDepth: 6,
  maxAliases: 15,
  maxTokens: 1000,
  // The apps' most expensive document (a console list at 100 items) costs about 5,000; 15 aliased pages of 100 tickets with comments cost 66,000.
  maxCost: 10_000,
  // Per 10 s (short windows, so a spent budget means a short, even pause rather than a burst a minute):
  // about 100 portal list loads or 50 changes for a contact; a flood of bombs, deliveries or changes
  // spends it in a moment. Technicians are staff of the MSP working in bulk: a budget that only stops
  // runaway scripts. Anonymous callers can only sign in (throttled on its own) and count per address.
  budget: { staff: 300_000, person: 50_000, anonymous: 200_000 },
  windowSeconds: 10,
  refusalCharge: 200,
  refusalDelayMs: 1000,
  subscriptionsPerConnection: 10,
  subscriptionsPerAccount: 25,
  concurrentDeliveries: 4,
};

/** A list without `first` (a ticket's comments, history, attachments) is priced as if it held this many items. */
export const UNPAGED_LIST_SIZE = 10;
/**
 * A mutation that ran costs this much on top of its selection: a write, a transaction, mail, and the
 * events it causes, which every subscriber's filter then checks (a contact: 25 changes per 10 s).
 * Charged after the answer (`chargeMutations`), so a mutation refused for access (UNAUTHENTICATED,
 * FORBIDDEN, NOT_FOUND) costs only its selection. Not signIn: it has its own throttle (auth/sign-in-throttle.ts).
 */
export const MUTATION_COST = 2000;
const UNPRICED_MUTATIONS = new Set(['signIn']);
const NOT_RUN = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'RATE_LIMITED']);
/** Least charge for one subscription delivery (a session re-check, a scope check and the resolvers: about the work of a page of the list). */
export const DELIVERY_CHARGE = 300;

/** Who gets which of the API's limits and budgets; the app's policy (auth/api.policy.ts) reads its principal. */
export interface CallerPolicy {
  mayIntrospect(principal: Caller, development: boolean): boolean;
  rateKey(principal: Caller, ip: string): string;
  rateClass(principal: Caller): 'staff' | 'person' | 'anonymous';
  subscriptionKey(principal: Caller, ip: string): string;
}

type Limit = 'depth' | 'aliases' | 'tokens' | 'cost' | 'subscriptions' | 'rate';

function refused(limit: Limit, key: ConstructorParameters<typeof AppError>[1], params: Record<string, number>, status = 400): GraphQLError {
  const error = toGraphQLError(new AppError(limit === 'rate' ? 'RATE_LIMITED' : 'BAD_USER_INPUT', key, {
    params,
    limit,
    ...(limit === 'rate' ? { retryAfterSeconds: params.seconds } : {}),
  }));
  withHttpStatus(error, status, limit === 'rate' ? { 'retry-after': String(params.seconds) } : {});
  return error;
}

/** Apollo reads `extensions.http` for the status of an answer refused before execution (and strips it from the body). */
function withHttpStatus(error: GraphQLError, status: number, headers: Record<string, string> = {}): GraphQLError {
  (error.extensions as Record<string, unknown>).http = { status, headers: new Map(Object.entries(headers)) };
  return error;
}

/** Validation rules for depth and aliases (graphql-armor), reporting coded, translatable errors. */
export function limitRules(limits: LimitSettings): ValidationRule[] {
  const report = (error: () => GraphQLError) => [(context: ValidationContext | null) => context?.reportError(error())];
  return [
    maxDepthRule({
      n: limits.maxDepth,
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: report(() => refused('depth', 'errors.queryTooDeep', { max: limits.maxDepth })),
    }) as ValidationRule,
    maxAliasesRule({
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: report(() => refused('aliases', 'errors.tooManyAliases', { max: limits.maxAliases })),
    }) as ValidationRule,
  ];
}

/** graphql-js' own token limit error (Apollo parses with `maxLexicalTokens`); recognised to answer it coded. */
export function isTokenLimitError(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    if (current instanceof GraphQLError && /Document contains more th(?:an|at) \d+ tokens\. Parsing aborted\./.test(current.message)) return true;
    current = (current as { originalError?: unknown }).originalError;
  }
  return false;
}

export function tokenLimitError(limits: LimitSettings): GraphQLError {
  return refused('tokens', 'errors.queryTooLong', { max: limits.maxTokens });
}

/** Parses with the token limit; a refused document becomes the coded error. */
export function parseWithLimits(source: string, limits: LimitSettings): DocumentNode {
  try {
    return parse(source, { maxLexicalTokens: limits.maxTokens });
  } catch (error) {
    if (isTokenLimitError(error)) throw tokenLimitError(limits);
    throw error;
  }
}

// ---- cost ----

/** Field cost: 1, plus its selection times the page size (`first`) or the assumed size of an unpaged list. */
const costEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  let size = 1;
  if (typeof args.first === 'number') size = Math.min(Math.max(Math.trunc(args.first), 1), MAX_PAGE_SIZE);
  else if (isListType(getNullableType(field.type)) && !(field.name === 'edges' && type.name.endsWith('Connection'))) size = UNPAGED_LIST_SIZE;
  return 1 + size * childComplexity;
};

/** The cost of the operation, with the variables as sent (checked by checkInput first; graphql-query-complexity coerces them itself). */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): number {
  return getComplexity({ schema, query: document, variables, operationName, estimators: [costEstimator] });
}

// ---- input: malformed variables and text PostgreSQL refuses ----

type Path = ReadonlyArray<string | number>;
const fieldOf = (path: Path) => path.map(String).join('.');

/** First string (or object key) holding a NUL character, which PostgreSQL cannot store in text or jsonb. */
function findNul(value: unknown, path: Path = []): Path | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) return [...path, key];
      const found = findNul(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** NUL in a string literal of the document: the path of argument and input fields down to it. */
function findNulLiteral(document: DocumentNode): Path | null {
  let found: Path | null = null;
  const walk = (value: ValueNode, path: Path): void => {
    if (found) return;
    if (value.kind === Kind.STRING && value.value.includes('\u0000')) found = path;
    else if (value.kind === Kind.LIST) value.values.forEach((item, index) => walk(item, [...path, index]));
    else if (value.kind === Kind.OBJECT) value.fields.forEach((field) => walk(field.value, [...path, field.name.value]));
  };
  const argumentsOf = (node: FieldNode | DirectiveNode) => node.arguments?.forEach((argument) => walk(argument.value, [argument.name.value]));
  visit(document, { Field: argumentsOf, Directive: argumentsOf });
  return found;
}

/**
 * Coerces the variables the way execution will, and refuses the first problem as BAD_USER_INPUT
 * naming the field (path inside the variable, e.g. `title` or `customFields.0.value`), instead of
 * letting graphql-js answer without a field or, past 50 problems, without a code. Also refuses NUL
 * characters anywhere in the input. Returns the coerced variables.
 */
export function checkInput(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, raw: Record<string, unknown> | null | undefined): Record<string, unknown> {
  if (raw !== undefined && raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) {
    throw invalidValue('variables');
  }
  const coerced: Record<string, unknown> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type as Parameters<typeof typeFromAST>[1]);
    if (!type || !isInputType(type)) throw invalidValue(name);
    const given = raw ? Object.prototype.hasOwnProperty.call(raw, name) : false;
    if (!given) {
      if (definition.defaultValue) coerced[name] = valueFromAST(definition.defaultValue, type);
      else if (isNonNullType(type)) throw invalidValue(name);
      continue;
    }
    const value = raw![name];
    if (value === null) {
      if (isNonNullType(type)) throw invalidValue(name);
      coerced[name] = null;
      continue;
    }
    let problem: Path | null = null;
    const result = coerceInputValue(value, type, (path) => {
      problem ??= path;
    });
    if (problem) throw invalidValue(fieldOf(problem) || name);
    const nul = findNul(result);
    if (nul) throw unstorable(fieldOf(nul) || name);
    coerced[name] = result;
  }
  const literal = factsOf(document).nulLiteral;
  // Named like the fields of input errors elsewhere: the path inside the argument (`title`), or the argument itself.
  if (literal) throw unstorable(fieldOf(literal.length > 1 ? literal.slice(1) : literal));
  checkCursors(document, coerced);
  return coerced;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Paging cursors (`after`) are opaque to clients but decoded into SQL values: a forged one of the
 * wrong shape or types would reach PostgreSQL. Every list is ordered by one or two columns ending in
 * the id (connection.ts), so a cursor is a base64url JSON array of strings ending in a UUID.
 */
function checkCursors(document: DocumentNode, variables: Record<string, unknown>): void {
  for (const node of factsOf(document).afterArguments) {
      const value = node.value.kind === Kind.VARIABLE ? variables[node.value.name.value] : node.value.kind === Kind.STRING ? node.value.value : undefined;
      if (typeof value !== 'string' || value === '') return;
      let decoded: unknown;
      try {
        decoded = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
      } catch {
        decoded = undefined;
      }
      const valid = Array.isArray(decoded) && decoded.length >= 2 && decoded.length <= 4 && decoded.every((item) => typeof item === 'string') && UUID.test(decoded.at(-1) as string);
      if (!valid) throw withHttpStatus(toGraphQLError(new AppError('BAD_USER_INPUT', 'validation.invalidCursor', { field: 'after' })), 400);
  }
}

/**
 * What the checks need from a document that does not change between requests, worked out once per
 * parsed document (Apollo and the WebSocket edge keep parsed documents, so the same object comes
 * back): whether it introspects, a NUL in a literal, its `after` arguments, and its cost for the
 * variables seen lately (the cost depends on them: list sizes).
 */
interface DocumentFacts {
  introspects?: boolean;
  nulLiteral: Path | null;
  afterArguments: ArgumentNode[];
  /** The variables the cost depends on: page sizes (`first`) and directives (`@include(if:)`); an id or a text never changes it. */
  costVariables: string[];
  costs: Map<string, number>;
}
const documentFacts = new WeakMap<DocumentNode, DocumentFacts>();
const COSTS_KEPT = 32;

function factsOf(document: DocumentNode): DocumentFacts {
  let facts = documentFacts.get(document);
  if (!facts) {
    const afterArguments: ArgumentNode[] = [];
    const costVariables = new Set<string>();
    const variablesIn = (node: ArgumentNode | DirectiveNode) => visit(node, { Variable: (variable) => void costVariables.add(variable.name.value) });
    visit(document, {
      Argument: (node) => {
        if (node.name.value === 'after') afterArguments.push(node);
        if (node.name.value === 'first') variablesIn(node);
      },
      Directive: (node) => void variablesIn(node),
    });
    facts = { nulLiteral: findNulLiteral(document), afterArguments, costVariables: [...costVariables], costs: new Map() };
    documentFacts.set(document, facts);
  }
  return facts;
}

function introspects(schema: GraphQLSchema, document: DocumentNode): boolean {
  const facts = factsOf(document);
  facts.introspects ??= validate(schema, document, [NoSchemaIntrospectionCustomRule]).length > 0;
  return facts.introspects;
}

/** operationCost, remembered per document for the last COSTS_KEPT values of the variables it depends on. */
function cachedCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): number {
  const { costs, costVariables } = factsOf(document);
  const key = `${operationName ?? ''}\u0000${costVariables.length ? JSON.stringify(costVariables.map((name) => variables[name])) : ''}`;
  let cost = costs.get(key);
  if (cost === undefined) {
    cost = operationCost(schema, document, operationName, variables);
    if (costs.size >= COSTS_KEPT) costs.delete(costs.keys().next().value!);
    if (key.length <= 2_000) costs.set(key, cost);
  }
  return cost;
}

const invalidValue = (field: string) => withHttpStatus(toGraphQLError(new AppError('BAD_USER_INPUT', 'errors.invalidValue', { field })), 400);
const unstorable = (field: string) => withHttpStatus(toGraphQLError(new AppError('BAD_USER_INPUT', 'errors.invalidCharacters', { field })), 400);

// ---- rate limits, per principal ----

const tokenHash = (token: string) => createHash('sha256').update(token).digest('base64url').slice(0, 22);

export class RateLimits {
  private readonly limiters: Record<'staff' | 'person' | 'anonymous', RateLimiterMemory>;
  /** Which budget a session token was charged to, so a request over budget is refused before its body is read or its session looked up. */
  private readonly tokenKeys = new Map<string, { key: string; limiter: RateLimiterMemory }>();

  constructor(readonly limits: LimitSettings, private readonly policy: CallerPolicy) {
    const make = (points: number) => new RateLimiterMemory({ points, duration: limits.windowSeconds });
    this.limiters = { staff: make(limits.budget.staff), person: make(limits.budget.person), anonymous: make(limits.budget.anonymous) };
  }

  /** Seconds to wait when the caller behind this token (or address) has spent its budget; null to go on. */
  async gate(token: string | undefined, ip: string): Promise<number | null> {
    const known = token ? this.tokenKeys.get(tokenHash(token)) : undefined;
    const { key, limiter } = known ?? { key: `ip:${ip}`, limiter: this.limiters.anonymous };
    const state = await limiter.get(key);
    if (!state || state.consumedPoints <= limiter.points) return null;
    return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  }

  /** Charges `points` to the principal; RATE_LIMITED with the wait when its budget is spent. */
  async charge(principal: Caller, ip: string, token: string | undefined, points: number): Promise<void> {
    const key = this.policy.rateKey(principal, ip);
    const limiter = this.limiters[this.policy.rateClass(principal)];
    if (token) this.remember(tokenHash(token), { key, limiter });
    try {
      await limiter.consume(key, Math.max(1, Math.ceil(points)));
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw tooManyRequests(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
    }
  }

  private remember(hash: string, entry: { key: string; limiter: RateLimiterMemory }) {
    if (this.tokenKeys.size >= 50_000) this.tokenKeys.delete(this.tokenKeys.keys().next().value!);
    this.tokenKeys.set(hash, entry);
  }
}

export const tooManyRequests = (seconds: number) => refused('rate', 'errors.tooManyRequests', { seconds }, 429);

// ---- the checks every operation passes before it executes ----

export interface Admission {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown> | null | undefined;
  principal: Caller;
  ip: string;
  token: string | undefined;
}

export class ApiLimits {
  readonly rates: RateLimits;
  readonly subscriptions: SubscriptionSlots;
  readonly rules: ValidationRule[];

  constructor(readonly limits: LimitSettings, readonly development: boolean, private readonly policy: CallerPolicy) {
    this.rates = new RateLimits(limits, policy);
    this.subscriptions = new SubscriptionSlots(limits, policy);
    this.rules = limitRules(limits);
  }

  /**
   * Introspection, input, cost and budget, in that order. Returns the coerced variables and the
   * cost charged; throws the coded error of the first check that refuses.
   */
  async admit({ schema, document, operation, variables, principal, ip, token }: Admission): Promise<{ variables: Record<string, unknown>; cost: number }> {
    if (!this.policy.mayIntrospect(principal, this.development) && introspects(schema, document)) {
      throw withHttpStatus(toGraphQLError(new AppError('FORBIDDEN', 'errors.introspectionDisabled')), 403);
    }
    const coerced = checkInput(schema, document, operation, variables);
    const cost = cachedCost(schema, document, operation.name?.value, variables ?? {});
    if (cost > this.limits.maxCost) throw refused('cost', 'errors.queryTooComplex', { cost, max: this.limits.maxCost });
    await this.rates.charge(principal, ip, token, cost);
    return { variables: coerced, cost };
  }

  /**
   * After a mutation's answer: MUTATION_COST for every root field that ran (its answer is data, or an
   * error other than an access refusal). Never throws; a budget spent here refuses the next request.
   */
  async chargeMutations(principal: Caller, ip: string, token: string | undefined, operation: OperationDefinitionNode, errors: ReadonlyArray<{ path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }> | undefined): Promise<void> {
    if (operation.operation !== 'mutation') return;
    let ran = 0;
    for (const selection of operation.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD || UNPRICED_MUTATIONS.has(selection.name.value)) continue;
      const key = selection.alias?.value ?? selection.name.value;
      const refused = errors?.some((e) => e.path?.[0] === key && NOT_RUN.has(String(e.extensions?.code)));
      if (!refused) ran++;
    }
    if (ran) await this.rates.charge(principal, ip, token, ran * MUTATION_COST).catch(() => undefined);
  }

  /** Charges one subscription delivery; the RATE_LIMITED error when the budget is spent, else null. */
  async chargeDelivery(principal: Caller, ip: string, token: string | undefined, cost: number): Promise<GraphQLError | null> {
    try {
      await this.rates.charge(principal, ip, token, Math.max(cost, DELIVERY_CHARGE));
      return null;
    } catch (error) {
      if (error instanceof GraphQLError && error.extensions.code === 'RATE_LIMITED') return error;
      throw error;
    }
  }

  /** What a refused request (parse, validation, input, cost) costs its principal; never throws. */
  async chargeRefusal(principal: Caller, ip: string, token: string | undefined, documentLength: number): Promise<void> {
    await this.rates.charge(principal, ip, token, this.limits.refusalCharge + Math.ceil(documentLength / 2)).catch(() => undefined);
  }
}

// ---- subscriptions ----

/** Open subscriptions per WebSocket connection and per account (or address). */
export class SubscriptionSlots {
  private readonly perKey = new Map<string, number>();
  private readonly perConnection = new Map<object, Map<string, string>>();

  constructor(private readonly limits: LimitSettings, private readonly policy: CallerPolicy) {}

  /** Takes a slot for subscription `id` of `connection`; the coded error when a cap is reached. */
  take(connection: object, id: string, principal: Caller, ip: string): GraphQLError | null {
    const key = this.policy.subscriptionKey(principal, ip);
    const mine = this.perConnection.get(connection) ?? new Map<string, string>();
    if (mine.has(id)) return null;
    if (mine.size >= this.limits.subscriptionsPerConnection) {
      return refused('subscriptions', 'errors.tooManySubscriptions', { max: this.limits.subscriptionsPerConnection });
    }
    if ((this.perKey.get(key) ?? 0) >= this.limits.subscriptionsPerAccount) {
      return refused('subscriptions', 'errors.tooManySubscriptions', { max: this.limits.subscriptionsPerAccount });
    }
    mine.set(id, key);
    this.perConnection.set(connection, mine);
    this.perKey.set(key, (this.perKey.get(key) ?? 0) + 1);
    return null;
  }

  release(connection: object, id: string): void {
    const mine = this.perConnection.get(connection);
    const key = mine?.get(id);
    if (!mine || key === undefined) return;
    mine.delete(id);
    if (!mine.size) this.perConnection.delete(connection);
    const left = (this.perKey.get(key) ?? 1) - 1;
    if (left > 0) this.perKey.set(key, left);
    else this.perKey.delete(key);
  }

  releaseAll(connection: object): void {
    for (const id of [...(this.perConnection.get(connection)?.keys() ?? [])]) this.release(connection, id);
  }

  /** Open subscriptions of an account (or address) key, for tests. */
  count(key: string): number {
    return this.perKey.get(key) ?? 0;
  }
}

/**
 * Bounds the work of delivering events: a subscriber that received an event holds one of
 * `slots` delivery slots until it asks for the next event (its filter and resolvers have run), at
 * most `holdMs`. However many subscriptions an event reaches, at most `slots` deliveries run at
 * once, so a burst of events cannot take the database pool and the event loop from requests.
 */
const UNBOUNDED_TOPICS: ReadonlySet<Topic> = new Set<Topic>(['SESSIONS_REVOKED', 'ACCOUNTS_CHANGED']);

export function boundedDeliveries(events: EventBus, slots: number, holdMs = 5000): EventBus {
  const semaphore = new Semaphore(slots);
  const bounded: EventBus = {
    publish: (topic, payload) => events.publish(topic, payload),
    close: () => events.close(),
    subscribe<T extends Topic>(topic: T, keys?: readonly string[] | LiveKeys): AsyncIterable<EventTopics[T]> {
      // Revocations and account changes end or narrow subscriptions: they never wait for a slot.
      if (UNBOUNDED_TOPICS.has(topic)) return events.subscribe(topic, keys);
      return {
        [Symbol.asyncIterator]() {
          const inner = events.subscribe(topic, keys)[Symbol.asyncIterator]();
          let release: (() => void) | undefined;
          const done = () => {
            release?.();
            release = undefined;
          };
          return {
            async next() {
              done();
              const result = await inner.next();
              if (!result.done) release = await semaphore.acquire(holdMs);
              return result;
            },
            async return(value?: unknown) {
              done();
              return (await inner.return?.(value)) ?? { done: true, value: undefined };
            },
            async throw(error?: unknown) {
              done();
              if (inner.throw) return inner.throw(error);
              throw error;
            },
            [Symbol.asyncIterator]() {
              return this;
            },
          } as AsyncIterableIterator<EventTopics[T]>;
        },
      };
    },
  } as EventBus;
  return bounded;
}

/** Counting semaphore whose permits come back by themselves after `holdMs`. */
export class Semaphore {
  private free: number;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly size: number) {
    this.free = size;
  }

  async acquire(holdMs: number): Promise<() => void> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((granted) => this.waiting.push(granted));
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      clearTimeout(timer);
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    };
    const timer = setTimeout(release, holdMs);
    timer.unref?.();
    return release;
  }

  get available(): number {
    return this.free;
  }
}
