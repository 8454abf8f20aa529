import type { DomainEventHandlers } from '../db/domain-events.js';
import type { Reads } from '../db/reads.js';
import { inStatementTransaction } from '../db/transaction.js';
import type { EventBus } from '../pubsub/event-bus.js';
import type { JobHandler } from '../queue/jobs.js';
import { expireCommands } from './device.service.js';

declare module '../queue/jobs.js' {
  interface JobPayloads {
    /** Queued by earlier versions, one per command; each now runs a sweep (DeviceCommandExpiry). */
    'device-command-expire': { commandId: string };
  }
}

/**
 * Devices' side effects: live updates after the commit (the agent's delivery, with the signed
 * envelope so it reads nothing; the console's and contacts' views; closing a revoked agent's
 * connection).
 */
export function publishDeviceChanges(events: DomainEventHandlers, bus: EventBus): void {
  events.on('device.changed', { afterCommit: (data) => bus.publish('DEVICE_CHANGED', data) });
  events.on('device.commandQueued', { afterCommit: ({ deviceId, envelope }) => bus.publish('DEVICE_COMMAND_QUEUED', { deviceId, commandId: envelope.id, envelope }) });
  events.on('device.commandChanged', { afterCommit: ({ row, ...change }) => bus.publish('DEVICE_COMMAND_CHANGED', { ...change, ...(row ? { local: { row } } : {}) }) });
  events.on('device.revokedNow', { afterCommit: (data) => bus.publish('DEVICE_REVOKED', data) });
  // A deactivated customer's agents are cut off like revoked ones (their credentials stop working too: device-credentials.ts).
  events.on('customer.deactivated', { afterCommit: ({ subject }) => subject?.id && bus.publish('DEVICE_REVOKED', { customerId: subject.id }) });
}

/** Commands expired per statement of a sweep (a backlog after downtime takes several). */
const EXPIRE_BATCH = 500;

/**
 * Expiry as a sweep, not a job per command: every few seconds each instance marks the commands
 * that expired unreceived as EXPIRED (instances skip each other's rows). A command then costs no
 * job row and no NOTIFY in its transaction (which would serialize every command's commit on
 * PostgreSQL's notify lock and wake every job worker); expiry is a matter of time, so a sweep after
 * a restart catches up on everything. Delivery never offers an expired command and the agent refuses
 * one by its signed expiry, so the sweep only decides when the console shows EXPIRED.
 */
export class DeviceCommandExpiry {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly reads: Reads,
    private readonly domainEvents: DomainEventHandlers,
    private readonly log: (message: string) => void,
  ) {}

  start(intervalMs = 5_000): void {
    this.timer = setInterval(() => void this.sweep().catch((error: Error) => this.log(`Expiring device commands failed: ${error.message}`)), intervalMs);
    this.timer.unref();
  }

  stop(): Promise<unknown> | undefined {
    clearInterval(this.timer);
    return this.running;
  }

  /** Expires everything due now; answers how many. One sweep at a time per instance. */
  async sweep(): Promise<number> {
    if (this.running) return this.running;
    this.running = (async () => {
      let total = 0;
      for (;;) {
        const expired = await inStatementTransaction(this.reads, this.domainEvents, (run, record) => expireCommands(run, record, EXPIRE_BATCH));
        total += expired;
        if (expired < EXPIRE_BATCH) return total;
      }
    })().finally(() => (this.running = undefined));
    return this.running;
  }
}

/** The `device-command-expire` job of earlier versions: a sweep. */
export function expireCommandJob(expiry: () => DeviceCommandExpiry): JobHandler<'device-command-expire'> {
  return async () => void (await expiry().sweep());
}
