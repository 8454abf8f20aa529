import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/postgresql';
import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { join } from 'node:path';
import { getOperationAST, GraphQLError, validate, specifiedRules, type DocumentNode, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { PorticoConfig } from '../config.js';
import { DEFAULT_LANGUAGE, negotiateLanguage, type Language } from '../i18n/language.js';
import { translate, type MessageKey, type MessageParams } from '../i18n/translate.js';
import type { Logger } from '../logging/logger.js';
import type { Caller, RequestContext } from './context.js';
import { AppError, findAppError, type ErrorCode } from '../core/errors.js';
import { codeAppErrors, localizeError } from './errors.js';
import { compiledExecutor, staticSchemaGateway } from './compiled-execution.js';
import { ApiLimits, DEFAULT_LIMITS, parseWithLimits, type CallerPolicy, type LimitSettings } from './limits.js';
import { apolloRequestLog, httpRequestLog, noteErrorCode, notePrincipal, requestLogger, WebSocketRequestLog } from '../logging/request-log.js';

export const SESSION_COOKIE = 'portico_session';

/** What a feature's own HTTP route (composition.ts) gets from the edge. */
export interface HttpEdge<P extends Caller, S> {
  /** This request's context, as a GraphQL operation gets it: its own EntityManager, the principal (noted in the log), the language. */
  context(req: Request): Promise<RequestContext<P, S>>;
  /** Answers an error: an AppError as JSON with its code and translated message; anything else is logged and answered 500. */
  fail(req: Request, res: Response, error: unknown): void;
}

/** Mounts feature routes (e.g. /inbound-mail, /attachments/:id) beside /graphql. */
export type HttpRoutes<P extends Caller, S> = (app: express.Express, edge: HttpEdge<P, S>) => void;

export interface HttpServerOptions<P extends Caller, S> {
  orm: MikroORM;
  schema: GraphQLSchema;
  config: PorticoConfig;
  logger: Logger;
  /** The app's long-lived services, put into every context as they are. */
  services: S;
  /**
   * The caller behind a session token (none: anonymous), its own language if it chose one, and
   * whatever the app read in the same statement for this request (`withCaller`).
   */
  resolvePrincipal(em: EntityManager, token: string | undefined): Promise<{ principal: P; language?: Language | null; withCaller?: unknown }>;
  /**
   * Decides on a WebSocket's `connection_init` (e.g. a device credential): `refuse` closes it with
   * that code; `closed` runs when an admitted connection ends. `close` ends the connection later.
   */
  connectionGate?: (params: Record<string, unknown> | undefined, close: (code: number, reason: string) => void) => Promise<{
    refuse?: { code: number; reason: string };
    closed?: () => Promise<void>;
    /**
     * The principal of every operation on this connection, resolved once by the gate (an agent sends
     * thousands of operations on one connection); the gate must close the connection when it stops
     * being valid.
     */
    principal?: P;
  }>;
  /** Who gets which limits and budgets (auth/api.policy.ts). */
  callerPolicy: CallerPolicy;
  /** The custom portal domain, if any: WebSocket upgrades from it are allowed. */
  customDomain(): Promise<string | null>;
  routes?: HttpRoutes<P, S>;
  /** Built client folders: served at `/` (portal) and `/admin` (console). */
  portalDir: string;
  adminDir: string;
  /** The API's limits (graphql/limits.ts); defaults when absent. */
  limits?: LimitSettings;
}

/** How many distinct valid documents the WebSocket path keeps parsed and validated (the apps and agents send a few dozen). */
const VALID_DOCUMENTS_KEPT = 500;

/** Express + Apollo for HTTP and graphql-ws on the same port and path (`/graphql`). */
export async function createHttpServer<P extends Caller, S>(options: HttpServerOptions<P, S>) {
  type Context = RequestContext<P, S>;
  const { orm, schema, config, logger, services, resolvePrincipal, portalDir, adminDir, limits: limitSettings } = options;
  const app = express();
  app.disable('x-powered-by');
  // No ETag on res.send answers (hashing every API answer for a validator nobody sends back); static files get theirs from express.static.
  app.set('etag', false);
  app.use(httpRequestLog(logger));
  if (config.trustProxy) app.set('trust proxy', config.trustProxy);
  const { tlsCertFile, tlsKeyFile } = config;
  const limits = new ApiLimits(limitSettings ?? DEFAULT_LIMITS, config.development, options.callerPolicy);
  const servedOverHttps = !!tlsCertFile || config.publicUrl.startsWith('https://');
  app.use(securityHeaders(servedOverHttps));
  // TLS here when certificate files are given; otherwise plain HTTP (for a reverse proxy in front).
  const httpServer: http.Server = tlsCertFile && tlsKeyFile
    ? (https.createServer({ cert: readFileSync(tlsCertFile), key: readFileSync(tlsKeyFile) }, app) as unknown as http.Server)
    : http.createServer(app);
  const secureCookie = config.publicUrl.startsWith('https://') || !!tlsCertFile;

  /**
   * The context of one operation. Its EntityManager is forked when first used: an agent's command
   * subscription lives as long as its connection and never needs one, and at 15,000 agents an idle
   * fork each was a sixth of a connection's memory.
   */
  async function baseContext(headers: http.IncomingHttpHeaders, ip: string, token: string | undefined, known?: P): Promise<Context> {
    let em: Context['em'] | undefined;
    const fork = () => (em ??= orm.em.fork());
    const { principal, language: accountLanguage, withCaller } = known ? { principal: known, language: null, withCaller: undefined } : await resolvePrincipal(fork(), token);
    const browserLanguage = negotiateLanguage(headers['accept-language']);
    const context = { principal, browserLanguage, language: accountLanguage ?? browserLanguage ?? DEFAULT_LANGUAGE, ip, userAgent: headers['user-agent'], services, sessionToken: token, withCaller } as Omit<Context, 'em'>;
    // A subscription gives each event a fresh one (graphql/memo.ts refreshForEvent sets undefined: forked again on next use).
    return Object.defineProperty(context, 'em', { get: fork, set: (fresh: Context['em'] | undefined) => void (em = fresh), enumerable: true }) as Context;
  }

  // Browsers always send Origin: only the portal's own addresses may open a WebSocket (a page elsewhere
  // would ride on the session cookie). Clients that are not browsers send none and authenticate themselves.
  const allowedOrigin = originCheck(config, options.customDomain);
  const wsServer = new WebSocketServer({
    server: httpServer,
    path: '/graphql',
    verifyClient: (info: { origin?: string; req: http.IncomingMessage }, done: (ok: boolean, code?: number) => void) => {
      allowedOrigin(info.origin, info.req).then((ok) => done(ok, ok ? undefined : 403), () => done(false, 403));
    },
  });
  // One log line per operation; the upgrade's answer carries the connection's x-request-id.
  const wsLog = new WebSocketRequestLog(logger);
  wsServer.on('headers', (headers, req) => wsLog.upgradeHeaders(headers, req));
  const wsLanguage = new WeakMap<object, Map<string, Language>>();
  const deliveryCost = new WeakMap<Context, number>();
  const whenClosed = new WeakMap<object, () => Promise<void>>();
  const gatedPrincipals = new WeakMap<object, P>();
  // Valid documents by their text, the oldest forgotten first beyond VALID_DOCUMENTS_KEPT.
  const validDocuments = new Map<string, DocumentNode>();
  const remember = (text: string, document: DocumentNode) => {
    if (validDocuments.size >= VALID_DOCUMENTS_KEPT) validDocuments.delete(validDocuments.keys().next().value!);
    validDocuments.set(text, document);
  };
  const wsCleanup = useServer<{ sessionToken?: string; deviceToken?: string }, { request: http.IncomingMessage }>(
    {
      schema,
      onConnect: async (ctx) => {
        if (!options.connectionGate) return true;
        const socket = ctx.extra.socket;
        const verdict = await options.connectionGate(ctx.connectionParams, (code, reason) => socket.close(code, reason));
        if (verdict.refuse) {
          // Closed here with the gate's own code (e.g. 4401); graphql-ws's 4403 after it is then a no-op.
          socket.close(verdict.refuse.code, verdict.refuse.reason);
          return false;
        }
        if (verdict.principal) gatedPrincipals.set(ctx, verdict.principal);
        if (verdict.closed) {
          whenClosed.set(ctx, verdict.closed);
          // The socket may have gone while the gate decided: onClose has run already, so end it here.
          if (socket.readyState !== socket.OPEN) void verdict.closed().catch(() => undefined);
        }
        return true;
      },
      // Every operation: its own context (a revoked session or a changed permission applies to the next
      // subscribe), the same limits as over HTTP, and a slot among the connection's and account's subscriptions.
      onSubscribe: async (ctx, id, payload) => {
        const request = ctx.extra.request;
        const log = wsLog.start(ctx, id, request, payload.operationName);
        const context: Context = Object.defineProperty(await baseContext(request.headers, request.socket.remoteAddress ?? 'unknown', ctx.connectionParams?.sessionToken ?? ctx.connectionParams?.deviceToken ?? tokenFromHeaders(request.headers), gatedPrincipals.get(ctx)), 'log', { get: log, enumerable: true });
        wsLog.note(ctx, id, { principal: context.principal });
        const languages = wsLanguage.get(ctx) ?? new Map<string, Language>();
        wsLanguage.set(ctx, languages.set(id, context.language));
        try {
          // A document seen before is valid as it was: the same text against the same schema and the
          // same static rules (agents send the same few documents all day: a heartbeat re-validated
          // each time was a good part of its cost). Only valid documents are remembered.
          let document = validDocuments.get(payload.query);
          if (!document) {
            try {
              document = parseWithLimits(payload.query, limits.limits);
            } catch (error) {
              // Coded like Apollo's answer over HTTP (the token limit comes as its own BAD_USER_INPUT).
              if (!(error instanceof GraphQLError) || findAppError(error)) throw error;
              throw new GraphQLError(error.message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } });
            }
            const invalid = validate(schema, document, [...specifiedRules, ...limits.rules]);
            if (invalid.length) {
              await limits.chargeRefusal(context.principal, context.ip, context.sessionToken, payload.query.length);
              return invalid.map((e) => (findAppError(e) ? e : new GraphQLError(e.message, { nodes: e.nodes, extensions: { ...e.extensions, code: 'GRAPHQL_VALIDATION_FAILED' } })));
            }
            remember(payload.query, document);
          }
          const operation = getOperationAST(document, payload.operationName);
          if (!operation) return [new GraphQLError('Unable to identify operation')];
          wsLog.note(ctx, id, { operationType: operation.operation, operationName: operation.name?.value });
          const { variables, cost } = await limits.admit({ schema, document, operation, variables: payload.variables, principal: context.principal, ip: context.ip, token: context.sessionToken });
          // Over WebSocket a mutation is charged as if it ran.
          await limits.chargeMutations(context.principal, context.ip, context.sessionToken, operation, []);
          if (operation.operation === 'subscription') {
            const full = limits.subscriptions.take(ctx, id, context.principal, context.ip);
            if (full) return [full];
            deliveryCost.set(context, cost);
          }
          return { schema, document, operationName: payload.operationName, variableValues: variables, contextValue: context };
        } catch (error) {
          if (!(error instanceof GraphQLError)) throw error;
          if (error.extensions.code !== 'RATE_LIMITED') await limits.chargeRefusal(context.principal, context.ip, context.sessionToken, payload.query.length);
          return [error];
        }
      },
      onComplete: (ctx, id) => {
        limits.subscriptions.release(ctx, id);
        wsLanguage.get(ctx)?.delete(id);
        wsLog.finish(ctx, id, 'complete');
      },
      onClose: (ctx) => {
        void whenClosed.get(ctx)?.().catch((error: Error) => logger.warn(`Closing a connection failed: ${error.message}`));
        limits.subscriptions.releaseAll(ctx);
        wsLog.finishAll(ctx);
      },
      // Same error treatment as HTTP: codes kept, messages in the caller's language, internals hidden.
      // Each delivery is charged to the subscriber's budget like a request; once it is spent the
      // subscription ends with RATE_LIMITED (a flood of subscriptions pays for the work it causes).
      onNext: async (ctx, id, _payload, args, result) => {
        const context = args.contextValue as Context | undefined;
        const language = context?.language ?? DEFAULT_LANGUAGE;
        const cost = context && deliveryCost.get(context);
        if (context && cost !== undefined) {
          const refusal = await limits.chargeDelivery(context.principal, context.ip, context.sessionToken, cost);
          if (refusal) {
            wsLog.note(ctx, id, { errors: [refusal] });
            const subscription = ctx.subscriptions[id] as AsyncGenerator | null | undefined;
            setImmediate(() => void subscription?.return?.(undefined));
            return { errors: [localizeError(refusal.toJSON(), refusal, language)] };
          }
        }
        if (!result.errors?.length) return;
        codeAppErrors(result.errors);
        wsLog.note(ctx, id, { errors: result.errors });
        return { ...result, errors: result.errors.map((error) => localizeError(error.toJSON(), error, language)) };
      },
      onError: (ctx, id, _payload, errors) => {
        const language = wsLanguage.get(ctx)?.get(id) ?? DEFAULT_LANGUAGE;
        codeAppErrors(errors);
        wsLog.note(ctx, id, { errors });
        wsLog.finish(ctx, id, 'error');
        return errors.map((error) => localizeError(error.toJSON(), error, language));
      },
    },
    wsServer,
  );

  const localize: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        // Before the budget and the request log read the codes (willSendResponse).
        async didEncounterErrors({ errors }) {
          codeAppErrors(errors);
        },
        async willSendResponse({ response, contextValue, errors }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((formatted, index) =>
            localizeError(formatted, errors?.[index], contextValue?.language ?? DEFAULT_LANGUAGE),
          );
        },
      };
    },
  };

  // Limits before execution (limits.ts): introspection, input, cost and the principal's budget. A request
  // refused on the way (parse, validation, a limit) is charged by its size, so refusals are not free either.
  const guard: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      let charged = false;
      return {
        async didResolveOperation({ contextValue, document, operation, request, schema: apiSchema }) {
          if (!operation) return;
          const { principal, ip, sessionToken } = contextValue;
          await limits.admit({ schema: apiSchema, document, operation, variables: request.variables, principal, ip, token: sessionToken });
          charged = true;
        },
        async willSendResponse({ contextValue, request, errors, operation }) {
          if (!contextValue?.principal) return;
          const { principal, ip, sessionToken } = contextValue;
          if (charged && operation) await limits.chargeMutations(principal, ip, sessionToken, operation, errors);
          if (charged || errors?.some((e) => e.extensions?.code === 'RATE_LIMITED')) return;
          await limits.chargeRefusal(principal, ip, sessionToken, request.query?.length ?? 0);
        },
      };
    },
  };

  const apollo = new ApolloServer<Context>({
    // Apollo's gateway hook, used only to hand it an executor: hot queries run compiled (compiled-execution.ts).
    gateway: staticSchemaGateway(schema, compiledExecutor(schema)),
    // Introspection is decided per caller (apiPolicy.mayIntrospect) by the guard; schema hints in errors only in development.
    introspection: true,
    hideSchemaDetailsFromClientErrors: !config.development,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxLexicalTokens: limits.limits.maxTokens },
    validationRules: limits.rules,
    // main.ts owns SIGINT/SIGTERM and stops everything in order; Apollo's own handlers would race it.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      // Installed by default, it wraps every field's resolver to collect cache hints nobody reads (no CDN, no response cache).
      ApolloServerPluginCacheControlDisabled(),
      { async serverWillStart() { return { async drainServer() { await wsCleanup.dispose(); } }; } },
      guard,
      localize,
      apolloRequestLog<Context>(),
    ],
  });
  await apollo.start();

  app.get('/healthz', async (_req, res) => {
    try {
      await orm.em.fork().getConnection().execute('select 1');
      res.status(200).json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'database unavailable' });
    }
  });

  app.use(
    '/graphql',
    // A caller over its budget is refused before its body is read or its session looked up.
    async (req: Request, res: Response, next: NextFunction) => {
      const wait = await limits.rates.gate(tokenFromHeaders(req.headers), clientIp(req));
      if (wait === null) return next();
      await new Promise((resolve) => setTimeout(resolve, Math.min(limits.limits.refusalDelayMs, wait * 1000)));
      res.setHeader('Retry-After', String(wait));
      sendError(req, res, 429, 'RATE_LIMITED', 'errors.tooManyRequests', { seconds: wait }, { retryAfterSeconds: wait, limit: 'rate' });
    },
    express.json({ limit: '1mb' }),
    // Apollo answers a missing body (e.g. another content type) with a plain-text 500; an empty one gets its JSON 400.
    (req: Request, _res: Response, next: NextFunction) => {
      req.body ??= {};
      next();
    },
    apolloHandler(apollo, async (req, res) => {
      const context = await baseContext(req.headers, clientIp(req), tokenFromHeaders(req.headers));
      return { ...context, cookie: sessionCookie(res, secureCookie), log: requestLogger(req, logger) };
    }),
  );

  options.routes?.(app, {
    async context(req) {
      const context = await baseContext(req.headers, clientIp(req), tokenFromHeaders(req.headers));
      notePrincipal(req, context.principal);
      routeLanguage.set(req, context.language);
      return { ...context, log: requestLogger(req, logger) };
    },
    fail(req, res, error) {
      const appError = findAppError(error);
      if (appError) return sendAppError(req, res, appError);
      requestLogger(req, logger).error({ err: error }, 'Unexpected error');
      sendError(req, res, 500, 'INTERNAL_SERVER_ERROR', 'errors.internal');
    },
  });

  serveClient(app, '/admin', adminDir);
  serveClient(app, '/', portalDir);

  // Every other answer is JSON too: unknown routes, unreadable or oversized bodies, unexpected failures
  // (Express would answer with an HTML page holding the stack trace and the server's paths).
  app.use((req: Request, res: Response) => sendError(req, res, 404, 'NOT_FOUND', 'errors.notFound'));
  app.use((error: { status?: number; statusCode?: number; type?: string }, req: Request, res: Response, _next: NextFunction) => {
    const status = error.status ?? error.statusCode ?? 500;
    if (res.headersSent) {
      res.end();
      return;
    }
    const appError = findAppError(error);
    if (appError) {
      sendAppError(req, res, appError);
      return;
    }
    if (status >= 400 && status < 500) {
      const key: MessageKey = status === 413 ? 'errors.requestTooLarge' : error.type === 'entity.parse.failed' ? 'errors.malformedRequest' : 'errors.invalidInput';
      sendError(req, res, status, 'BAD_USER_INPUT', key);
      return;
    }
    requestLogger(req, logger).error({ err: error }, 'Unexpected error');
    sendError(req, res, 500, 'INTERNAL_SERVER_ERROR', 'errors.internal');
  });

  return { app, httpServer, stop: () => apollo.stop(), limits };
}

