import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { EventBus } from '../pubsub/event-bus.js';

/** Close code for a device whose credential is unknown or revoked (docs/DEVICE-PROTOCOL.md). */
export const CLOSE_UNAUTHORIZED = 4401;

type Close = (code: number, reason: string) => void;

/**
 * Which agents are connected to this instance, and the `connection_id` each holds in the database
 * (so any instance can tell whether a device is online). A revoked device's connection is closed
 * by whichever instance holds it: each instance hears DEVICE_REVOKED through the event bus.
 */
export class DevicePresence {
  private readonly local = new Map<string, Map<string, Close>>();
  private stopListening?: () => void;

  constructor(
    private readonly orm: MikroORM,
    private readonly bus: EventBus,
  ) {}

  start(): void {
    const events = this.bus.subscribe('DEVICE_REVOKED')[Symbol.asyncIterator]();
    this.stopListening = () => void events.return?.();
    void (async () => {
      for (let event = await events.next(); !event.done; event = await events.next()) {
        for (const close of this.local.get(event.value.deviceId)?.values() ?? []) close(CLOSE_UNAUTHORIZED, 'Device revoked');
      }
    })();
  }

  stop(): void {
    this.stopListening?.();
  }

  /** Connections of this instance (for the benchmark and tests). */
  get connectedHere(): number {
    let count = 0;
    for (const connections of this.local.values()) count += connections.size;
    return count;
  }

  /** An agent connected: it is online from now, on this instance. Returns what to call when it closes. */
  async opened(deviceId: string, close: Close): Promise<() => Promise<void>> {
    const connectionId = randomUUID();
    const connections = this.local.get(deviceId) ?? new Map<string, Close>();
    this.local.set(deviceId, connections.set(connectionId, close));
    await this.mark(deviceId, `update devices set connection_id = ?, last_seen_at = now() where id = ? returning assigned_contact_id`, [connectionId, deviceId]);
    return async () => {
      connections.delete(connectionId);
      if (connections.size === 0) this.local.delete(deviceId);
      // Only this connection's mark is cleared: the agent may already be back on another instance.
      await this.mark(deviceId, `update devices set connection_id = null where id = ? and connection_id = ? returning assigned_contact_id`, [deviceId, connectionId]);
    };
  }

  private async mark(deviceId: string, sql: string, values: unknown[]): Promise<void> {
    const rows = await this.orm.em.fork().getConnection().execute<Array<{ assigned_contact_id: string | null }>>(sql, values);
    const [row] = rows;
    if (row) this.bus.publish('DEVICE_CHANGED', { deviceId, contactIds: row.assigned_contact_id ? [row.assigned_contact_id] : [] });
  }
}
