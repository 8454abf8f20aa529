import { principalForToken } from '../auth/session.service.js';
import type { Context } from './context.js';

const memos = new WeakMap<Context, Map<string, Promise<unknown>>>();

/**
 * Computes something once per request (or per subscription event context), e.g. the settings or
 * the caller's field visibility, however many resolvers ask for it.
 */
export function once<T>(ctx: Context, key: string, compute: () => Promise<T>): Promise<T> {
  let memo = memos.get(ctx);
  if (!memo) memos.set(ctx, (memo = new Map()));
  if (!memo.has(key)) memo.set(key, compute());
  return memo.get(key) as Promise<T>;
}

/**
 * Subscriptions reuse one context for all events of an operation. Before resolving an event, give
 * it a fresh EntityManager, forget memoised reads and check the session again, so each event sees
 * the current data, settings and permissions (a revoked session, a changed scope or field
 * visibility applies to the very next event).
 */
export async function refreshForEvent(ctx: Context): Promise<Context> {
  ctx.em = ctx.em.fork();
  memos.delete(ctx);
  values.delete(ctx);
  ctx.principal = await principalForToken(ctx.em, ctx.sessionToken);
  return ctx;
}

const values = new WeakMap<Context, Map<string, unknown>>();

/** One instance per request of something stateful, e.g. a DataLoader (batching needs one shared instance). */
export function perRequest<T>(ctx: Context, key: string, create: () => T): T {
  let map = values.get(ctx);
  if (!map) values.set(ctx, (map = new Map()));
  if (!map.has(key)) map.set(key, create());
  return map.get(key) as T;
}
