import 'reflect-metadata';
import { createPubSub } from '@graphql-yoga/subscription';
import { buildSchema, type BuildSchemaOptions } from 'type-graphql';
import type { EventBus } from '../pubsub/event-bus.js';
import { DateTimeISO } from './scalars.js';

export interface SchemaParts {
  /** Every resolver class (composition.ts). */
  resolvers: BuildSchemaOptions['resolvers'];
  /** Decides the `@Authorized` requirements of root fields before their resolver runs. */
  authChecker: BuildSchemaOptions['authChecker'];
  /** Printing the schema needs no event bus; an in-process one stands in. */
  events?: EventBus;
}

/** One schema for everybody: portal, console, integrators and agents (PRODUCT.md F9). */
export async function buildGraphQLSchema({ resolvers, authChecker, events }: SchemaParts) {
  const schema = await buildSchema({
    resolvers,
    pubSub: events ?? createPubSub(),
    validate: false,
    // Every root field declares who may call it (@Allow); checked before its resolver runs.
    authChecker,
    authMode: 'error',
    emitSchemaFile: false,
    scalarsMap: [{ type: Date, scalar: DateTimeISO }],
  });
  // type-graphql has no option for root type descriptions; graphql-js keeps them as plain properties.
  Object.assign(schema.getQueryType() ?? {}, { description: 'Everything that can be read. Lists are filtered by what the caller may see.' });
  Object.assign(schema.getMutationType() ?? {}, { description: 'Everything that can be changed. Bad input changes nothing and answers BAD_USER_INPUT.' });
  Object.assign(schema.getSubscriptionType() ?? {}, { description: 'Live events over graphql-ws on /graphql.' });
  return schema;
}
