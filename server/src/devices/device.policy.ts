import type { FilterQuery } from '@mikro-orm/postgresql';
import { isAdmin, isContact, isDevice, isStaff, type Principal } from '../auth/principal.js';
import type { DeviceCommand } from './device-command.entity.js';
import type { Device } from './device.entity.js';

const NOTHING = { id: { $in: [] as string[] } };

/**
 * Every decision about devices and their commands that depends on who asks (PRODUCT.md F5).
 * Technicians see every device and command; a contact sees the devices assigned to it (when the
 * self-service section is its customer's: the resolver checks that first) and the commands it
 * asked for on them; a device's agent sees itself and its own commands; API keys and the anonymous
 * caller see nothing. The filters go into the SQL of every list and single read, so a device or
 * command outside them is NOT_FOUND like a missing one. Tested in devices.test.ts.
 */
export const devicePolicy = {
  /** The devices the caller may see. */
  devices(principal: Principal): FilterQuery<Device> {
    if (isStaff(principal)) return {};
    if (isContact(principal)) return { assignedContact: principal.id, revokedAt: null };
    if (isDevice(principal)) return { id: principal.id, revokedAt: null };
    return NOTHING;
  },

  /** The commands the caller may see. */
  commands(principal: Principal): FilterQuery<DeviceCommand> {
    if (isStaff(principal)) return {};
    if (isContact(principal)) return { requestedById: principal.id, device: { assignedContact: principal.id } };
    if (isDevice(principal)) return { device: principal.id };
    return NOTHING;
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
