import { filter } from '@graphql-yoga/subscription';
import { Arg, Ctx, Mutation, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { inTransaction } from '../db/transaction.js';
import type { Context } from '../graphql/context.js';
import type { EventTopics } from '../pubsub/event-bus.js';
import { changePassword, loadAccount, signIn } from './auth.service.js';
import { ChangePasswordInput, SessionEnded, SignInInput, SignInPayload, UpdateMyPreferencesInput, Viewer } from './auth.types.js';
import { requireSignedIn } from './require.js';
import { revokeSessions } from './session.service.js';

@Resolver()
export class AuthResolver {
  @Query(() => Viewer, { nullable: true, description: 'The signed-in contact or technician; null when not signed in.' })
  async me(@Ctx() { em, principal }: Context) {
    if (principal.kind === 'anonymous') return null;
    return loadAccount(em, principal);
  }

  @Mutation(() => SignInPayload, { description: 'Signs in with username and password. Failed attempts are throttled per account and per IP (RATE_LIMITED).' })
  async signIn(@Arg('input', { description: 'See the input type.' }) input: SignInInput, @Ctx() ctx: Context) {
    const result = await inTransaction(ctx.em, ctx.services.events, (tx) =>
      signIn(tx, ctx.services.throttle, { ...input, ip: ctx.ip, userAgent: ctx.userAgent, browserLanguage: ctx.browserLanguage }),
    );
    ctx.cookie?.set(result.token, result.expiresAt);
    return result;
  }

  @Mutation(() => Boolean, { description: 'Ends the current session. Always succeeds.' })
  async signOut(@Ctx() { em, principal, cookie, services }: Context) {
    cookie?.clear();
    if (principal.kind === 'anonymous') return true;
    await inTransaction(em, services.events, (tx, emit) => revokeSessions(tx, emit, { session: principal.sessionId }));
    return true;
  }

  @Mutation(() => Boolean, { description: 'Ends every session of the signed-in person, this one included.' })
  async signOutEverywhere(@Ctx() { em, principal, cookie, services }: Context) {
    const signedIn = requireSignedIn(principal);
    await inTransaction(em, services.events, (tx, emit) =>
      revokeSessions(tx, emit, signedIn.kind === 'contact' ? { contact: signedIn.id } : { technician: signedIn.id }),
    );
    cookie?.clear();
    return true;
  }

  @Mutation(() => Boolean, { description: 'Changes the own password; other sessions are signed out, this one stays.' })
  async changePassword(@Arg('input', { description: 'See the input type.' }) input: ChangePasswordInput, @Ctx() { em, principal, services }: Context) {
    const signedIn = requireSignedIn(principal);
    await inTransaction(em, services.events, (tx, emit) => changePassword(tx, emit, signedIn, input.currentPassword, input.newPassword));
    return true;
  }

  @Mutation(() => Viewer, { description: 'Saves the signed-in person’s own preferences, such as the language.' })
  async updateMyPreferences(@Arg('input', { description: 'See the input type.' }) input: UpdateMyPreferencesInput, @Ctx() { em, principal }: Context) {
    const account = await loadAccount(em, requireSignedIn(principal));
    account.language = input.language;
    await em.flush();
    return account;
  }

  @Subscription(() => SessionEnded, {
    subscribe: ({ context }: SubscribeResolverData<unknown, object, Context>) => {
      const signedIn = requireSignedIn(context.principal);
      const onlyMine = filter((event: EventTopics['SESSIONS_REVOKED']) => event.sessionIds.includes(signedIn.sessionId));
      return onlyMine(context.services.events.subscribe('SESSIONS_REVOKED'));
    },
    description: 'Fires when the session of this connection is revoked, so open pages can sign out at once.',
  })
  sessionEnded(@Root() _event: EventTopics['SESSIONS_REVOKED']): SessionEnded {
    return { endedAt: new Date() };
  }
}
