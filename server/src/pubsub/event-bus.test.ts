import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/harness.js';
import { PostgresEventBus } from './event-bus.js';

/**
 * The bus between instances (PostgreSQL NOTIFY): an instance alone on its database sends nothing,
 * and one that starts is heard from the first event on (its hello turns the others' NOTIFYs on).
 */
describe('PostgresEventBus', () => {
  const open: Array<{ close(): Promise<unknown> }> = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((item) => item.close()));
  });

  async function channelSpy(databaseUrl: string) {
    const client = new pg.Client({ connectionString: databaseUrl, application_name: 'test-spy' });
    await client.connect();
    await client.query('LISTEN portico_events');
    const heard: Array<{ topic?: string; hello?: boolean }> = [];
    client.on('notification', (message) => heard.push(JSON.parse(message.payload!)));
    open.push({ close: () => client.end() });
    return heard;
  }

  const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('sends no NOTIFY while alone, and every event once another instance listens (from its first moment)', async () => {
    const databaseUrl = await createTestDatabase();
    const spy = await channelSpy(databaseUrl);
    const first = new PostgresEventBus(databaseUrl);
    open.push(first);
    await first.start();
    const local = first.subscribe('SETTINGS_CHANGED')[Symbol.asyncIterator]();

    first.publish('SETTINGS_CHANGED', { version: 1 });
    expect(await local.next()).toEqual({ value: { version: 1 }, done: false }); // its own subscribers hear it at once
    await settle(300);
    expect(spy.filter((message) => message.topic)).toEqual([]); // nobody else listens: nothing sent

    const second = new PostgresEventBus(databaseUrl);
    open.push(second);
    await second.start();
    const remote = second.subscribe('SETTINGS_CHANGED')[Symbol.asyncIterator]();
    await settle(100); // the hello reaches the first instance (the next peer count is 5 s away)
    first.publish('SETTINGS_CHANGED', { version: 2 });
    expect(await remote.next()).toEqual({ value: { version: 2 }, done: false });
    for (let waited = 0; !spy.some((message) => message.topic) && waited < 2000; waited += 50) await settle(50); // the spy's own connection may hear it a moment later
    expect(spy.filter((message) => message.topic).map((message) => message.topic)).toEqual(['SETTINGS_CHANGED']);
  });

  it('keeps a local-only part of an event on this instance', async () => {
    const databaseUrl = await createTestDatabase();
    const first = new PostgresEventBus(databaseUrl);
    const second = new PostgresEventBus(databaseUrl);
    open.push(first, second);
    await first.start();
    await second.start();
    const spy = await channelSpy(databaseUrl);
    const here = first.subscribe('DEVICE_COMMAND_CHANGED')[Symbol.asyncIterator]();
    const there = second.subscribe('DEVICE_COMMAND_CHANGED')[Symbol.asyncIterator]();
    const change = { deviceId: 'd', commandId: 'c', contactId: null };
    first.publish('DEVICE_COMMAND_CHANGED', { ...change, local: { row: { id: 'c', secret: 'only here' } } });
    expect((await here.next()).value).toEqual({ ...change, local: { row: { id: 'c', secret: 'only here' } } });
    expect((await there.next()).value).toEqual(change);
    for (let waited = 0; !spy.some((message) => message.topic) && waited < 2000; waited += 50) await settle(50);
    expect(spy.map((message) => message.topic)).toContain('DEVICE_COMMAND_CHANGED'); // it was sent, without its local part
    expect(JSON.stringify(spy)).not.toContain('only here');
  });
});
