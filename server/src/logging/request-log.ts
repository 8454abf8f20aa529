import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import type { GraphQLError } from 'graphql';
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { actorIdOf, actorKindOf, isAnonymous, type Principal } from '../auth/principal.js';
import { childLogger, fixedFieldsLogger, requestIdFrom, type Logger } from './logger.js';

/**
 * One line per HTTP request and per WebSocket operation, written when it ends: request id, principal
 * kind and id, GraphQL operation name and type, status, error codes, duration. Never variables,
 * headers, usernames or tokens: only the fields below are written.
 */
interface Entry {
  requestId: string;
  started: bigint;
  /** This request's logger, for anything logged while it runs (redacted). */
  log: Logger;
  /** Where its one line goes: fixed keys, none secret (logger.ts fixedFieldsLogger), with the bindings of `log`. */
  line: { logger: Logger; bindings: Record<string, unknown> };
  /** The caller as the GraphQL edge passes it along (opaque there); always Portico's Principal. */
  principal?: object;
  operationName?: string;
  operationType?: string;
  errorCodes: Set<string>;
}

function begin(parent: Logger, requestId: string, line: { logger: Logger; bindings: Record<string, unknown> }): Entry {
  // The request's own logger is made when something logs: most requests log nothing but their line,
  // and an agent's subscription would keep one for the connection's life.
  let log: Logger | undefined;
  return {
    requestId,
    started: process.hrtime.bigint(),
    get log() {
      return (log ??= childLogger(parent, { requestId }));
    },
    line: { logger: line.logger, bindings: { ...line.bindings, requestId } },
    errorCodes: new Set(),
  };
}

function write(entry: Entry, fields: Record<string, unknown>, msg: string, quiet = false) {
  const durationMs = Math.round(Number(process.hrtime.bigint() - entry.started) / 1e4) / 100;
  const who = entry.principal as Principal | undefined;
  const principal = who && { principalKind: isAnonymous(who) ? 'anonymous' : actorKindOf(who), principalId: actorIdOf(who) ?? undefined };
  const errorCodes = entry.errorCodes.size ? [...entry.errorCodes] : undefined;
  const line = { ...entry.line.bindings, ...fields, ...principal, operationName: entry.operationName, operationType: entry.operationType, errorCodes, durationMs };
  const failed = entry.errorCodes.has('INTERNAL_SERVER_ERROR') || (typeof fields.status === 'number' && fields.status >= 500);
  const { logger } = entry.line;
  if (failed) logger.error(line, msg);
  else if (quiet) logger.debug(line, msg);
  else logger.info(line, msg);
}

/** A GraphQL name as the client sent it, or nothing (the field is free text otherwise). */
function operationName(name: string | null | undefined): string | undefined {
  return name && /^[_A-Za-z][_0-9A-Za-z]{0,99}$/.test(name) ? name : undefined;
}

function codesOf(errors: readonly Pick<GraphQLError, 'extensions'>[] | undefined): string[] {
  return (errors ?? []).map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
}

const httpEntries = new WeakMap<IncomingMessage, Entry>();
// Apollo shallow-copies the context, so the request's logger (kept by the copy) is what finds its entry.
const entriesByLogger = new WeakMap<Logger, Entry>();

/**
 * Express middleware, first in line: takes a sane `x-request-id` or makes one, echoes it, and logs the
 * request when its response is done. GraphQL requests are annotated by `apolloRequestLog` on the way.
 */
export function httpRequestLog(logger: Logger) {
  const http = childLogger(logger, { component: 'http' });
  const line = { logger: fixedFieldsLogger(logger), bindings: { component: 'http' } };
  return (req: Request, res: Response, next: NextFunction) => {
    const entry = begin(http, requestIdFrom(req.headers['x-request-id']), line);
    httpEntries.set(req, entry);
    entriesByLogger.set(entry.log, entry);
    res.setHeader('x-request-id', entry.requestId);
    // The path only: query strings may carry anything.
    const path = req.path;
    res.once('close', () => write(entry, { transport: 'http', method: req.method, path, status: res.statusCode, aborted: res.writableFinished ? undefined : true }, 'request', path === '/healthz'));
    next();
  };
}

