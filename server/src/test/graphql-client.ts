import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string; field?: string; [key: string]: unknown } }>;
}

/** Talks to a running Portico over real HTTP (and graphql-ws), as one caller. */
export class GraphQLTestClient {
  constructor(readonly baseUrl: string, readonly token?: string, private readonly headers: Record<string, string> = {}) {}

  static async signIn(baseUrl: string, username: string, password: string): Promise<GraphQLTestClient> {
    const result = await new GraphQLTestClient(baseUrl).request<{ signIn: { token: string } }>(
      'mutation SignIn($input: SignInInput!) { signIn(input: $input) { token } }',
      { input: { username, password } },
    );
    if (!result.data?.signIn) throw new Error(`Sign-in as ${username} failed: ${JSON.stringify(result.errors)}`);
    return new GraphQLTestClient(baseUrl, result.data.signIn.token);
  }

  withHeaders(headers: Record<string, string>): GraphQLTestClient {
    return new GraphQLTestClient(this.baseUrl, this.token, { ...this.headers, ...headers });
  }

  async request<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
    const response = await this.raw(query, variables);
    return (await response.json()) as GraphQLResponse<T>;
  }

  async raw(query: string, variables: Record<string, unknown> = {}): Promise<Response> {
    return fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}), ...this.headers },
      body: JSON.stringify({ query, variables }),
    });
  }

  /** Returns data, failing the test with the errors when there are any. */
  async ok<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.request<T>(query, variables);
    if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data;
  }

  /** Returns the first error's code, failing the test when the call succeeded. */
  async errorOf(query: string, variables: Record<string, unknown> = {}) {
    const result = await this.request(query, variables);
    if (!result.errors?.length) throw new Error(`Expected an error, got ${JSON.stringify(result.data)}`);
    return result.errors[0];
  }

  /** A graphql-ws client authenticated with this caller's token. */
  websocket(): Client {
    return createClient({
      url: `${this.baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: this.token ? { sessionToken: this.token } : {},
      retryAttempts: 0,
    });
  }
}
