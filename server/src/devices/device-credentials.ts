import { devicePrincipal, type DevicePrincipal } from '../auth/principal.js';
import { hashToken } from '../auth/tokens.js';
import { readStatement, type Reads } from '../db/reads.js';
import type { DevicePresence } from './device-presence.js';
import { CLOSE_UNAUTHORIZED } from './device-presence.js';

/** Device credentials carry this prefix (device.service.ts), so a token is looked up in one place only. */
export const isDeviceToken = (token: string) => token.startsWith('ptd_');

// A device of an active customer, not revoked, by its credential's hash: one indexed lookup.
const DEVICE_READ = readStatement<{ id: string; customer_id: string }>('device-read', `
  select d.id, d.customer_id from devices d join customers cu on cu.id = d.customer_id and cu.deactivated_at is null
   where d.credential_hash = $1 and d.revoked_at is null`);

/** The device principal of a credential, or null (unknown, revoked, or its customer deactivated). */
export async function deviceForToken(reads: Reads, token: string): Promise<DevicePrincipal | null> {
  const row = await reads.row(DEVICE_READ, [hashToken(token)]);
  return row ? devicePrincipal({ id: row.id, customerId: row.customer_id }) : null;
}

/**
 * The WebSocket gate for agents: a connection that presents a `deviceToken` must be a live device
 * (else it is closed with 4401 before anything else), and while it lasts the device is online.
 * Connections without one (browsers, integrators) pass untouched.
 */
export function deviceConnectionGate(reads: Reads, presence: DevicePresence) {
  return async (params: Record<string, unknown> | undefined, close: (code: number, reason: string) => void) => {
    const token = params?.deviceToken;
    if (token === undefined) return {};
    const device = typeof token === 'string' && token.length <= 200 ? await deviceForToken(reads, token) : null;
    if (!device) return { refuse: { code: CLOSE_UNAUTHORIZED, reason: 'Unauthorized' } };
    // The principal holds for the connection's life: revoking the device or deactivating its
    // customer closes the connection (DevicePresence), so no operation needs to look it up again.
    return { closed: await presence.opened(device.id, device.customerId, close), principal: device };
  };
}
