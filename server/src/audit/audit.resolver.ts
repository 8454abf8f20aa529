import type { FilterQuery } from '@mikro-orm/postgresql';
import { Args, ArgsType, Ctx, Field, ID, Query, Resolver } from 'type-graphql';
import { Allow } from '../auth/permissions.js';
import { isUuid } from '../db/query-helpers.js';
import { Connection, paginate, PageArgs } from '../graphql/connection.js';
import type { Context } from '../context.js';
import { badInput } from '../core/errors.js';
import { AuditEvent } from './audit-event.entity.js';

const AuditEventConnection = Connection(AuditEvent, 'AuditEvent');

@ArgsType()
export class AuditEventsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only changes made by this person or about this person (or object): matches the actor id or the subject id.' })
  personId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Only these actions, e.g. ["contact.deactivated", "contact.reactivated"].' })
  actions?: string[] | null;

  @Field(() => Date, { nullable: true, description: 'Only changes at or after this moment.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Only changes at or before this moment.' })
  to?: Date | null;
}

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Allow('ADMIN')
  @Query(() => AuditEventConnection, { description: 'The audit log of security-relevant changes, newest first, filtered by person, action and time (admins).' })
  async auditEvents(@Args() args: AuditEventsArgs, @Ctx() { em }: Context) {
    if (args.from && args.to && args.from > args.to) throw badInput('to', 'audit.invalidRange');
    const where: Array<FilterQuery<AuditEvent>> = [];
    if (args.personId) where.push(isUuid(args.personId) ? { $or: [{ actorId: args.personId }, { subjectId: args.personId }] } : { id: { $in: [] } });
    if (args.actions?.length) where.push({ action: { $in: args.actions.slice(0, 50) } });
    if (args.from) where.push({ createdAt: { $gte: args.from } });
    if (args.to) where.push({ createdAt: { $lte: args.to } });
    return paginate(em, AuditEvent, where.length ? { $and: where } : {}, args, { createdAt: 'desc', id: 'desc' });
  }
}
