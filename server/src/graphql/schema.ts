import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import { AuthResolver } from '../auth/auth.resolver.js';
import { ContactResolver } from '../contacts/contact.resolver.js';
import { CustomerResolver } from '../customers/customer.resolver.js';
import type { EventBus } from '../pubsub/event-bus.js';
import { TechnicianResolver } from '../technicians/technician.resolver.js';
import { ServerInfoResolver } from './server-info.resolver.js';

export const resolvers = [AuthResolver, CustomerResolver, ContactResolver, TechnicianResolver, ServerInfoResolver] as const;

/** One schema for everybody: portal, console, integrators and agents (PRODUCT.md F9). */
export function buildPorticoSchema(events?: EventBus) {
  return buildSchema({
    resolvers: [...resolvers],
    pubSub: events,
    validate: false,
    emitSchemaFile: false,
  });
}
