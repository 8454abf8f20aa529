import type { FilterQuery } from '@mikro-orm/postgresql';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, registerEnumType, Resolver, Root } from 'type-graphql';
import { Allow } from '../auth/permissions.js';
import { staffOf } from '../auth/principal.js';
import { isUuid } from '../db/query-helpers.js';
import { Connection, PageArgs, paginate } from '../graphql/connection.js';
import type { Context } from '../context.js';
import { notFound } from '../core/errors.js';
import { acceptHeldMessage, discardHeldMessage } from './held-mail.service.js';
import { HeldReason, InboundMessage, InboundOutcome } from './inbound-message.entity.js';
import { mailPolicy } from './mail.policy.js';

registerEnumType(HeldReason, {
  name: 'HeldReason',
  description: 'Why a message was held: UNVERIFIED_REPLY (a reply to a ticket without a valid reply token or a DMARC pass), UNVERIFIED_NEW_TICKET (a new request from an existing contact’s address without a DMARC pass).',
});

export enum HeldMessageState {
  HELD = 'HELD',
  ACCEPTED = 'ACCEPTED',
  DISCARDED = 'DISCARDED',
}
registerEnumType(HeldMessageState, { name: 'HeldMessageState', description: 'HELD (waiting for a technician), ACCEPTED (delivered as the sender’s), DISCARDED.' });

@ObjectType({ description: 'An attachment of a held message (delivered with it when accepted).' })
class HeldAttachment {
  @Field({ description: 'File name.' })
  filename!: string;

  @Field({ description: 'MIME type as sent.' })
  contentType!: string;

  @Field(() => Int, { description: 'Size in bytes.' })
  size!: number;
}

const HeldMessageConnection = Connection(InboundMessage, 'HeldMessage');

@ArgsType()
class HeldMessagesArgs extends PageArgs {
  @Field(() => HeldMessageState, { defaultValue: HeldMessageState.HELD, description: 'Which messages: waiting (HELD, the default), ACCEPTED or DISCARDED.' })
  state!: HeldMessageState;

  @Field(() => ID, { nullable: true, description: 'Only messages that refer to (or, once accepted, went to) this ticket.' })
  ticketId?: string | null;
}

const HELD_ROWS: FilterQuery<InboundMessage> = { reason: { $in: Object.values(HeldReason) } };

const STATE_FILTER: Record<HeldMessageState, FilterQuery<InboundMessage>> = {
  [HeldMessageState.HELD]: { outcome: InboundOutcome.HELD },
  [HeldMessageState.ACCEPTED]: { outcome: { $in: [InboundOutcome.REPLY, InboundOutcome.NEW_TICKET] }, reviewedAt: { $ne: null } },
  [HeldMessageState.DISCARDED]: { outcome: InboundOutcome.DISCARDED },
};

/** NOT_FOUND, like a missing message, for anybody the mail policy does not let see held mail. */
function assertMaySee(ctx: Context): void {
  if (!mailPolicy.maySeeHeldMail(ctx.principal)) throw notFound();
}

/**
 * Held mail for technicians: list, read, accept, discard. Nothing here returns a Ticket (only its
 * id and number), so no ticket data travels through these fields, and contacts reach none of them.
 */
@Resolver(() => InboundMessage)
export class HeldMailResolver {
  @Allow('STAFF')
  @Query(() => HeldMessageConnection, { description: 'Mail from existing contacts’ addresses whose sender could not be verified, newest first (technicians).' })
  async heldMessages(@Args() args: HeldMessagesArgs, @Ctx() ctx: Context) {
    assertMaySee(ctx);
    const conditions: FilterQuery<InboundMessage>[] = [HELD_ROWS, STATE_FILTER[args.state]];
    if (args.ticketId) conditions.push(isUuid(args.ticketId) ? { ticket: args.ticketId } : { id: { $in: [] } });
    return paginate(ctx.em, InboundMessage, { $and: conditions }, args, { createdAt: 'desc', id: 'desc' }, { populate: ['ticket'] });
  }

