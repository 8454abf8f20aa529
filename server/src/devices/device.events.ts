import type { MikroORM } from '@mikro-orm/postgresql';
import type { DomainEventHandlers } from '../db/domain-events.js';
import { inTransaction } from '../db/transaction.js';
import type { EventBus } from '../pubsub/event-bus.js';
import { addJob, type JobHandler } from '../queue/jobs.js';
import { expireCommand } from './device.service.js';

declare module '../queue/jobs.js' {
  interface JobPayloads {
    'device-command-expire': { commandId: string };
  }
}

/**
 * Devices' side effects: live updates after the commit (the agent's delivery, the console's and
 * contacts' views, closing a revoked agent's connection) and the expiry job of each command, added
 * in the transaction that queues it (so a command that exists always expires).
 */
export function publishDeviceChanges(events: DomainEventHandlers, bus: EventBus): void {
  events.on('device.changed', { afterCommit: (data) => bus.publish('DEVICE_CHANGED', data) });
  events.on('device.commandQueued', {
    duringCommit: (tx, { commandId, expiresAt }) => addJob(tx, 'device-command-expire', { commandId }, { runAt: new Date(expiresAt), jobKey: `device-command-expire:${commandId}` }),
    afterCommit: ({ deviceId, commandId }) => bus.publish('DEVICE_COMMAND_QUEUED', { deviceId, commandId }),
  });
  events.on('device.commandChanged', { afterCommit: (data) => bus.publish('DEVICE_COMMAND_CHANGED', data) });
  events.on('device.revokedNow', { afterCommit: (data) => bus.publish('DEVICE_REVOKED', data) });
}

/** The `device-command-expire` job: runs at the command's expiry; a command still QUEUED becomes EXPIRED. */
export function expireCommandJob(orm: MikroORM, domainEvents: DomainEventHandlers): JobHandler<'device-command-expire'> {
  return async ({ commandId }) => {
    await inTransaction(orm.em.fork(), domainEvents, (tx, record) => expireCommand(tx, record, commandId));
  };
}
