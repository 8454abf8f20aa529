import type { Context } from '../graphql/context.js';
import { isPerson, sessionOf } from './principal.js';
import { principalForToken } from './session.service.js';

/**
 * Keeps a subscription's caller current without asking the database per event. Revoking the
 * session (sign-out everywhere, new credentials, deactivation) is pushed to the subscription, which
 * then ends; a change to the account's permissions (made primary, moved to another customer, a new
 * role) is pushed too, and the principal is read again once, before the next event is judged.
 * Both arrive by key (`session:<id>`, `account:<id>`), so other callers' changes cost nothing here.
 */
export function followCaller<T>(ctx: Context, source: AsyncIterable<T>): AsyncIterable<T> {
  return {
    [Symbol.asyncIterator]() {
      const inner = source[Symbol.asyncIterator]();
      const bus = ctx.services.events;
      const sessionId = sessionOf(ctx.principal);
      const accountId = isPerson(ctx.principal) ? ctx.principal.accountId : null;
      const revoked = sessionId ? bus.subscribe('SESSIONS_REVOKED', [`session:${sessionId}`])[Symbol.asyncIterator]() : undefined;
      const changed = accountId ? bus.subscribe('ACCOUNTS_CHANGED', [`account:${accountId}`])[Symbol.asyncIterator]() : undefined;
      const end = () => {
        void inner.return?.();
        void revoked?.return?.();
        void changed?.return?.();
      };
      void revoked?.next().then((event) => !event.done && end());
      void (async () => {
        for (let event = await changed?.next(); event && !event.done; event = await changed?.next()) {
          ctx.principal = await principalForToken(ctx.em.fork(), ctx.sessionToken);
          if (!isPerson(ctx.principal)) end();
        }
      })().catch(end);
      return {
        next: () => inner.next(),
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
