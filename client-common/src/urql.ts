import { cacheExchange, Client, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient } from 'graphql-ws';

/**
 * The urql client of both web apps: HTTP for queries and mutations, graphql-ws for subscriptions,
 * both on /graphql. The session travels in the HttpOnly cookie (HTTP requests and the WebSocket
 * handshake alike), so a new client is made whenever the signed-in person changes: that drops
 * the cache and reconnects the socket with the new cookie.
 */
export function createPorticoClient(): { client: Client; dispose: () => void } {
  const ws = createWsClient({
    url: `${location.origin.replace(/^http/, 'ws')}/graphql`,
    lazy: true,
    retryAttempts: 20,
  });
  const client = new Client({
    url: '/graphql',
    // GET requests trip Apollo's CSRF protection; POST with JSON is always allowed.
    preferGetMethod: false,
    fetchOptions: { credentials: 'same-origin' },
    requestPolicy: 'cache-and-network',
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
  return { client, dispose: () => void ws.dispose() };
}

/** The translated message of a failed operation, as the server sent it (already in the caller's language). */
export function errorMessage(error: { graphQLErrors?: Array<{ message: string }>; networkError?: Error; message?: string } | undefined): string | undefined {
  if (!error) return undefined;
  return error.graphQLErrors?.[0]?.message ?? error.networkError?.message ?? error.message;
}

/** The input field a server error names (`extensions.field`), to show the message beside it. */
export function errorField(error: { graphQLErrors?: Array<{ extensions?: Record<string, unknown> }> } | undefined): string | undefined {
  const field = error?.graphQLErrors?.[0]?.extensions?.field;
  return typeof field === 'string' ? field : undefined;
}
