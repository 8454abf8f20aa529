import type { FilterQuery } from '@mikro-orm/postgresql';
import { isAdmin, isContact, isDevice, isStaff, type Principal } from '../auth/principal.js';
import type { DeviceCommand } from './device-command.entity.js';
import type { Device } from './device.entity.js';

const NOTHING = { id: { $in: [] as string[] } };

/** Which devices a caller sees, as data: nothing, all ({}), or one device / a contact's, not revoked. */
export interface DeviceScope {
  nothing?: true;
  deviceId?: string;
  assignedContactId?: string;
  notRevoked?: true;
}

/** Which commands a caller sees, as data: nothing, all ({}), one device's, or those a contact asked for on its devices. */
export interface CommandScope {
  nothing?: true;
  deviceId?: string;
  requestedById?: string;
  assignedContactId?: string;
}

/**
 * Every decision about devices and their commands that depends on who asks (PRODUCT.md F5).
 * Technicians see every device and command; a contact sees the devices assigned to it (when the
 * self-service section is its customer's: the resolver checks that first) and the commands it
 * asked for on them; a device's agent sees itself and its own commands; API keys and the anonymous
 * caller see nothing. The scopes go into the SQL of every list and single read, so a device or
 * command outside them is NOT_FOUND like a missing one. `devices`/`commands` render them for
 * MikroORM, `deviceScopeSql`/`commandScopeSql` for the plain SQL of the hot paths (device.reads.ts):
 * two renderings of one decision. Tested in devices.test.ts.
 */
export const devicePolicy = {
  seesDevices(principal: Principal): DeviceScope {
    if (isStaff(principal)) return {};
    if (isContact(principal)) return { assignedContactId: principal.id, notRevoked: true };
    if (isDevice(principal)) return { deviceId: principal.id, notRevoked: true };
    return { nothing: true };
  },

  seesCommands(principal: Principal): CommandScope {
    if (isStaff(principal)) return {};
    if (isContact(principal)) return { requestedById: principal.id, assignedContactId: principal.id };
    if (isDevice(principal)) return { deviceId: principal.id };
    return { nothing: true };
  },

  /** Whether the caller sees every command (no condition to check on a row). */
  seesEveryCommand(principal: Principal): boolean {
    return Object.keys(devicePolicy.seesCommands(principal)).length === 0;
  },

  /** The devices the caller may see, for MikroORM. */
  devices(principal: Principal): FilterQuery<Device> {
    const scope = devicePolicy.seesDevices(principal);
    if (scope.nothing) return NOTHING;
    return {
      ...(scope.deviceId !== undefined ? { id: scope.deviceId } : {}),
      ...(scope.assignedContactId !== undefined ? { assignedContact: scope.assignedContactId } : {}),
      ...(scope.notRevoked ? { revokedAt: null } : {}),
    };
  },

  /** The commands the caller may see, for MikroORM. */
  commands(principal: Principal): FilterQuery<DeviceCommand> {
    const scope = devicePolicy.seesCommands(principal);
    if (scope.nothing) return NOTHING;
    return {
      ...(scope.requestedById !== undefined ? { requestedById: scope.requestedById } : {}),
      ...(scope.deviceId !== undefined ? { device: scope.deviceId } : {}),
      ...(scope.assignedContactId !== undefined ? { device: { assignedContact: scope.assignedContactId } } : {}),
    } as FilterQuery<DeviceCommand>;
  },

  /** Sending commands from the console, assigning devices to contacts. */
  canOperate: (principal: Principal) => isStaff(principal),
  /** Enrollment tokens and revoking devices: who may add or remove machines. */
  canEnroll: (principal: Principal) => isAdmin(principal),

  /** Keys of the live updates a caller hears about devices: staff all, a contact its own. */
  liveKeys(principal: Principal): string[] {
    if (isStaff(principal)) return ['staff'];
    if (isContact(principal)) return [`contact:${principal.id}`];
    return [];
  },
};

/** `scope` as SQL conditions on `devices d`, its values appended to `values` as bind parameters. */
export function deviceScopeSql(scope: DeviceScope, values: unknown[]): string[] {
  if (scope.nothing) return ['false'];
  const conditions: string[] = [];
  if (scope.deviceId !== undefined) conditions.push(`d.id = $${values.push(scope.deviceId)}`);
  if (scope.assignedContactId !== undefined) conditions.push(`d.assigned_contact_id = $${values.push(scope.assignedContactId)}`);
  if (scope.notRevoked) conditions.push('d.revoked_at is null');
  return conditions;
}

/** `scope` as SQL conditions on `device_commands c` joined with its device `d`. */
export function commandScopeSql(scope: CommandScope, values: unknown[]): string[] {
  if (scope.nothing) return ['false'];
  const conditions: string[] = [];
  if (scope.deviceId !== undefined) conditions.push(`c.device_id = $${values.push(scope.deviceId)}`);
  if (scope.requestedById !== undefined) conditions.push(`c.requested_by_id = $${values.push(scope.requestedById)}`);
  if (scope.assignedContactId !== undefined) conditions.push(`d.assigned_contact_id = $${values.push(scope.assignedContactId)}`);
  return conditions;
}
