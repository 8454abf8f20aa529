import 'reflect-metadata';
import { createPubSub } from '@graphql-yoga/subscription';
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
    // Printing the schema needs no event bus; an in-process one stands in.
    pubSub: events ?? createPubSub(),
    validate: false,
    emitSchemaFile: false,
  });
}
