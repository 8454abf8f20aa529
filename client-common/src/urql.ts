import { Client, fetchExchange, subscriptionExchange, type CombinedError } from '@urql/core';
import { cacheExchange, type Cache, type KeyingConfig } from '@urql/exchange-graphcache';
import { createClient as createWsClient } from 'graphql-ws';
import schema from './gql/introspection';

/**
 * Types without an `id` (pages, settings, payloads) are kept embedded in their parent instead of
 * normalized; read from the schema so a new type needs no entry here.
 */
const keys: KeyingConfig = Object.fromEntries(
  schema.__schema.types
    .filter((type) => type.kind === 'OBJECT' && !('fields' in type && type.fields.some((field) => field.name === 'id')))
    .map((type) => [type.name, () => null]),
);

/**
 * A `ticketChanged` delivery is a Ticket with its id: Graphcache writes it over the cached ticket,
 * so every list row and detail page showing it updates in place. The cached ticket lists (newest
 * activity first, one cache entry a page) are then put in order by hand, without a refetch: the
 * ticket moves to the top of a first page that holds it, leaves a later page or a status filter it
 * no longer matches; only a first page that does not hold it yet (a new ticket, or one that just
 * became visible) is asked again, as the server alone knows whether it belongs there.
 */
function ticketChanged(result: Record<string, unknown>, _args: unknown, cache: Cache) {
  const ticket = result.ticketChanged as { id?: string } | undefined;
  if (!ticket?.id) return;
  const key = cache.keyOfEntity({ __typename: 'Ticket', id: ticket.id });
  const status = cache.resolve(key, 'status') as string | null | undefined;
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName !== 'tickets') continue;
    const args = field.arguments ?? {};
    const connection = cache.resolve('Query', field.fieldKey) as string | null;
    if (!connection) continue;
    const edges = (cache.resolve(connection, 'edges') as string[] | null) ?? [];
    const at = edges.findIndex((edge) => cache.resolve(edge, 'node') === key);
    const without = edges.filter((_, index) => index !== at);
    const statuses = args.statuses as string[] | null | undefined;
    if (statuses && status && !statuses.includes(status)) {
      if (at >= 0) cache.link(connection, 'edges', without);
    } else if (args.search) {
      // Search results are ranked by the server: the row updates in place, the order stays.
    } else if (args.after) {
      if (at >= 0) cache.link(connection, 'edges', without);
    } else if (at > 0) {
      cache.link(connection, 'edges', [edges[at], ...without]);
    } else if (at < 0) {
      cache.invalidate('Query', 'tickets', args);
    }
  }
}

/**
 * Writes that add an object to a list or take one out of it (or change which filter it matches):
 * the cached lists named here are dropped, so the queries showing them ask again. Every other write
 * answers with the objects it changed, which Graphcache writes over the cached ones.
 */
const LISTS_CHANGED_BY: Record<string, string[]> = {
  openTicket: ['tickets'],
  acceptHeldMessage: ['heldMessages', 'tickets'],
  discardHeldMessage: ['heldMessages'],
  retryOutboxMessage: ['outboxMessages'],
  createCustomer: ['customers'],
  deactivateCustomer: ['customers', 'contacts'],
  reactivateCustomer: ['customers', 'contacts'],
  createContact: ['contacts'],
  deactivateContact: ['contacts'],
  reactivateContact: ['contacts'],
  createTechnician: ['technicians'],
  deactivateTechnician: ['technicians'],
  reactivateTechnician: ['technicians'],
  createTicketField: ['ticketFields'],
  deleteTicketField: ['ticketFields'],
  updateTicketField: ['ticketFields'],
  updateStandardFieldVisibility: ['standardTicketFields'],
  updatePortalSettings: ['portalSettings'],
};

const mutationUpdates = Object.fromEntries(
  Object.entries(LISTS_CHANGED_BY).map(([mutation, lists]) => [
    mutation,
    (_result: unknown, _args: unknown, cache: Cache) => {
      for (const field of cache.inspectFields('Query')) {
        if (lists.includes(field.fieldName)) cache.invalidate('Query', field.fieldKey);
      }
    },
  ]),
);

/**
 * The urql client of both web apps: HTTP for queries and mutations, graphql-ws for subscriptions,
 * both on /graphql, and a normalized cache (Graphcache) that mutation results and subscription
 * deliveries update in place. The session travels in the HttpOnly cookie (HTTP requests and the
 * WebSocket handshake alike), so a new client is made whenever the signed-in person changes: that
 * drops the cache and reconnects the socket with the new cookie.
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
      cacheExchange({ schema, keys, updates: { Mutation: mutationUpdates, Subscription: { ticketChanged } } }),
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

/** The `extensions.code` of the first GraphQL error (UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, ...). */
export function errorCode(error: CombinedError | undefined): string | undefined {
  const code = error?.graphQLErrors?.[0]?.extensions?.code;
  return typeof code === 'string' ? code : undefined;
}

/** A failed operation split for display: the message, its code, and the input field it belongs to if any. */
export interface FormError {
  message: string;
  code?: string;
  field?: string;
  /** The server was not reached: the message is the browser's, so apps show their own words. */
  isNetworkError?: boolean;
}

export function formError(error: CombinedError | undefined): FormError | undefined {
  const message = errorMessage(error);
  return message === undefined ? undefined : { message, code: errorCode(error), field: errorField(error), isNetworkError: !!error?.networkError };
}
