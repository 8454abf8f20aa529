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

/**
 * Fires once when the caller's session has ended, then completes: its revocation is pushed
 * (`session:<id>`), or a re-check of the caller (its account changed, or events may have been
 * missed while the instance's connection was down: the bus's resync) finds it signed out.
 */
export function sessionEnd(ctx: Context): AsyncIterable<true> {
  return {
    [Symbol.asyncIterator]() {
      const bus = ctx.services.events;
      const sessionId = sessionOf(ctx.principal);
      const accountId = isPerson(ctx.principal) ? ctx.principal.accountId : null;
      const revoked = bus.subscribe('SESSIONS_REVOKED', sessionId ? [`session:${sessionId}`] : [])[Symbol.asyncIterator]();
      const changed = bus.subscribe('ACCOUNTS_CHANGED', accountId ? [`account:${accountId}`] : [])[Symbol.asyncIterator]();
      let over = false;
      const close = () => {
        over = true;
        void revoked.return?.();
        void changed.return?.();
      };
      const signedOut = async () => {
        for (let event = await changed.next(); !event.done; event = await changed.next()) {
          if (!isPerson(await principalForToken(ctx.em.fork(), ctx.sessionToken))) return true;
        }
        return false;
      };
      const ended = Promise.race([revoked.next().then((event) => !event.done), signedOut().catch(() => false)]);
      return {
        async next() {
          const fire = !over && (await ended) && !over;
          close();
          return fire ? { done: false, value: true } : { done: true, value: undefined };
        },
        async return() {
          close();
          return { done: true, value: undefined };
        },
        [Symbol.asyncIterator]() {
          return this;
        },
      } as AsyncIterableIterator<true>;
    },
  };
}
