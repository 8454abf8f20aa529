import { Arg, Ctx, Mutation, Query, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { auditActor, selfSubject } from '../audit/audit.service.js';
import { inTransaction } from '../db/transaction.js';
import type { Context } from '../context.js';
import { changePassword, loadAccount, signIn } from './viewer.service.js';
import { ChangePasswordInput, SessionEnded, SignInInput, SignInPayload, UpdateMyPreferencesInput, Viewer } from './viewer.types.js';
import { sessionEnd } from '../auth/live-session.js';
import { Allow } from '../auth/permissions.js';
import { isPerson, personOf, sessionOf } from '../auth/principal.js';
import { principalForToken, revokeSessions } from '../auth/session.service.js';

@Resolver()
export class AuthResolver {
  @Allow('PUBLIC')
  @Query(() => Viewer, { nullable: true, description: 'The signed-in contact or technician; null when not signed in.' })
  async me(@Ctx() { em, principal }: Context) {
    if (!isPerson(principal)) return null;
    return loadAccount(em, principal);
  }

  @Allow('PUBLIC')
  @Mutation(() => SignInPayload, { description: 'Signs in with username and password. Failed attempts are throttled per account and per IP (RATE_LIMITED).' })
  async signIn(@Arg('input', { description: 'See the input type.' }) input: SignInInput, @Ctx() ctx: Context) {
    // signIn opens its own transaction after the throttle, which may make the attempt wait.
    const result = await signIn(ctx.em, ctx.services.throttle, { ...input, ip: ctx.ip, userAgent: ctx.userAgent, browserLanguage: ctx.browserLanguage });
    ctx.cookie?.set(result.token, result.expiresAt);
    // The rest of this operation (e.g. `viewer { … }`) is answered for the person who just signed in.
    ctx.principal = await principalForToken(ctx.em, result.token);
    ctx.withCaller = undefined; // read for the anonymous caller; the new one's settings are read when needed
    return result;
  }

  @Allow('PUBLIC')
  @Mutation(() => Boolean, { description: 'Ends the current session. Always succeeds.' })
  async signOut(@Ctx() { em, principal, cookie, services }: Context) {
    cookie?.clear();
    const sessionId = sessionOf(principal);
    if (!sessionId) return true;
    await inTransaction(em, services.domainEvents, (tx, record) => revokeSessions(tx, record, { session: sessionId }));
    return true;
  }

  @Allow('SIGNED_IN')
  @Mutation(() => Boolean, { description: 'Ends every session of the signed-in person, this one included.' })
  async signOutEverywhere(@Ctx() { em, principal, ip, cookie, services }: Context) {
    const signedIn = personOf(principal);
    await inTransaction(em, services.domainEvents, async (tx, record) => {
      await revokeSessions(tx, record, { account: signedIn.accountId });
      const actor = await auditActor(tx, signedIn, ip);
      record('account.signed_out_everywhere', { actor, details: {}, subject: selfSubject(actor) });
    });
    cookie?.clear();
    return true;
  }

  @Allow('SIGNED_IN')
  @Mutation(() => Boolean, { description: 'Changes the own password; other sessions are signed out, this one stays.' })
  async changePassword(@Arg('input', { description: 'See the input type.' }) input: ChangePasswordInput, @Ctx() { em, principal, ip, services }: Context) {
    const signedIn = personOf(principal);
    await inTransaction(em, services.domainEvents, async (tx, record) => {
      await changePassword(tx, record, services.throttle, signedIn, input.currentPassword, input.newPassword);
      const actor = await auditActor(tx, signedIn, ip);
      record('account.password_changed', { actor, details: {}, subject: selfSubject(actor) });
    });
    return true;
  }

  @Allow('SIGNED_IN')
  @Mutation(() => Viewer, { description: 'Saves the signed-in person’s own preferences, such as the language.' })
  async updateMyPreferences(@Arg('input', { description: 'See the input type.' }) input: UpdateMyPreferencesInput, @Ctx() { em, principal }: Context) {
    const account = await loadAccount(em, personOf(principal));
    account.language = input.language;
    await em.flush();
    return account;
  }

  @Allow('SIGNED_IN')
  @Subscription(() => SessionEnded, {
    // Keyed by the session and account: other callers' revocations never reach this subscription.
    subscribe: ({ context }: SubscribeResolverData<unknown, object, Context>) => sessionEnd(context),
    description: 'Fires when the session of this connection is revoked, so open pages can sign out at once.',
  })
  sessionEnded(@Root() _ended: true): SessionEnded {
    return { endedAt: new Date() };
  }
}
