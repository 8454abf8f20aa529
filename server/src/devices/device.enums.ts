import { registerEnumType } from 'type-graphql';

/** The operating systems the agent runs on; each has its own command table (docs/DEVICE-PROTOCOL.md). */
export enum DeviceOs {
  WINDOWS = 'WINDOWS',
  MACOS = 'MACOS',
  LINUX = 'LINUX',
}

/** What a command asks the agent to do (PRODUCT.md F5). */
export enum DeviceAction {
  RESTART = 'RESTART',
  LOCK = 'LOCK',
  SHUT_DOWN = 'SHUT_DOWN',
  LOG_OFF = 'LOG_OFF',
  RESET_PASSWORD = 'RESET_PASSWORD',
  INSTALL_SOFTWARE = 'INSTALL_SOFTWARE',
}

/** A command's life: QUEUED -> DELIVERED -> RUNNING -> SUCCEEDED | FAILED, or EXPIRED / CANCELLED before it ran. */
export enum DeviceCommandStatus {
  QUEUED = 'QUEUED',
  DELIVERED = 'DELIVERED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
  EXPIRED = 'EXPIRED',
  CANCELLED = 'CANCELLED',
}

/** What an agent may report about a command it received. */
export enum DeviceCommandReport {
  DELIVERED = 'DELIVERED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}

registerEnumType(DeviceOs, { name: 'DeviceOs', description: 'Windows, macOS or Linux.' });
registerEnumType(DeviceAction, { name: 'DeviceAction', description: 'Restart, lock, shut down, log off, reset a local password, install approved software.' });
registerEnumType(DeviceCommandStatus, { name: 'DeviceCommandStatus', description: 'Where a command is: QUEUED, DELIVERED, RUNNING, SUCCEEDED, FAILED, EXPIRED or CANCELLED.' });
registerEnumType(DeviceCommandReport, { name: 'DeviceCommandReport', description: 'What an agent reports: received (DELIVERED), RUNNING, SUCCEEDED or FAILED.' });

/** Statuses after which nothing changes. */
export const FINISHED_STATUSES: readonly DeviceCommandStatus[] = [DeviceCommandStatus.SUCCEEDED, DeviceCommandStatus.FAILED, DeviceCommandStatus.EXPIRED, DeviceCommandStatus.CANCELLED];

/** The order of a command's statuses: a report may only move forward. */
export const STATUS_ORDER: Record<DeviceCommandStatus, number> = {
  QUEUED: 0,
  DELIVERED: 1,
  RUNNING: 2,
  SUCCEEDED: 3,
  FAILED: 3,
  EXPIRED: 3,
  CANCELLED: 3,
};

/** Power actions wait 15 minutes for an offline device; anything else a day (DESIGN.md). */
export function commandLifetimeMs(action: DeviceAction): number {
  const power = action === DeviceAction.RESTART || action === DeviceAction.SHUT_DOWN || action === DeviceAction.LOG_OFF || action === DeviceAction.LOCK;
  return power ? 15 * 60_000 : 24 * 60 * 60_000;
}
