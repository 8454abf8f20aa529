import { GraphQLScalarType } from 'graphql';
import { GraphQLISODateTime } from 'type-graphql';

/** What Date.prototype.toISOString writes (years 0000-9999): already the scalar's output. */
const ISO_UTC_MILLIS = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/**
 * type-graphql's DateTimeISO (same name, description and parsing), serializing text that is
 * already in its output form as it is: the read paths get timestamps from PostgreSQL as that text
 * (json), and parsing each into a Date only to print it again is a measurable share of a list.
 * Anything else goes through the original, which validates it.
 */
export const DateTimeISO = new GraphQLScalarType({
  ...GraphQLISODateTime.toConfig(),
  serialize(value: unknown) {
    if (typeof value === 'string' && ISO_UTC_MILLIS.test(value)) return value;
    return GraphQLISODateTime.serialize(value);
  },
});