/**
 * Apollo's Express integration (@as-integrations/express5), minus what a JSON API answer does not
 * need: the legacy URL parser for the query string and res.send (content sniffing, freshness check).
 * The request and the answer are Apollo's as they are.
 */
function apolloHandler<C extends object>(apollo: ApolloServer<C>, context: (req: Request, res: Response) => Promise<C>) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const query = req.url.indexOf('?');
      const answer = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method.toUpperCase(), headers, search: query < 0 ? '' : req.url.slice(query), body: req.body },
        context: () => context(req, res),
      });
      for (const [key, value] of answer.headers) res.setHeader(key, value);
      res.statusCode = answer.status ?? 200;
      if (answer.body.kind === 'complete') {
        res.end(answer.body.string);
        return;
      }
      for await (const chunk of answer.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      next(error);
    }
  };
}

const HTTP_STATUS: Record<ErrorCode, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, RATE_LIMITED: 429 };

/** An AppError thrown in (or refused by) a plain HTTP route: rendered like the GraphQL answers, in the browser's language. */
export function sendAppError(req: Request, res: Response, error: AppError, status?: number) {
  if (error.options.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(error.options.retryAfterSeconds));
  const { code, ...extensions } = error.details;
  sendError(req, res, status ?? HTTP_STATUS[code], code, error.messageKey, error.options.params, extensions);
}