/** This HTTP request's logger (bound to its request id). */
export function requestLogger(req: IncomingMessage, fallback: Logger): Logger {
  return httpEntries.get(req)?.log ?? fallback;
}

/** Who made this HTTP request, once the route knows (e.g. attachment downloads). */
export function notePrincipal(req: IncomingMessage, principal: object) {
  const entry = httpEntries.get(req);
  if (entry) entry.principal = principal;
}

/** Error codes of an answer not made by Apollo (rate limits, unreadable bodies, unknown routes). */
export function noteErrorCode(req: IncomingMessage, code: string) {
  httpEntries.get(req)?.errorCodes.add(code);
}

/** Apollo plugin: adds the principal, operation and error codes to the HTTP request's line. */
export function apolloRequestLog<C extends { principal?: object; log?: Logger }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, request, operation, operationName: resolved, errors }) {
          const entry = contextValue?.log && entriesByLogger.get(contextValue.log);
          if (!entry) return;
          entry.principal = contextValue.principal;
          entry.operationName = operationName(resolved ?? request.operationName);
          entry.operationType = operation?.operation;
          codesOf(errors).forEach((code) => entry.errorCodes.add(code));
        },
      };
    },
  };
}

/** graphql-ws: one entry per operation of a connection, written at its end (complete, error or close). */
export class WebSocketRequestLog {
  private readonly ws: Logger;
  private readonly lines: Logger;
  private readonly connections = new WeakMap<IncomingMessage, string>();
  private readonly connectionLoggers = new WeakMap<IncomingMessage, Logger>();
  private readonly operations = new WeakMap<object, Map<string, Entry>>();

  constructor(logger: Logger) {
    this.ws = childLogger(logger, { component: 'ws' });
    this.lines = fixedFieldsLogger(logger);
  }

  /** For the upgrade: the connection's id (the client's sane `x-request-id` or a new one), echoed in the 101 answer. */
  upgradeHeaders(headers: string[], req: IncomingMessage) {
    const connectionId = requestIdFrom(req.headers['x-request-id']);
    this.connections.set(req, connectionId);
    headers.push(`x-request-id: ${connectionId}`);
  }

  /** onSubscribe: a new operation with its own request id; returns what gives its logger (made on first use). */
  start(ctx: object, id: string, req: IncomingMessage, name: string | null | undefined): () => Logger {
    const connectionId = this.connections.get(req);
    const entry = begin(connectionId ? this.connectionLogger(req, connectionId) : this.ws, randomUUID(), { logger: this.lines, bindings: { component: 'ws', ...(connectionId ? { connectionId } : {}) } });
    entry.operationName = operationName(name);
    const operations = this.operations.get(ctx) ?? new Map<string, Entry>();
    this.operations.set(ctx, operations.set(id, entry));
    return () => entry.log;
  }

  /** One child logger per connection (made on first use), not one per operation. */
  private connectionLogger(req: IncomingMessage, connectionId: string): Logger {
    let logger = this.connectionLoggers.get(req);
    if (!logger) this.connectionLoggers.set(req, (logger = childLogger(this.ws, { connectionId })));
    return logger;
  }

  note(ctx: object, id: string, facts: { principal?: object; operationType?: string; operationName?: string | null; errors?: readonly Pick<GraphQLError, 'extensions'>[] }) {
    const entry = this.operations.get(ctx)?.get(id);
    if (!entry) return;
    if (facts.principal) entry.principal = facts.principal;
    if (facts.operationType) entry.operationType = facts.operationType;
    if (facts.operationName) entry.operationName = operationName(facts.operationName) ?? entry.operationName;
    codesOf(facts.errors).forEach((code) => entry.errorCodes.add(code));
  }

  /** onComplete / onError: writes the operation's line once. */
  finish(ctx: object, id: string, outcome: 'complete' | 'error' | 'closed') {
    const operations = this.operations.get(ctx);
    const entry = operations?.get(id);
    if (!entry) return;
    operations!.delete(id);
    write(entry, { transport: 'ws', outcome }, 'operation');
  }

  /** onClose: operations the connection took with it. */
  finishAll(ctx: object) {
    for (const id of [...(this.operations.get(ctx)?.keys() ?? [])]) this.finish(ctx, id, 'closed');
  }
}
