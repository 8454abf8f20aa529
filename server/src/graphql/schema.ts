import 'reflect-metadata';
import { createPubSub } from '@graphql-yoga/subscription';
import { buildSchema } from 'type-graphql';
import { AuthResolver } from '../auth/auth.resolver.js';
import { ContactResolver } from '../contacts/contact.resolver.js';
import { CustomerResolver } from '../customers/customer.resolver.js';
import type { EventBus } from '../pubsub/event-bus.js';
import { AuditResolver } from '../audit/audit.resolver.js';
import { FieldsResolver } from '../fields/fields.resolver.js';
import { HeldMailResolver } from '../mail/held-mail.resolver.js';
import { OutboxResolver } from '../mail/outbox.resolver.js';
import { SettingsResolver } from '../settings/settings.resolver.js';
import { TicketCommentResolver, TicketResolver } from '../tickets/ticket.resolver.js';
import { TechnicianResolver } from '../technicians/technician.resolver.js';
import { ServerInfoResolver } from './server-info.resolver.js';
import { authChecker } from '../auth/permissions.js';

export const resolvers = [AuthResolver, CustomerResolver, ContactResolver, TechnicianResolver, SettingsResolver, OutboxResolver, AuditResolver, TicketResolver, TicketCommentResolver, FieldsResolver, HeldMailResolver, ServerInfoResolver] as const;

/** One schema for everybody: portal, console, integrators and agents (PRODUCT.md F9). */
export async function buildPorticoSchema(events?: EventBus) {
  const schema = await buildSchema({
    resolvers: [...resolvers],
    // Printing the schema needs no event bus; an in-process one stands in.
    pubSub: events ?? createPubSub(),
    validate: false,
    // Every root field declares who may call it (@Allow); checked before its resolver runs.
    authChecker,
    authMode: 'error',
    emitSchemaFile: false,
  });
  // type-graphql has no option for root type descriptions; graphql-js keeps them as plain properties.
  Object.assign(schema.getQueryType() ?? {}, { description: 'Everything that can be read. Lists are filtered by what the caller may see.' });
  Object.assign(schema.getMutationType() ?? {}, { description: 'Everything that can be changed. Bad input changes nothing and answers BAD_USER_INPUT.' });
  Object.assign(schema.getSubscriptionType() ?? {}, { description: 'Live events over graphql-ws on /graphql.' });
  return schema;
}
