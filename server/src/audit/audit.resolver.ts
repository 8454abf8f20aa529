import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { Allow } from '../auth/permissions.js';
import { Connection, paginate, PageArgs } from '../graphql/connection.js';
import type { Context } from '../graphql/context.js';
import { AuditEvent } from './audit-event.entity.js';

const AuditEventConnection = Connection(AuditEvent, 'AuditEvent');

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Allow('ADMIN')
  @Query(() => AuditEventConnection, { description: 'The audit log, newest first (admins).' })
  async auditEvents(@Args() args: PageArgs, @Ctx() { em, principal }: Context) {
    return paginate(em, AuditEvent, {}, args, { createdAt: 'desc', id: 'desc' });
  }
}
