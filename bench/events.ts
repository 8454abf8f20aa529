/**
 * Benchmark: live updates across instances. Two Portico instances share one database; instance B
 * holds N open `ticketChanged` subscriptions over real graphql-ws connections (all but a few of them
 * contacts of other customers), instance A publishes ticket changes of customer A. Measured: the
 * time from A's publish until each of the MATCHING subscribers (customer A's contact, one tab each)
 * has its message on B (p50/p99), and the SQL statements B sends per event, at 1,000 and 10,000
 * open subscriptions. Baseline in the same run: a bare PostgreSQL LISTEN/NOTIFY round trip.
 *
 *   npm run bench:events                   # 1,000 and 10,000 subscriptions, 300 events each
 *   BENCH_EVENTS=100 npm run bench:events
 *
 * Writes bench/results/events.json. Uses DATABASE_URL's server when set, else an embedded PostgreSQL.
 */
import { cpus, loadavg } from 'node:os';
import { startPortico } from '../server/src/app.js';
import { configFromEnv } from '../server/src/config.js';
import { GraphQLTestClient } from '../server/src/test/graphql-client.js';
import { benchDatabase, notifyRoundTrip, percentile, writeResult } from './support.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 300);
const SIZES = [1_000, 10_000];
const PER_SOCKET = 100;
const MATCHING = 3;
const ADMIN_PASSWORD = 'bench-admin-password';
const LIMITS = { subscriptionsPerConnection: 100_000, subscriptionsPerAccount: 100_000, budget: { staff: 1e12, person: 1e12, anonymous: 1e12 } };

async function main() {
  const database = await benchDatabase('events', 55902);
  const { databaseUrl } = database;
  let statementsOnB = 0;
  const config = { ...configFromEnv({}), databaseUrl, port: 0, host: '127.0.0.1', adminPassword: ADMIN_PASSWORD, secret: 'bench' };
  const a = await startPortico(config, { log: () => undefined, limits: LIMITS });
  const b = await startPortico(config, { log: () => undefined, limits: LIMITS, onQuery: () => void statementsOnB++ });
  const sockets: Array<ReturnType<GraphQLTestClient['websocket']>> = [];
  try {
    const admin = await GraphQLTestClient.signIn(b.url, 'admin', ADMIN_PASSWORD);
    const contactOf = async (name: string) => {
      const { createCustomer } = await admin.ok('mutation($n: String!) { createCustomer(input: { name: $n }) { id } }', { n: name });
      const { createContact } = await admin.ok('mutation($c: ID!, $e: String!) { createContact(input: { customerId: $c, name: "Bench Contact", email: $e, isPrimary: true }) { username password } }', { c: createCustomer.id, e: `${name.replace(/\W/g, '')}@bench.example` });
      return GraphQLTestClient.signIn(b.url, createContact.username, createContact.password);
    };
    const watcher = await contactOf('Customer A');
    const { openTicket } = await watcher.ok('mutation { openTicket(input: { title: "Watched" }) { id } }');
    const ticketId = openTicket.id as string;
    const { ticket } = await admin.ok('query($id: ID!) { ticket(id: $id) { customer { id } contact { id } } }', { id: ticketId });
    const event = { ticketId, customerId: ticket.customer.id as string, contactId: ticket.contact.id as string, status: 'OPEN', visibleToContacts: true };

    let heard: (() => void) | undefined;
    let waiting = 0;
    for (let i = 0; i < MATCHING; i++) {
      const matching = watcher.websocket();
      sockets.push(matching);
      matching.subscribe({ query: 'subscription { ticketChanged { id title } }' }, { next: () => --waiting === 0 && heard?.(), error: (e) => console.error(e), complete: () => undefined });
    }
    while (b.liveSubscriptions('TICKET_CHANGED') < MATCHING) await new Promise((resolve) => setTimeout(resolve, 50));

    const others = await Promise.all(Array.from({ length: 10 }, (_, i) => contactOf(`Other customer ${i}`)));
    const results: Record<string, unknown> = {};
    let open = MATCHING;
    for (const size of SIZES) {
      while (open < size) {
        const socket = others[open % others.length]!.websocket();
        sockets.push(socket);
        for (let i = 0; i < PER_SOCKET && open < size; i++, open++) {
          socket.subscribe({ query: 'subscription { ticketChanged { id } }' }, { next: () => console.error('an event reached another customer'), error: () => undefined, complete: () => undefined });
        }
      }
      while (b.liveSubscriptions('TICKET_CHANGED') < size) await new Promise((resolve) => setTimeout(resolve, 50));

      const publish = async () => {
        const arrived = new Promise<void>((resolve) => (heard = resolve));
        waiting = MATCHING;
        const begin = performance.now();
        a.services.events.publish('TICKET_CHANGED', event);
        await arrived;
        return performance.now() - begin;
      };
      for (let i = 0; i < 30; i++) await publish(); // warm-up: first-use costs out of the measurement
      const latencies: number[] = [];
      const before = statementsOnB;
      for (let i = 0; i < EVENTS; i++) latencies.push(await publish());
      results[`subscriptions${size}`] = {
        openSubscriptions: b.liveSubscriptions('TICKET_CHANGED'),
        p50Ms: percentile(latencies, 50),
        p99Ms: percentile(latencies, 99),
        // Other work on the machine shows in the latencies (the statements do not change with it).
        loadAverage1m: Number(loadavg()[0]!.toFixed(2)),
        // All of them for the matching subscribers' checks and deliveries; the others cost none.
        sqlStatementsPerEvent: Number(((statementsOnB - before) / EVENTS).toFixed(2)),
      };
      console.log(size, results[`subscriptions${size}`]);
    }
    const result = {
      measuredAt: new Date().toISOString(),
      events: EVENTS,
      matchingSubscriptions: MATCHING,
      cpus: cpus().length,
      baselinePgNotifyRoundTrip: await notifyRoundTrip(databaseUrl, EVENTS),
      crossInstance: results,
    };
    writeResult('events', result);
  } finally {
    await Promise.all(sockets.map((socket) => socket.dispose()));
    await b.stop();
    await a.stop();
    await database.stop();
  }
}

await main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
