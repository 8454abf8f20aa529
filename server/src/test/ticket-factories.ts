import type { GraphQLTestClient } from './graphql-client.js';

export const OPEN_TICKET = 'mutation($input: OpenTicketInput!) { openTicket(input: $input) { id number title status } }';

/** Opens a ticket through the API as the given caller (a contact opens it for itself). */
export async function openTicketAs(client: GraphQLTestClient, input: Record<string, unknown>) {
  const { openTicket } = await client.ok<{ openTicket: { id: string; number: number; title: string; status: string } }>(OPEN_TICKET, { input });
  return openTicket;
}
