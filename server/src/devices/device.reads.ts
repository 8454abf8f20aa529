import type { Principal } from '../auth/principal.js';
import { isUuid } from '../db/query-helpers.js';
import { readStatement, type Reads, type ReadStatement } from '../db/reads.js';
import type { DeviceAction, DeviceCommandStatus, DeviceOs } from './device.enums.js';
import { commandScopeSql, deviceScopeSql, devicePolicy } from './device.policy.js';

/**
 * The hot paths of devices (docs/ARCHITECTURE.md, "Read paths"): a technician's command, its
 * delivery to the agent, the agent's reports and each live update read plain rows through one
 * prepared statement each, in the caller's scope (devicePolicy), instead of entities. The rows are
 * shaped like the entities' properties, so the GraphQL field resolvers read both alike.
 */

/** A command as the hot paths have it: the entity's properties, its device as a reference. */
export interface DeviceCommandRow {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  device: { id: string };
  action: DeviceAction;
  arguments: string;
  status: DeviceCommandStatus;
  output: string | null;
  requestedByKind: string;
  requestedById: string | null;
  requestedByName: string | null;
  nonce: string;
  expiresAt: Date;
  signature: string;
  deliveredAt: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** What sending a command needs of its device. */
export interface CommandTargetRow {
  id: string;
  os: DeviceOs;
  hostname: string;
  revokedAt: Date | null;
}

/** What an agent receives: the signed fields exactly as signed. */
export interface CommandEnvelope {
  id: string;
  action: DeviceAction;
  arguments: string;
  nonce: string;
  expiresAt: string;
  signature: string;
}

/** The columns of a DeviceCommandRow (`c` is device_commands). */
export const COMMAND_COLUMNS = `c.id, c.created_at as "createdAt", c.updated_at as "updatedAt", json_build_object('id', c.device_id) as device, c.action, c.arguments,
  c.status, c.output, c.requested_by_kind as "requestedByKind", c.requested_by_id as "requestedById", c.requested_by_name as "requestedByName",
  c.nonce, c.expires_at as "expiresAt", c.signature, c.delivered_at as "deliveredAt", c.started_at as "startedAt", c.finished_at as "finishedAt"`;

/** One statement per scope shape (its conditions differ, its text is fixed), prepared once per connection. */
function byShape<Row>(cache: Map<string, ReadStatement<Row>>, name: string, conditions: string[], text: (where: string) => string): ReadStatement<Row> {
  const where = conditions.length ? conditions.join(' and ') : 'true';
  let statement = cache.get(where);
  if (!statement) cache.set(where, (statement = readStatement<Row>(`${name}-${cache.size}`, text(where))));
  return statement;
}

const commandStatements = new Map<string, ReadStatement<DeviceCommandRow>>();
const targetStatements = new Map<string, ReadStatement<CommandTargetRow>>();

/** One command the caller may see, or undefined (missing and out of scope alike). */
export async function readVisibleCommand(reads: Reads, principal: Principal, id: string): Promise<DeviceCommandRow | undefined> {
  if (!isUuid(id)) return undefined;
  const values: unknown[] = [id];
  const conditions = commandScopeSql(devicePolicy.seesCommands(principal), values);
  const statement = byShape(commandStatements, 'device-command-visible', conditions, (where) =>
    `select ${COMMAND_COLUMNS} from device_commands c join devices d on d.id = c.device_id where c.id = $1 and ${where}`);
  return reads.row(statement, values);
}

/** A device the caller may command (its scope), with what a command needs of it; undefined otherwise. */
export async function readCommandTarget(reads: Reads, principal: Principal, id: string): Promise<CommandTargetRow | undefined> {
  if (!isUuid(id)) return undefined;
  const values: unknown[] = [id];
  const conditions = deviceScopeSql(devicePolicy.seesDevices(principal), values);
  const statement = byShape(targetStatements, 'device-command-target', conditions, (where) =>
    `select d.id, d.os, d.hostname, d.revoked_at as "revokedAt" from devices d where d.id = $1 and ${where}`);
  return reads.row(statement, values);
}

// QUEUED until it expires; DELIVERED or RUNNING until a result is recorded, expired or not (the
// agent may have finished it while its report was lost, and says so from its journal). Oldest first.
const WAITING = readStatement<Pick<DeviceCommandRow, 'id' | 'action' | 'arguments' | 'nonce' | 'expiresAt' | 'signature'>>('device-commands-waiting', `
  select c.id, c.action, c.arguments, c.nonce, c.expires_at as "expiresAt", c.signature
    from device_commands c
   where c.device_id = $1 and c.status in ('QUEUED', 'DELIVERED', 'RUNNING') and (c.status <> 'QUEUED' or c.expires_at > now())
   order by c.created_at, c.id`);

/** The commands waiting for a device's agent, as envelopes. */
export async function readWaitingCommands(reads: Reads, deviceId: string): Promise<CommandEnvelope[]> {
  return (await reads.rows(WAITING, [deviceId])).map(envelopeOf);
}

/** The envelope of a command row (its expiry as signed: ISO 8601 with milliseconds, UTC). */
export function envelopeOf(command: Pick<DeviceCommandRow, 'id' | 'action' | 'arguments' | 'nonce' | 'expiresAt' | 'signature'>): CommandEnvelope {
  return { id: command.id, action: command.action, arguments: command.arguments, nonce: command.nonce, expiresAt: command.expiresAt.toISOString(), signature: command.signature };
}