  @Allow('STAFF')
  @Query(() => InboundMessage, { description: 'One held (or decided) message, to read it. NOT_FOUND when missing.' })
  async heldMessage(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: Context) {
    assertMaySee(ctx);
    const message = isUuid(id) ? await ctx.em.findOne(InboundMessage, { $and: [{ id }, HELD_ROWS] }, { populate: ['ticket'] }) : null;
    if (!message) throw notFound();
    return message;
  }

  @Allow('STAFF')
  @Mutation(() => InboundMessage, { description: 'Delivers a held message as its sender’s, exactly like a verified one: a reply to its ticket, or a new ticket (technicians). CONFLICT when already decided.' })
  async acceptHeldMessage(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: Context) {
    if (!mailPolicy.mayDecideHeldMail(ctx.principal)) throw notFound();
    return acceptHeldMessage(ctx.em, ctx.services, staffOf(ctx.principal), ctx.ip, id);
  }

  @Allow('STAFF')
  @Mutation(() => InboundMessage, { description: 'Throws a held message away; it never reaches a ticket (technicians). CONFLICT when already decided.' })
  async discardHeldMessage(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() ctx: Context) {
    if (!mailPolicy.mayDecideHeldMail(ctx.principal)) throw notFound();
    return discardHeldMessage(ctx.em, ctx.services, staffOf(ctx.principal), ctx.ip, id);
  }

  @FieldResolver(() => String, { description: 'Sender address (the From: header; not verified).' })
  fromAddress(@Root() m: InboundMessage): string {
    return m.fromAddress;
  }

  @FieldResolver(() => String, { description: 'Subject line.' })
  subject(@Root() m: InboundMessage): string {
    return m.subject;
  }

  @FieldResolver(() => String, { description: 'The text (HTML converted to plain text).' })
  bodyText(@Root() m: InboundMessage): string {
    return m.bodyText ?? '';
  }

  @FieldResolver(() => HeldReason, { description: 'Why it was held.' })
  reason(@Root() m: InboundMessage): HeldReason {
    return m.reason === HeldReason.UNVERIFIED_REPLY ? HeldReason.UNVERIFIED_REPLY : HeldReason.UNVERIFIED_NEW_TICKET;
  }

  @FieldResolver(() => String, { description: 'What the sender checks found: reply token, DKIM, DMARC.' })
  checks(@Root() m: InboundMessage): string {
    return m.checks ?? '';
  }

  @FieldResolver(() => HeldMessageState, { description: 'Waiting, accepted or discarded.' })
  state(@Root() m: InboundMessage): HeldMessageState {
    if (m.outcome === InboundOutcome.HELD) return HeldMessageState.HELD;
    return m.outcome === InboundOutcome.DISCARDED ? HeldMessageState.DISCARDED : HeldMessageState.ACCEPTED;
  }

  @FieldResolver(() => [HeldAttachment], { description: 'Files it carries.' })
  attachments(@Root() m: InboundMessage): HeldAttachment[] {
    return m.attachments ?? [];
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The ticket it refers to while held; the ticket it went to once accepted. Null when none.' })
  ticketId(@Root() m: InboundMessage): string | null {
    return m.ticket?.id ?? null;
  }

  @FieldResolver(() => Int, { nullable: true, description: 'That ticket’s number.' })
  async ticketNumber(@Root() m: InboundMessage): Promise<number | null> {
    return m.ticket ? ((await m.ticket.load())?.number ?? null) : null;
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When a technician accepted or discarded it.' })
  reviewedAt(@Root() m: InboundMessage): Date | null {
    return m.reviewedAt;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who accepted or discarded it.' })
  async reviewedByName(@Root() m: InboundMessage): Promise<string | null> {
    return m.reviewedBy ? ((await m.reviewedBy.load())?.name ?? null) : null;
  }
}
