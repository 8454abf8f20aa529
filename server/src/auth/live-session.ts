import type { Context } from '../context.js';
import type { LiveKeys } from '../pubsub/event-bus.js';
import { isPerson, sessionOf, type Principal } from './principal.js';
import { principalForToken } from './session.service.js';

/** The keys of a subscription that follow its caller: `of(principal, changing)` names them (`changing`: while its account is re-read). */
export interface CallerKeys {
  live: LiveKeys;
  of(principal: Principal, changing: boolean): readonly string[];
}

/**
 * Keeps a subscription's caller current without asking the database per event. Revoking the
 * session (sign-out everywhere, new credentials, deactivation) is pushed to the subscription, which
 * then ends; a change to the account's permissions (made primary, moved to another customer, a new
 * role) is pushed too, and the principal is read again once, before the next event is judged.
 * Both arrive by key (`session:<id>`, `account:<id>`), so other callers' changes cost nothing here.
 * Given `keys`, the subscription listens meanwhile to every key the caller could have afterwards,
 * then to those it has, so an event raised right after the change is not missed.
 */
export function followCaller<T>(ctx: Context, source: AsyncIterable<T>, keys?: CallerKeys): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator]() {
      const inner = source[Symbol.asyncIterator]();
      const bus = ctx.services.events;
      const sessionId = sessionOf(ctx.principal);
      const accountId = isPerson(ctx.principal) ? ctx.principal.accountId : null;
      const revoked = sessionId ? bus.subscribe('SESSIONS_REVOKED', [`session:${sessionId}`])[Symbol.asyncIterator]() : undefined;
      const changed = accountId ? bus.subscribe('ACCOUNTS_CHANGED', [`account:${accountId}`])[Symbol.asyncIterator]() : undefined;
      /** The re-read in progress: events are judged after it. */
      let rereading: Promise<unknown> = Promise.resolve();
      const end = () => {
        void inner.return?.();
        void revoked?.return?.();
        void changed?.return?.();
      };
      void revoked?.next().then((event) => !event.done && end());
      void (async () => {
        for (let event = await changed?.next(); event && !event.done; event = await changed?.next()) {
          keys?.live.set(keys.of(ctx.principal, true));
          const reread = principalForToken(ctx.em.fork(), ctx.sessionToken);
          rereading = reread.catch(() => undefined);
          ctx.principal = await reread;
          keys?.live.set(keys.of(ctx.principal, false));
          if (!isPerson(ctx.principal)) end();
        }
      })().catch(end);
      return {
        async next() {
          const result = await inner.next();
          await rereading;
          return result;
        },
        async return(value?: unknown) {
          end();
          return { done: true, value: value as T };
        },
        [Symbol.asyncIterator]() {
          return this;
        },
      } as AsyncIterableIterator<T>;
    },
  };
}
