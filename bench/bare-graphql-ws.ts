/**
 * The baseline of bench/devices.ts: a bare graphql-ws server (graphql-js schema, in-memory fan-out,
 * no database, no authentication) on the same kind of process. A command is `send(to, id)`
 * delivered to `inbox(me: to)`, answered by `ack(id)` delivered to `acks`; `beat` is a heartbeat.
 */
import http from 'node:http';
import { buildSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';

const schema = buildSchema(`
  type Query { ok: Boolean }
  type Mutation { send(to: Int!, id: String!): Boolean  ack(id: String!): Boolean  beat: Boolean }
  type Subscription { inbox(me: Int!): String  acks: String }
`);

type Listener = (value: string) => void;
const inboxes = new Map<number, Set<Listener>>();
const ackListeners = new Set<Listener>();

/** An async iterator over what `register` pushes (as `{ [field]: value }`, the subscription's payload), ended when the subscriber leaves. */
function listen(field: string, register: (push: Listener) => () => void): AsyncIterableIterator<Record<string, string>> {
  const queue: Array<Record<string, string>> = [];
  let wake: ((result: IteratorResult<Record<string, string>>) => void) | undefined;
  const unregister = register((id) => {
    const value = { [field]: id };
    if (wake) (wake({ value, done: false }), (wake = undefined));
    else queue.push(value);
  });
  return {
    next: () => (queue.length ? Promise.resolve({ value: queue.shift()!, done: false }) : new Promise((resolve) => (wake = resolve))),
    return: () => (unregister(), Promise.resolve({ value: undefined, done: true })),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

const roots = {
  ok: () => true,
  beat: () => true,
  send: ({ to, id }: { to: number; id: string }) => {
    for (const push of inboxes.get(to) ?? []) push(id);
    return true;
  },
  ack: ({ id }: { id: string }) => {
    for (const push of ackListeners) push(id);
    return true;
  },
  inbox: ({ me }: { me: number }) =>
    listen('inbox', (push) => {
      const set = inboxes.get(me) ?? new Set<Listener>();
      inboxes.set(me, set.add(push));
      return () => set.delete(push);
    }),
  acks: () => listen('acks', (push) => (ackListeners.add(push), () => ackListeners.delete(push))),
};

const server = http.createServer((_, res) => res.writeHead(404).end());
const wsServer = new WebSocketServer({ server, path: '/graphql' });
useServer(
  {
    schema,
    roots: { query: roots, mutation: roots, subscription: roots } as never,
  },
  wsServer,
);
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('bare graphql-ws ready'));
