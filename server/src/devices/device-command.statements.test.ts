import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentSocket, enrollTestDevice } from '../test/device-factories.js';
import type { GraphQLTestClient } from '../test/graphql-client.js';
import { startTestPortico, type TestPortico } from '../test/harness.js';

/**
 * A device command is a hot path (bench/devices.ts measures it next to a bare graphql-ws server):
 * counted, not timed, the SQL statements the server sends for one whole round trip — a technician's
 * sendDeviceCommand over graphql-ws, the delivery to the agent, the agent's SUCCEEDED report, and the
 * technician's live updates (QUEUED, SUCCEEDED). Transactions' begin and commit are not counted.
 */
describe('device command statements', () => {
  let portico: TestPortico;
  let recording = false;
  const statements: string[] = [];
  let admin: GraphQLTestClient;
  const sockets: Client[] = [];

  beforeAll(async () => {
    portico = await startTestPortico({
      // Data statements of requests only: job workers' polling and the expiry sweep run on their own.
      onQuery: (sql) => void (recording && /(select|insert|update|delete) /i.test(sql) && !/graphile_worker|status = 'EXPIRED'/.test(sql) && statements.push(sql)),
    });
    admin = await portico.admin();
  });
  afterAll(async () => {
    await Promise.all(sockets.map((socket) => socket.dispose()));
    await portico.stop();
  });

  it('one round trip: 6 statements (caller, device, command, its audit row, the result, its audit row); the deliveries read nothing', async () => {
    const { createCustomer } = await admin.ok('mutation { createCustomer(input: { name: "Plover GmbH" }) { id } }');
    const device = await enrollTestDevice(admin, createCustomer.id, 'plover-01');
    const agent = agentSocket(portico.url, device.deviceToken);
    const technician = admin.websocket();
    sockets.push(agent, technician);
    // The agent answers every command it receives with SUCCEEDED, as bench/device-load.ts does.
    agent.subscribe<{ deviceCommands: { id: string } }>({ query: 'subscription { deviceCommands { id } }' }, {
      next: ({ data }) => void agent.subscribe({ query: 'mutation($input: ReportDeviceCommandInput!) { reportDeviceCommand(input: $input) }', variables: { input: { id: data!.deviceCommands.id, status: 'SUCCEEDED', output: 'ok' } } }, { next: () => undefined, error: () => undefined, complete: () => undefined }),
      error: () => undefined,
      complete: () => undefined,
    });
    const heard: Array<{ id: string; status: string }> = [];
    technician.subscribe<{ deviceCommandChanged: { id: string; status: string } }>({ query: 'subscription { deviceCommandChanged { id status } }' }, {
      next: ({ data }) => void heard.push(data!.deviceCommandChanged),
      error: () => undefined,
      complete: () => undefined,
    });
    while (portico.liveSubscriptions('DEVICE_COMMAND_QUEUED') < 1 || portico.liveSubscriptions('DEVICE_COMMAND_CHANGED') < 1) await new Promise((resolve) => setTimeout(resolve, 20));

    const roundTrip = async () => {
      const sent = await new Promise<string>((resolve, reject) => technician.subscribe<{ sendDeviceCommand: { id: string } }>(
        { query: 'mutation($input: SendDeviceCommandInput!) { sendDeviceCommand(input: $input) { id } }', variables: { input: { deviceId: device.deviceId, action: 'LOCK' } } },
        { next: ({ data, errors }) => (errors ? reject(new Error(JSON.stringify(errors))) : resolve(data!.sendDeviceCommand.id)), error: reject, complete: () => undefined },
      ));
      for (let waited = 0; !heard.some((change) => change.id === sent && change.status === 'SUCCEEDED'); waited += 10) {
        if (waited > 10_000) throw new Error('the result was not heard');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return sent;
    };
    await roundTrip(); // warm-up: prepared statements exist on the pool's connections

    statements.length = 0;
    recording = true;
    const id = await roundTrip();
    await new Promise((resolve) => setTimeout(resolve, 100)); // anything late would be counted too
    recording = false;

    expect(heard.filter((change) => change.id === id).map((change) => change.status)).toEqual(['QUEUED', 'SUCCEEDED']);
    const kinds = statements.map((sql) => /insert into audit_events/.test(sql) ? 'audit' : /insert into device_commands/.test(sql) ? 'command' : /update device_commands/.test(sql) ? 'result' : /from devices d where d.id/.test(sql) ? 'device' : /portal_settings/.test(sql) ? 'caller' : sql);
    expect(kinds, statements.join('\n')).toEqual(['caller', 'device', 'command', 'audit', 'result', 'audit']);
  });
});
