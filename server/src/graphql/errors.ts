import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { AppError, findAppError } from '../core/errors.js';
import type { Language } from '../i18n/language.js';
import { translate } from '../i18n/translate.js';
import { DEFAULT_LIMITS, isTokenLimitError, tokenLimitError } from './limits.js';

/**
 * The GraphQL form of an AppError, for refusals made by the API itself before execution (limits.ts):
 * the code (and field, limit, wait) in `extensions`; `localizeError` translates the message.
 */
export function toGraphQLError(error: AppError): GraphQLError {
  return new GraphQLError(error.message, { originalError: error, extensions: { ...error.details } });
}

/**
 * graphql-js wraps what a resolver throws in a GraphQLError without extensions; this copies an
 * AppError's code (and field, limit, wait) onto it, so the request log and the budget see the code.
 */
export function codeAppErrors<E extends { extensions?: Record<string, unknown> }>(errors: readonly E[] | undefined): void {
  for (const error of errors ?? []) {
    const appError = findAppError(error);
    if (appError && error.extensions && error.extensions.code === undefined) Object.assign(error.extensions, appError.details);
  }
}

/**
 * Turns any error into what a client may see, in its language. Unexpected errors are logged and
 * replaced by a generic message so no internals (SQL, stack traces) leave the server.
 */
export function localizeError(formatted: GraphQLFormattedError, original: unknown, language: Language): GraphQLFormattedError {
  const appError = findAppError(original);
  if (appError) {
    // The code of the AppError wins over the wrapper's (Apollo reports refusals by validation rules as GRAPHQL_VALIDATION_FAILED).
    const { http: _http, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, message: translate(language, appError.messageKey, appError.options.params), extensions: { ...appError.details, ...extensions, code: appError.code } };
  }
  // The token limit is checked by graphql-js' parser (limits.ts); answered like the other limits.
  if (isTokenLimitError(original)) {
    const refused = tokenLimitError(DEFAULT_LIMITS);
    const { http: _http, ...extensions } = refused.extensions;
    return { message: translate(language, (findAppError(refused) as AppError).messageKey, { max: Number(/\d+/.exec((original as Error).message)?.[0] ?? DEFAULT_LIMITS.maxTokens) }), extensions };
  }
  const code = formatted.extensions?.code;
  // Errors graphql-js raises itself (syntax, validation, bad variable types) are safe to show as they are.
  if (code === 'GRAPHQL_PARSE_FAILED' || code === 'GRAPHQL_VALIDATION_FAILED' || code === 'BAD_USER_INPUT' ||
      code === 'PERSISTED_QUERY_NOT_FOUND' || code === 'BAD_REQUEST' || code === 'OPERATION_RESOLUTION_FAILURE') {
    return formatted;
  }
  // Errors graphql-js raises about the request itself (no path, no cause: e.g. too many variable errors) are the caller's.
  if (!formatted.path && original instanceof GraphQLError && !original.originalError && code === undefined) {
    return { message: translate(language, 'errors.invalidInput'), extensions: { code: 'BAD_USER_INPUT' } };
  }
  // Values PostgreSQL refuses (SQLSTATE class 22: bad encoding, out-of-range numbers or dates) are bad input too.
  if (databaseDataException(original)) {
    console.warn('Input refused by the database:', (databaseDataException(original) as Error).message);
    return { message: translate(language, 'errors.invalidInput'), path: formatted.path, extensions: { code: 'BAD_USER_INPUT' } };
  }
  console.error('Unexpected error', original);
  return { message: translate(language, 'errors.internal'), path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

function databaseDataException(error: unknown): unknown {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    const sqlState = (current as { code?: unknown; sqlState?: unknown }).sqlState ?? (current as { code?: unknown }).code;
    if (current instanceof Error && typeof sqlState === 'string' && /^22[0-9A-Z]{3}$/.test(sqlState)) return current;
    current = (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
  }
  return undefined;
}
