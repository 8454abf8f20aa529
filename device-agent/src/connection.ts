import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { warn } from './events.js';
import { graphqlUrl, type GraphQLErrorPayload } from './graphql-http.js';
import { PinnedAgent } from './tls-pin.js';

/** Close code for an unknown or revoked device credential: retrying cannot help. */
const CLOSE_UNAUTHORIZED = 4401;
const KEEP_ALIVE_MS = 20_000;
// A ping without a pong this long means a dead connection TCP has not noticed yet.
const PONG_TIMEOUT_MS = 10_000;
// How long a goodbye may take when the agent stops.
const CLOSE_WAIT_MS = 1_000;

/** Exponential backoff: 1 s doubling up to `maxMs`, with ±30 % jitter so agents do not reconnect in step. */
export function retryDelayMs(retries: number, maxMs: number, random: () => number = Math.random): number {
  const base = Math.min(1000 * 2 ** retries, maxMs);
  return Math.round(base * (0.7 + 0.6 * random()));
}

/** What an operation over the connection came to. */
export type Outcome<T> =
  | { kind: 'answered'; data: T }
  /** Portico answered with errors: sending it again would get the same answer. */
  | { kind: 'refused'; errors: readonly GraphQLErrorPayload[] }
  /** The connection ended for good before an answer (graphql-ws itself resends across ordinary reconnects). */
  | { kind: 'lost'; reason: string };

export interface ConnectionEvents {
  connected(): void;
  /** A connection that had opened closed, with this code. */
  disconnected(code: number): void;
  /** Portico closed with 4401: the credential is unknown or revoked. */
  unauthorized(): void;
}

export interface ConnectionOptions {
  server: string;
  deviceToken: string;
  pinnedFingerprint?: string;
  reconnectMaxMs: number;
  events: ConnectionEvents;
}

function closeCode(event: unknown): number | undefined {
  return typeof event === 'object' && event !== null && 'code' in event && typeof event.code === 'number' ? event.code : undefined;
}

/** A close event, an error or a ws ErrorEvent, in words. */
function describe(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const code = closeCode(error);
  const reason = 'reason' in error && typeof error.reason === 'string' && error.reason ? ` (${error.reason})` : '';
  if (code !== undefined) return `closed with code ${code}${reason}`;
  return 'message' in error && typeof error.message === 'string' ? error.message : String(error);
}

/** graphql-ws builds sockets as `new Impl(url, protocol)`; a pinned certificate rides along in the agent. */
function webSocketImpl(pinnedFingerprint: string | undefined): unknown {
  if (!pinnedFingerprint) return WebSocket;
  const agent = new PinnedAgent(pinnedFingerprint);
  return class PinnedWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { agent });
    }
  };
}

/**
 * The agent's one graphql-ws connection to Portico: connects at once, reconnects with backoff
 * forever except after 4401, and pings every 20 seconds.
 */
export class DeviceConnection {
  private readonly client: Client;
  private readonly connectedWaiters = new Set<() => void>();
  private readonly closedWaiters = new Set<() => void>();
  private socketOpen = false;
  private pongTimeout: NodeJS.Timeout | undefined;

  constructor(options: ConnectionOptions) {
    const { events } = options;
    this.client = createClient({
      url: graphqlUrl(options.server, true),
      webSocketImpl: webSocketImpl(options.pinnedFingerprint),
      connectionParams: { deviceToken: options.deviceToken },
      lazy: false,
      retryAttempts: Infinity,
      keepAlive: KEEP_ALIVE_MS,
      shouldRetry: (event) => closeCode(event) !== CLOSE_UNAUTHORIZED,
      retryWait: (retries) => sleep(retryDelayMs(retries, options.reconnectMaxMs)),
      // Close codes graphql-ws treats as fatal end its own loop; the command feed's resubscription reconnects.
      onNonLazyError: (error) => {
        if (closeCode(error) !== CLOSE_UNAUTHORIZED) warn(`connection stopped retrying: ${describe(error)}`);
      },
      on: {
        opened: () => {
          this.socketOpen = true;
        },
        connected: () => {
          for (const resolve of this.connectedWaiters) resolve();
          this.connectedWaiters.clear();
          events.connected();
        },
        ping: (received) => {
          if (!received) this.pongTimeout = setTimeout(() => this.client.terminate(), PONG_TIMEOUT_MS);
        },
        pong: (received) => {
          if (received) clearTimeout(this.pongTimeout);
        },
        error: (error) => warn(`connection: ${describe(error)}`),
        closed: (event) => {
          clearTimeout(this.pongTimeout);
          for (const resolve of this.closedWaiters) resolve();
          this.closedWaiters.clear();
          const code = closeCode(event) ?? 1006;
          if (this.socketOpen) events.disconnected(code);
          this.socketOpen = false;
          if (code === CLOSE_UNAUTHORIZED) events.unauthorized();
        },
      },
    });
  }

  /** Resolves at the next successful connection. */
  nextConnection(): Promise<void> {
    return new Promise((resolve) => this.connectedWaiters.add(resolve));
  }

  /** Runs one query or mutation over the connection. */
  execute<T>(query: string, variables: Record<string, unknown>): Promise<Outcome<T>> {
    return new Promise((resolve) => {
      let result: FormattedExecutionResult<T, unknown> | undefined;
      this.client.subscribe<T>(
        { query, variables },
        {
          next: (value) => {
            result = value;
          },
          error: (error) => resolve(Array.isArray(error) ? { kind: 'refused', errors: error as GraphQLErrorPayload[] } : { kind: 'lost', reason: describe(error) }),
          complete: () => {
            if (!result) resolve({ kind: 'lost', reason: 'the connection was closed' });
            else if (result.errors?.length) resolve({ kind: 'refused', errors: result.errors });
            else resolve({ kind: 'answered', data: result.data as T });
          },
        },
      );
    });
  }

  /**
   * A subscription that graphql-ws re-establishes after every reconnect; `ended` is called only
   * when it ends for good (Portico's error, or a close graphql-ws does not retry).
   */
  subscribe<T>(query: string, next: (result: FormattedExecutionResult<T, unknown>) => void, ended: (reason: string) => void): () => void {
    return this.client.subscribe<T>(
      { query },
      {
        next,
        error: (error) => ended(Array.isArray(error) ? (error as GraphQLErrorPayload[]).map((e) => e.message).join('; ') : describe(error)),
        complete: () => ended('the subscription completed'),
      },
    );
  }

  /** Closes the connection (normal closure), waiting a moment for the goodbye to go out. */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.closedWaiters.add(resolve));
    // dispose() waits for a connection attempt in progress; the agent does not.
    Promise.resolve(this.client.dispose()).catch(() => undefined);
    if (this.socketOpen) await Promise.race([closed, sleep(CLOSE_WAIT_MS)]);
  }
}
