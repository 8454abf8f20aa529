/**
 * A child process of bench/devices.ts holding many simulated agents, each one graphql-ws
 * connection with its subscription, a heartbeat, and an immediate answer to each command.
 *   portico: connectionParams { deviceToken }, `deviceCommands`, `reportDeviceFacts`, and
 *            `reportDeviceCommand(SUCCEEDED)` for each command received
 *   bare:    `inbox(me)`, `beat`, and `ack(id)` for each message received
 * Settings come from the environment (MODE, URL, FROM, TO, HEARTBEAT_MS); progress goes to the
 * parent over IPC: { connected: n } while connecting, { ready: true } when all are in place.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

const mode = process.env.MODE as 'portico' | 'bare';
const url = `${process.env.URL!.replace(/^http/, 'ws')}/graphql`;
const from = Number(process.env.FROM);
const to = Number(process.env.TO);
const heartbeatMs = Number(process.env.HEARTBEAT_MS ?? 60_000);
const BATCH = 100;

const ignore = { next: () => undefined, error: () => undefined, complete: () => undefined };
const clients: Client[] = [];

function agent(index: number): Promise<void> {
  return new Promise((ready, fail) => {
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: mode === 'portico' ? { deviceToken: `ptd_bench_${index}` } : {},
      lazy: false,
      retryAttempts: 0,
      keepAlive: 0,
      onNonLazyError: fail,
    });
    clients.push(client);
    // The documents of the real agent (device-agent/src/reports.ts, daemon.ts): fixed text, values in variables.
    const [query, answer] = mode === 'portico'
      ? ['subscription { deviceCommands { id } }', (id: string) => ({ query: 'mutation($input: ReportDeviceCommandInput!) { reportDeviceCommand(input: $input) }', variables: { input: { id, status: 'SUCCEEDED', output: 'ok' } } })]
      : [`subscription { inbox(me: ${index}) }`, (id: string) => ({ query: 'mutation($id: String!) { ack(id: $id) }', variables: { id } })];
    let subscribed = false;
    client.subscribe<Record<string, unknown>>({ query }, {
      next: (result) => {
        const value = Object.values(result.data ?? {})[0] as { id: string } | string | undefined;
        const id = typeof value === 'string' ? value : value?.id;
        if (id) client.subscribe<unknown>(answer(id), { ...ignore, next: (reply) => reply.errors && console.error(`answer refused: ${JSON.stringify(reply.errors)}`), error: (error) => console.error('answer failed', error) });
      },
      error: (error) => fail(error),
      complete: () => undefined,
    });
    client.on('connected', () => {
      if (subscribed) return;
      subscribed = true;
      // Spread the heartbeats over the interval, as agents started at different times would.
      const beat = mode === 'portico'
        ? { query: 'mutation($input: DeviceFactsInput!) { reportDeviceFacts(input: $input) }', variables: { input: { hostname: 'bench', osVersion: '1', uptimeSeconds: 1 } } }
        : { query: 'mutation { beat }' };
      setTimeout(() => setInterval(() => client.subscribe(beat, ignore), heartbeatMs), Math.random() * heartbeatMs);
      // The subscription is in place once the server answered the connection; give it a moment.
      setTimeout(ready, 20);
    });
  });
}

for (let start = from; start < to; start += BATCH) {
  await Promise.all(Array.from({ length: Math.min(BATCH, to - start) }, (_, i) => agent(start + i)));
  process.send?.({ connected: Math.min(start + BATCH, to) - from });
}
process.send?.({ ready: true });
process.on('disconnect', () => process.exit(0));
