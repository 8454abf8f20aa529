import { Language } from '../i18n/language.js';
import { translate, type MessageKey, type MessageParams } from '../i18n/translate.js';

/** The stable error codes of the public contract (DESIGN.md). */
export type ErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'RATE_LIMITED' | 'CONFLICT';

const DEFAULT_MESSAGE: Record<ErrorCode, MessageKey> = {
  UNAUTHENTICATED: 'errors.unauthenticated',
  FORBIDDEN: 'errors.forbidden',
  BAD_USER_INPUT: 'errors.invalidInput',
  NOT_FOUND: 'errors.notFound',
  RATE_LIMITED: 'errors.rateLimited',
  CONFLICT: 'errors.invalidInput',
};

export interface AppErrorOptions {
  /** The input field at fault (BAD_USER_INPUT, CONFLICT). */
  field?: string;
  params?: MessageParams;
  retryAfterSeconds?: number;
  /** Which API limit refused the request (graphql/limits.ts). */
  limit?: string;
}

/**
 * The one error type of Portico, independent of the transport. It carries a translation key, never a
 * finished sentence, so each edge (GraphQL over HTTP and WebSocket, the plain HTTP routes) renders
 * it in the caller's language. The English message is only for logs.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: MessageKey = DEFAULT_MESSAGE[code],
    readonly options: AppErrorOptions = {},
  ) {
    super(translate(Language.EN, messageKey, options.params));
    this.name = 'AppError';
  }

  /** What a client sees besides the message: the code, then the field, limit and wait when present. */
  get details(): { code: ErrorCode; field?: string; limit?: string; retryAfterSeconds?: number } {
    return {
      code: this.code,
      ...(this.options.field ? { field: this.options.field } : {}),
      ...(this.options.limit ? { limit: this.options.limit } : {}),
      ...(this.options.retryAfterSeconds !== undefined ? { retryAfterSeconds: this.options.retryAfterSeconds } : {}),
    };
  }
}

export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = () => new AppError('FORBIDDEN');
export const unauthenticated = () => new AppError('UNAUTHENTICATED');
export const badInput = (field: string, messageKey: MessageKey, params?: MessageParams) =>
  new AppError('BAD_USER_INPUT', messageKey, { field, params });

/** The AppError behind an error, however deeply a transport wrapped it (graphql-js' originalError, `cause`). */
export function findAppError(error: unknown): AppError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (current instanceof AppError) return current;
    current = (current as { originalError?: unknown }).originalError ?? (current as { cause?: unknown }).cause;
  }
  return undefined;
}