/** The caller's language on a feature route, once its context is known (the account's choice before the browser's). */
const routeLanguage = new WeakMap<Request, Language>();

/** A JSON error in the shape of GraphQL answers (and `error` as the other routes have it), in the caller's language (else the browser's). */
function sendError(req: Request, res: Response, status: number, code: string, key: MessageKey, params: MessageParams = {}, extensions: Record<string, unknown> = {}) {
  const language = routeLanguage.get(req) ?? negotiateLanguage(req.headers['accept-language']) ?? DEFAULT_LANGUAGE;
  noteErrorCode(req, code);
  res.status(status).json({ error: code, errors: [{ message: translate(language, key, params), extensions: { code, ...extensions } }] });
}

/**
 * Security headers on every answer (helmet): a CSP without inline script, no framing, no referrer,
 * nosniff; HSTS when Portico is reached over HTTPS (its own TLS, or PUBLIC_URL https behind a proxy).
 */
function securityHeaders(servedOverHttps: boolean) {
  const headers = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // SolidJS sets style attributes; styles cannot run code.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(servedOverHttps ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
  // helmet's answer does not depend on the request (no nonces): taken once, set on every answer as it is
  // (helmet would build the CSP string again for each one).
  const set: Array<[string, string]> = [];
  const removed: string[] = [];
  const recorder = { setHeader: (name: string, value: unknown) => void set.push([name, String(value)]), removeHeader: (name: string) => void removed.push(name) };
  headers({} as Request, recorder as unknown as Response, () => undefined);
  return (req: Request, res: Response, next: NextFunction) => {
    if (servedOverHttps || req.secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    for (const name of removed) res.removeHeader(name);
    for (const [name, value] of set) res.setHeader(name, value);
    next();
  };
}

/** Constant-time comparison of a presented secret with the configured one. */
export function sameSecret(presented: string | undefined, secret: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Origins allowed to open a WebSocket: PUBLIC_URL, the address Portico listens on, the custom portal
 * domain (http and https), and the origin of the Host the upgrade was sent to when that is one of them.
 * Requests without Origin (not a browser) pass; in development every origin does (Vite's dev servers).
 */
function originCheck(config: PorticoConfig, customDomain: () => Promise<string | null>) {
  const fixed = new Set<string>([new URL(config.publicUrl).origin]);
  const scheme = config.tlsCertFile ? 'https' : 'http';
  const hosts = config.host === '0.0.0.0' || config.host === '::' ? ['127.0.0.1', 'localhost'] : [config.host.includes(':') ? `[${config.host}]` : config.host];
  return async (origin: string | undefined, req: http.IncomingMessage): Promise<boolean> => {
    if (!origin || config.development) return true;
    let parsed: URL;
    try {
      parsed = new URL(origin);
    } catch {
      return false;
    }
    if (fixed.has(parsed.origin)) return true;
    const port = (req.socket.localPort ?? config.port).toString();
    if (hosts.some((host) => parsed.origin === new URL(`${scheme}://${host}:${port}`).origin)) return true;
    const domain = await customDomain();
    return !!domain && (parsed.origin === `https://${domain}` || parsed.origin === `http://${domain}`);
  };
}

function tokenFromHeaders(headers: http.IncomingHttpHeaders): string | undefined {
  const authorization = headers.authorization;
  if (authorization?.toLowerCase().startsWith('bearer ')) return authorization.slice(7).trim();
  return headers.cookie ? parseCookies(headers.cookie)[SESSION_COOKIE] : undefined;
}

function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

function sessionCookie(res: Response, secure: boolean) {
  return {
    set(token: string, expiresAt: Date) {
      res.append('Set-Cookie', serializeCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: expiresAt }));
    },
    clear() {
      res.append('Set-Cookie', serializeCookie(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: new Date(0) }));
    },
  };
}

/** A single-page app: files as they are, every other path under the prefix gets index.html. */
function serveClient(app: express.Express, prefix: string, dir: string) {
  const index = join(dir, 'index.html');
  app.use(prefix, express.static(dir, { index: false, maxAge: '1h' }));
  app.get(prefix === '/' ? /^\/(?!graphql|healthz|admin(?:\/|$)).*/ : new RegExp(`^${prefix}(?:/.*)?$`), (_req, res) => {
    if (!existsSync(index)) {
      res.status(503).type('text').send('The web client is not built yet: run `npm run build`.');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
