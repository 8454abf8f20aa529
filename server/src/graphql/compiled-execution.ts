import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema, type SourceLocation } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/** A query run this many times (as one parsed document) is compiled; rarer ones are not worth it. */
export const COMPILE_AFTER = 3;

type Seen = CompiledQuery | number | 'not compilable';

/**
 * Executes queries with graphql-jit once they are hot, else with graphql-js. graphql-js walks the
 * document for every field of every row; a compiled query is plain JavaScript for its shape, about
 * three times faster on a page of 25 tickets. Resolvers, scalars, errors (with their original
 * AppError) and null bubbling stay the schema's own. Only queries: mutations and anything graphql-jit
 * cannot compile run through graphql-js, and subscriptions never come here (graphql-ws).
 *
 * Documents are keyed by identity: Apollo keeps parsed documents (its document store), so the same
 * query text brings the same object; a flood of distinct queries is never compiled (COMPILE_AFTER)
 * and costs no more than graphql-js.
 */
export function compiledExecutor(schema: GraphQLSchema): GatewayExecutor {
  const seen = new WeakMap<DocumentNode, Map<string, Seen>>();
  return async ({ document, request, context, operationName, operation }) => {
    const variables = request.variables ?? {};
    const plain = () => execute({ schema, document, contextValue: context, variableValues: variables, operationName }) as ReturnType<GatewayExecutor>;
    if (operation?.operation !== 'query') return plain();
    let byOperation = seen.get(document);
    if (!byOperation) seen.set(document, (byOperation = new Map()));
    const key = operationName ?? '';
    const known = byOperation.get(key) ?? 0;
    if (typeof known === 'object') return run(known, context, variables);
    if (known === 'not compilable') return plain();
    if (known + 1 < COMPILE_AFTER) {
      byOperation.set(key, known + 1);
      return plain();
    }
    const compiled = compileQuery(schema, document, operationName ?? undefined);
    if (!isCompiledQuery(compiled)) {
      byOperation.set(key, 'not compilable');
      return plain();
    }
    byOperation.set(key, compiled);
    return run(compiled, context, variables);
  };
}

/** What graphql-jit reports for an error: its own GraphQLError class (from graphql's CommonJS build). */
interface JitError {
  message: string;
  locations?: readonly SourceLocation[];
  path?: ReadonlyArray<string | number>;
  originalError?: Error;
  extensions?: Record<string, unknown>;
}

/**
 * graphql-jit loads graphql's CommonJS build, so its errors are not `instanceof` the GraphQLError
 * Apollo and Portico use (the ES module build) and Apollo would wrap them, dropping path and
 * locations. They become the same GraphQLError graphql-js would have raised.
 */
async function run(compiled: CompiledQuery, context: unknown, variables: Record<string, unknown>): Promise<ExecutionResult> {
  const result = await compiled.query(undefined, context, variables);
  if (!result.errors?.length) return result as ExecutionResult;
  const errors = (result.errors as readonly JitError[]).map((jit) => {
    const error = new GraphQLError(jit.message, { path: jit.path, originalError: jit.originalError, extensions: jit.extensions });
    if (jit.locations?.length) (error as { locations?: readonly SourceLocation[] }).locations = jit.locations;
    return error;
  });
  return { ...result, errors } as ExecutionResult;
}

/** Apollo Server takes a custom executor only from a gateway: this one serves a fixed schema. */
export function staticSchemaGateway(schema: GraphQLSchema, executor: GatewayExecutor): GatewayInterface {
  let announce: ((context: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void) | undefined;
  return {
    onSchemaLoadOrUpdate(callback) {
      announce = callback;
      return () => {
        announce = undefined;
      };
    },
    async load() {
      announce?.({ apiSchema: schema, coreSupergraphSdl: '' });
      return { executor };
    },
    async stop() {},
  };
}
