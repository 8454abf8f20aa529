import type { CombinedError } from '@urql/core';
import { errorField, errorMessage } from '@portico/client-common';

export { errorField, errorMessage };

/** The `extensions.code` of the first GraphQL error (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, ...). */
export function errorCode(error: CombinedError | undefined): string | undefined {
  const code = error?.graphQLErrors?.[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A failed mutation split for display: the message, and the input field it belongs to if any. */
export interface FormError {
  message: string;
  field?: string;
}

export function formError(error: CombinedError | undefined): FormError | undefined {
  const message = errorMessage(error);
  return message === undefined ? undefined : { message, field: errorField(error) };
}
