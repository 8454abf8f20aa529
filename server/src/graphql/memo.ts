import type { RequestContext } from './context.js';

const memos = new WeakMap<object, Map<string, Promise<unknown>>>();
const settled = new WeakMap<object, Map<string, unknown>>();

/**
 * Computes something once per request (or per subscription event context), e.g. the settings or
 * the caller's field visibility, however many resolvers ask for it.
 */
export function once<T>(ctx: object, key: string, compute: () => Promise<T>): Promise<T> {
  let memo = memos.get(ctx);
  if (!memo) memos.set(ctx, (memo = new Map()));
  if (!memo.has(key)) {
    memo.set(key, compute().then((value) => {
      if (memos.get(ctx) === memo) (settled.get(ctx) ?? settled.set(ctx, new Map()).get(ctx)!).set(key, value);
      return value;
    }));
  }
  return memo.get(key) as Promise<T>;
}

/**
 * What `once` computed, when it has: field resolvers of a list answer synchronously from it (no
 * promise per field and row), and wait for `once` only when nothing has computed it yet.
 */
export function onceSettled<T>(ctx: object, key: string): T | undefined {
  return settled.get(ctx)?.get(key) as T | undefined;
}

/**
 * Subscriptions reuse one context for all events of an operation. Before resolving an event, give
 * it a fresh EntityManager and forget memoised reads, so each event sees the current data, settings
 * and field visibility. The caller itself is kept current by pushes, not by a query per event
 * (auth/live-session.ts: a revoked session ends the subscription, a changed account is re-read).
 */
export function refreshForEvent<C extends Pick<RequestContext, 'em' | 'withCaller'>>(ctx: C): C {
  // The edge's contexts fork their EntityManager on first use (graphql/http-server.ts): dropping it
  // makes the next use fork a fresh one, and an event whose answer needs none pays nothing.
  const lazy = Object.getOwnPropertyDescriptor(ctx, 'em')?.set;
  ctx.em = lazy ? (undefined as unknown as C['em']) : ctx.em.fork();
  ctx.withCaller = undefined;
  memos.delete(ctx);
  settled.delete(ctx);
  values.delete(ctx);
  return ctx;
}

const values = new WeakMap<object, Map<string, unknown>>();

/** One instance per request of something stateful, e.g. a DataLoader (batching needs one shared instance). */
export function perRequest<T>(ctx: object, key: string, create: () => T): T {
  let map = values.get(ctx);
  if (!map) values.set(ctx, (map = new Map()));
  if (!map.has(key)) map.set(key, create());
  return map.get(key) as T;
}
