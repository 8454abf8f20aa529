import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { EventBus } from '../pubsub/event-bus.js';

/** Close code for a device whose credential is unknown or revoked (docs/DEVICE-PROTOCOL.md). */
export const CLOSE_UNAUTHORIZED = 4401;

type Close = (code: number, reason: string) => void;

/**
 * Which agents are connected to this instance, and the `connection_id` each holds in the database
 * (so any instance can tell whether a device is online). A revoked device's connection is closed
 * by whichever instance holds it: each instance hears DEVICE_REVOKED through the event bus (for
 * one device, or for every device of a deactivated customer).
 */
export class DevicePresence {
  private readonly local = new Map<string, { customerId: string; connections: Map<string, Close> }>();
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
        const { deviceId, customerId } = event.value;
        const devices = deviceId ? [this.local.get(deviceId)] : [...this.local.values()].filter((device) => device.customerId === customerId);
        for (const device of devices) for (const close of device?.connections.values() ?? []) close(CLOSE_UNAUTHORIZED, deviceId ? 'Device revoked' : 'Customer deactivated');
      }
    })();
  }

  stop(): void {
    this.stopListening?.();
  }

  /** Connections of this instance (for the benchmark and tests). */
  get connectedHere(): number {
    let count = 0;
    for (const device of this.local.values()) count += device.connections.size;
    return count;
  }

  /** An agent connected: it is online from now, on this instance. Returns what to call when it closes. */
  async opened(deviceId: string, customerId: string, close: Close): Promise<() => Promise<void>> {
    const connectionId = randomUUID();
    const device = this.local.get(deviceId) ?? { customerId, connections: new Map<string, Close>() };
    this.local.set(deviceId, device);
    device.connections.set(connectionId, close);
    await this.mark(deviceId, `update devices set connection_id = ?, last_seen_at = now() where id = ? returning assigned_contact_id`, [connectionId, deviceId]);
    return async () => {
      device.connections.delete(connectionId);
      if (device.connections.size === 0 && this.local.get(deviceId) === device) this.local.delete(deviceId);
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
