import type { EntityManager } from '@mikro-orm/postgresql';
import { Arg, ArgsType, Args, Ctx, Field, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Allow } from '../auth/permissions.js';
import { isUuid } from '../db/query-helpers.js';
import { Connection, paginate, PageArgs } from '../graphql/connection.js';
import type { Context } from '../context.js';
import { notFound } from '../core/errors.js';
import { OutboxMessage, OutboxStatus, SECRET_PLACEHOLDER } from './outbox-message.entity.js';
import { scheduleSend } from './outbox.js';

const OutboxConnection = Connection(OutboxMessage, 'OutboxMessage');
const MASK = '••••••••';

@ArgsType()
class OutboxArgs extends PageArgs {
  @Field(() => OutboxStatus, { nullable: true, description: 'Only messages in this state.' })
  status?: OutboxStatus | null;
}

/** The outbox as admins see it: delivery state and content, secrets always masked. */
@Resolver(() => OutboxMessage)
export class OutboxResolver {
  @Allow('ADMIN')
  @Query(() => OutboxConnection, { description: 'Outgoing messages, newest first (admins).' })
  async outboxMessages(@Args() args: OutboxArgs, @Ctx() { em, principal }: Context) {
    return paginate(em, OutboxMessage, args.status ? { status: args.status } : {}, args, { createdAt: 'desc', id: 'desc' });
  }

  @Allow('ADMIN')
  @Mutation(() => OutboxMessage, { description: 'Queues a FAILED message for another round of attempts (admins).' })
  async retryOutboxMessage(@Arg('id', () => ID, { description: 'Its id.' }) id: string, @Ctx() { em }: Context) {
    const message = isUuid(id) ? await em.findOne(OutboxMessage, id) : null;
    if (!message) throw notFound();
    if (message.status === OutboxStatus.FAILED) {
      Object.assign(message, { status: OutboxStatus.QUEUED, attempts: 0, nextAttemptAt: new Date() });
      await em.transactional((tx) => scheduleSend(tx as EntityManager, message));
    }
    return message;
  }

  @FieldResolver(() => String, { description: 'Plain-text body; passwords and other secrets are masked.' })
  textBody(@Root() message: OutboxMessage): string {
    return message.textBody.split(SECRET_PLACEHOLDER).join(MASK);
  }
}
