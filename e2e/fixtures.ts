import type { GraphQLTestClient } from '../server/src/test/graphql-client.js';

/** Creates a customer and a contact through the API, as a technician would. */
export async function createCustomerWithContact(
  admin: GraphQLTestClient,
  options: { customerName?: string; contactName?: string; email?: string; language?: string | null; isPrimary?: boolean } = {},
) {
  const suffix = Math.random().toString(36).slice(2, 8);
  const { createCustomer } = await admin.ok<{ createCustomer: { id: string; name: string } }>(
    'mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id name } }',
    { input: { name: options.customerName ?? `Customer ${suffix}`, domains: [`c${suffix}.example`] } },
  );
  const { createContact } = await admin.ok<{ createContact: { username: string; password: string; contact: { id: string } } }>(
    'mutation($input: CreateContactInput!) { createContact(input: $input) { username password contact { id } } }',
    {
      input: {
        customerId: createCustomer.id,
        name: options.contactName ?? `Pat Doe ${suffix}`,
        email: options.email ?? `pat.${suffix}@c${suffix}.example`,
        language: options.language ?? null,
        isPrimary: options.isPrimary ?? false,
      },
    },
  );
  return { customer: createCustomer, contactId: createContact.contact.id, username: createContact.username, password: createContact.password };
}

/** Publishes one knowledge base article: the section opens for every customer with the first one. */
export async function publishKbArticle(admin: GraphQLTestClient, input: { title?: string; body?: string; language?: string } = {}): Promise<string> {
  const { createKbArticle } = await admin.ok<{ createKbArticle: { id: string } }>('mutation($input: CreateKbArticleInput!) { createKbArticle(input: $input) { id } }', {
    input: { title: input.title ?? 'How to reset your password', body: input.body ?? 'Open **Settings** and choose *Reset password*.', language: input.language ?? 'EN' },
  });
  await admin.ok('mutation($id: ID!) { setKbArticleStatus(id: $id, status: PUBLISHED) { id } }', { id: createKbArticle.id });
  return createKbArticle.id;
}
