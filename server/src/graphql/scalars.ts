import { GraphQLScalarType } from 'graphql';
import { GraphQLISODateTime } from 'type-graphql';

/**
 * type-graphql's DateTimeISO (same name, description and parsing), printing Dates and milliseconds
 * since 1970 (what the read paths get from PostgreSQL's json, db/reads.ts) directly with
 * toISOString; anything else goes through the original, which validates it.
 */
export const DateTimeISO = new GraphQLScalarType({
  ...GraphQLISODateTime.toConfig(),
  serialize(value: unknown) {
    if (typeof value === 'number' && Number.isFinite(value)) return new Date(value).toISOString();
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
    return GraphQLISODateTime.serialize(value);
  },
});
