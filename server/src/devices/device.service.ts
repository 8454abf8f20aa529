import { createHash, createPublicKey, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditActor } from '../audit/audit.service.js';
import { actorIdOf, actorKindOf, devicePrincipal } from '../auth/principal.js';
import { hashToken } from '../auth/tokens.js';
import { Contact } from '../contacts/contact.entity.js';
import { AppError, badInput, notFound } from '../core/errors.js';
import type { MessageKey, MessageParams } from '../i18n/translate.js';
import { Customer } from '../customers/customer.entity.js';
import type { RecordEvent } from '../db/domain-events.js';
import { isUuid } from '../db/query-helpers.js';
import { readStatement, type Reads, type StatementRunner } from '../db/reads.js';
import { CommandSigner } from './command-signing.js';
import { DeviceCommand } from './device-command.entity.js';
import { COMMAND_COLUMNS, envelopeOf, type CommandEnvelope, type CommandTargetRow, type DeviceCommandRow } from './device.reads.js';
import { Device, type DeviceFactsData } from './device.entity.js';
import { commandLifetimeMs, DeviceAction, DeviceCommandReport, DeviceCommandStatus, DeviceOs, FINISHED_STATUSES, STATUS_ORDER } from './device.enums.js';
import { EnrollmentToken } from './enrollment-token.entity.js';

declare module '../db/domain-events.js' {
  interface DomainEvents {
    'device.changed': { deviceId: string; contactIds: string[] };
    /** Carries what the agent receives, so a delivery reads nothing. */
    'device.commandQueued': { deviceId: string; envelope: CommandEnvelope };
    /** `row`: the command as written, when the write read it back (its live update then needs no read). */
    'device.commandChanged': { deviceId: string; commandId: string; contactId: string | null; row?: DeviceCommandRow };
    'device.revokedNow': { deviceId: string };
  }
}

/** What every write of this feature needs: its transaction, where it records events, and who acts. */
export interface DeviceWriteContext {
  tx: EntityManager;
  record: RecordEvent;
  actor: AuditActor;
}

/** The same for the commands' hot path: a statement transaction (db/transaction.ts inStatementTransaction). */
export interface CommandWriteContext {
  run: StatementRunner;
  record: RecordEvent;
  actor: AuditActor;
}

const MAX_TEXT = 200;
const MAX_OUTPUT = 16 * 1024;
export const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const PACKAGE_ID = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,99}$/;

/** Enrollment tokens: 256 random bits with a recognisable prefix, like every Portico secret. */
function newEnrollmentToken(): string {
  return `pte_${randomBytes(32).toString('base64url')}`;
}

function newDeviceToken(): string {
  return `ptd_${randomBytes(32).toString('base64url')}`;
}

/** Refused input: BAD_USER_INPUT naming the field, with a translated message. */
const invalid = (field: string, key: MessageKey = 'errors.invalidInput', params?: MessageParams) => badInput(field, key, params);

/** Text an agent (hostile) or a person sent: trimmed, control characters removed, refused when too long. */
function cleanText(value: string, field: string, max = MAX_TEXT): string {
  // eslint-disable-next-line no-control-regex
  const text = value.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (text.length > max) throw invalid(field, 'validation.tooLong', { max });
  return text;
}

export async function createEnrollmentToken(w: DeviceWriteContext, input: { customerId: string; singleUse: boolean; expiresInMinutes: number }): Promise<{ token: string; enrollmentToken: EnrollmentToken }> {
  const customer = isUuid(input.customerId) ? await w.tx.findOne(Customer, { id: input.customerId, deactivatedAt: null }) : null;
  if (!customer) throw notFound();
  if (!Number.isInteger(input.expiresInMinutes) || input.expiresInMinutes < 1 || input.expiresInMinutes > 7 * 24 * 60) throw invalid('expiresInMinutes', 'devices.tokenLifetime');
  const token = newEnrollmentToken();
  const enrollmentToken = w.tx.create(EnrollmentToken, {
    tokenHash: hashToken(token),
    customer,
    singleUse: input.singleUse,
    expiresAt: new Date(Date.now() + input.expiresInMinutes * 60_000),
    createdByName: w.actor.name,
  });
  w.record('device.enrollment_token_created', { actor: w.actor, details: { customerId: customer.id, singleUse: input.singleUse, expiresAt: enrollmentToken.expiresAt.toISOString() }, subject: { kind: 'customer', id: customer.id, name: customer.name } });
  await w.tx.flush();
  return { token, enrollmentToken };
}

export async function revokeEnrollmentToken(w: DeviceWriteContext, token: EnrollmentToken): Promise<EnrollmentToken> {
  if (!token.revokedAt) {
    token.revokedAt = new Date();
    w.record('device.enrollment_token_revoked', { actor: w.actor, details: { tokenId: token.id }, subject: { kind: 'customer', id: token.customer.id, name: null } });
    await w.tx.flush();
  }
  return token;
}

export interface EnrollInput {
  token: string;
  hostname: string;
  os: DeviceOs;
  osVersion: string;
  loggedInUser?: string | null;
  publicKey: string;
}

/**
 * An agent joins with an enrollment token. The token row is locked, so a single-use token enrolls
 * one device even when two agents race. Every reason a token does not work (unknown, expired,
 * revoked, used up) gets the same answer: an agent learns nothing about tokens it does not hold.
 */
export async function enrollDevice(tx: EntityManager, record: RecordEvent, input: EnrollInput, ip: string | null): Promise<{ device: Device; deviceToken: string }> {
  const hostname = cleanText(input.hostname, 'hostname');
  const osVersion = cleanText(input.osVersion, 'osVersion');
  const loggedInUser = input.loggedInUser ? cleanText(input.loggedInUser, 'loggedInUser') || null : null;
  if (!hostname) throw invalid('hostname', 'validation.required');
  let publicKeyPem: string;
  try {
    const key = createPublicKey(input.publicKey);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('not Ed25519');
    publicKeyPem = key.export({ format: 'pem', type: 'spki' }).toString();
  } catch {
    throw invalid('publicKey', 'devices.publicKeyInvalid');
  }
  const [row] = await tx.getConnection().execute<Array<{ id: string }>>(
    `select id from device_enrollment_tokens
      where token_hash = ? and revoked_at is null and expires_at > now() and (not single_use or uses = 0)
      for update`,
    [hashToken(input.token.slice(0, 200))],
    'all',
    tx.getTransactionContext(),
  );
  if (!row) throw invalid('token', 'devices.enrollmentTokenInvalid');
  const enrollment = await tx.findOneOrFail(EnrollmentToken, row.id, { populate: ['customer'] });
  enrollment.uses += 1;
  const deviceToken = newDeviceToken();
  const device = tx.create(Device, {
    credentialHash: hashToken(deviceToken),
    customer: enrollment.customer,
    hostname,
    os: input.os,
    osVersion,
    loggedInUser,
    publicKey: publicKeyPem,
    publicKeyFingerprint: createHash('sha256').update(createPublicKey(publicKeyPem).export({ format: 'der', type: 'spki' })).digest('hex'),
  });
  await tx.flush();
  // The enrolling agent is the actor: the device it just became.
  const actor: AuditActor = { principal: devicePrincipal({ id: device.id, customerId: enrollment.customer.id }), ip, name: hostname };
  record('device.enrolled', { actor, details: { deviceId: device.id, hostname, os: input.os, enrollmentTokenId: enrollment.id }, subject: { kind: 'device', id: device.id, name: hostname } });
  record('device.changed', { deviceId: device.id, contactIds: [] });
  return { device, deviceToken };
}

/** Assigns the device to a contact of its own customer, or to nobody. */
export async function assignDevice(w: DeviceWriteContext, device: Device, contactId: string | null): Promise<Device> {
  const previous = device.assignedContact?.id ?? null;
  let contact: Contact | null = null;
  if (contactId !== null) {
    contact = isUuid(contactId) ? await w.tx.findOne(Contact, { id: contactId, customer: device.customer.id }) : null;
    if (!contact) throw invalid('contactId', 'devices.contactOfOtherCustomer');
  }
  if (previous === (contact?.id ?? null)) return device;
  device.assignedContact = contact ? w.tx.getReference(Contact, contact.id, { wrapped: true }) : null;
  await w.tx.flush();
  w.record('device.assigned', { actor: w.actor, details: { deviceId: device.id, contactId: contact?.id ?? null, previousContactId: previous }, subject: { kind: 'device', id: device.id, name: device.hostname } });
  w.record('device.changed', { deviceId: device.id, contactIds: [previous, contact?.id ?? null].filter((id): id is string => !!id) });
  return device;
}

/** Revokes the device: its credential stops working and its open connection is closed (device.events.ts). */
export async function revokeDevice(w: DeviceWriteContext, device: Device): Promise<Device> {
  if (device.revokedAt) return device;
  device.revokedAt = new Date();
  device.connectionId = null;
  // What was waiting for it will never run.
  await w.tx.nativeUpdate(DeviceCommand, { device: device.id, status: { $in: [DeviceCommandStatus.QUEUED, DeviceCommandStatus.DELIVERED] } }, { status: DeviceCommandStatus.CANCELLED, finishedAt: new Date() });
  await w.tx.flush();
  w.record('device.revoked', { actor: w.actor, details: { deviceId: device.id }, subject: { kind: 'device', id: device.id, name: device.hostname } });
  w.record('device.revokedNow', { deviceId: device.id });
  w.record('device.changed', { deviceId: device.id, contactIds: device.assignedContact ? [device.assignedContact.id] : [] });
  return device;
}

export interface CommandArguments {
  userName?: string | null;
  packageId?: string | null;
  cask?: boolean | null;
}

/** The arguments an action takes, checked here and again by the agent; as the JSON text that is signed. */
export function commandArguments(os: DeviceOs, action: DeviceAction, args: CommandArguments): string {
  switch (action) {
    case DeviceAction.INSTALL_SOFTWARE: {
      if (os === DeviceOs.LINUX) throw invalid('action', 'devices.actionNotOffered');
      if (!args.packageId || !PACKAGE_ID.test(args.packageId)) throw invalid('packageId', 'devices.packageIdInvalid');
      return JSON.stringify({ packageId: args.packageId, cask: os === DeviceOs.MACOS && !!args.cask });
    }
    case DeviceAction.LOG_OFF:
      if (args.userName && !USER_NAME.test(args.userName)) throw invalid('userName', 'devices.userNameInvalid');
      return JSON.stringify(args.userName ? { userName: args.userName } : {});
    case DeviceAction.RESET_PASSWORD:
      // Needs the contact's SMS check and a temporary password sent to its phone (the next step of F5).
      throw invalid('action', 'devices.actionNotOffered');
    default:
      return '{}';
  }
}

const INSERT_COMMAND = readStatement<DeviceCommandRow>('device-command-insert', `
  insert into device_commands as c (id, created_at, updated_at, device_id, action, arguments, status, requested_by_kind, requested_by_id, requested_by_name, nonce, expires_at, signature)
  values ($1, $2, $2, $3, $4, $5, 'QUEUED', $6, $7, $8, $9, $10, $11)
  returning ${COMMAND_COLUMNS}`);

/**
 * Queues a command in the caller's transaction, signed for this device with a nonce and an expiry.
 * Delivery follows the commit (device.events.ts): at once to a connected agent on any instance,
 * else when it connects, unless it expired first (DeviceCommandExpiry marks it EXPIRED then).
 */
export async function queueCommand(w: CommandWriteContext, signer: CommandSigner, device: CommandTargetRow, action: DeviceAction, args: CommandArguments): Promise<DeviceCommandRow> {
  if (device.revokedAt) throw invalid('deviceId', 'devices.revoked');
  const argumentsText = commandArguments(device.os, action, args);
  const id = randomUUID();
  const nonce = CommandSigner.nonce();
  // Whole seconds: the text signed must be the text delivered, and PostgreSQL keeps microseconds.
  const expiresAt = new Date(Math.floor((Date.now() + commandLifetimeMs(action)) / 1000) * 1000);
  const signature = signer.sign({ id, deviceId: device.id, action, arguments: argumentsText, nonce, expiresAt: expiresAt.toISOString() });
  const [command] = await w.run(INSERT_COMMAND, [
    id, new Date(), device.id, action, argumentsText, actorKindOf(w.actor.principal), actorIdOf(w.actor.principal), w.actor.name?.slice(0, 200) ?? null, nonce, expiresAt, signature,
  ]);
  w.record('device.command_queued', { actor: w.actor, details: { deviceId: device.id, commandId: id, action, arguments: JSON.parse(argumentsText) }, subject: { kind: 'device', id: device.id, name: device.hostname } });
  w.record('device.commandQueued', { deviceId: device.id, envelope: envelopeOf(command!) });
  w.record('device.commandChanged', { deviceId: device.id, commandId: id, contactId: contactRequester(command!), row: command });
  return command!;
}

/** The contact who asked for a command (it hears of its progress), if a contact did. */
export function contactRequester(command: Pick<DeviceCommandRow, 'requestedByKind' | 'requestedById'>): string | null {
  return command.requestedByKind === 'contact' ? command.requestedById : null;
}

/**
 * A report moves the command forward in one statement: only from a status before the reported one
 * ($3, from STATUS_ORDER) and never from a finished one, so two reports racing cannot move it back.
 * It answers the command as written, and the device's name and customer for the audit row of a result.
 */
const REPORT_COMMAND = readStatement<DeviceCommandRow & { hostname: string; customerId: string }>('device-command-report', `
  update device_commands c set status = $3, updated_at = now(),
         delivered_at = coalesce(c.delivered_at, now()),
         started_at = case when $4 then coalesce(c.started_at, now()) else c.started_at end,
         finished_at = case when $5 then now() else c.finished_at end,
         output = case when $5 then $6 else c.output end
    from devices d
   where c.id = $1 and c.device_id = $2 and d.id = c.device_id and c.status = any($7::text[])
  returning ${COMMAND_COLUMNS}, d.hostname, d.customer_id as "customerId"`);

const COMMAND_STATUS = readStatement<{ status: DeviceCommandStatus }>('device-command-status', 'select status from device_commands where id = $1 and device_id = $2');

/**
 * What the agent reports about one of its own commands. Reports only move forward and are
 * idempotent (the same status again is fine: an agent repeats what it reported when its
 * connection dropped before the answer); a report on a finished command changes nothing.
 */
export async function reportCommand(run: StatementRunner, record: RecordEvent, deviceId: string, input: { id: string; status: DeviceCommandReport; output?: string | null }): Promise<void> {
  if (!isUuid(input.id)) throw new AppError('NOT_FOUND');
  const status = input.status as unknown as DeviceCommandStatus;
  const finished = FINISHED_STATUSES.includes(status);
  const movesFrom = Object.values(DeviceCommandStatus).filter((from) => !FINISHED_STATUSES.includes(from) && STATUS_ORDER[from] < STATUS_ORDER[status]);
  const output = finished && input.output ? input.output.slice(0, MAX_OUTPUT) : null;
  const [moved] = await run(REPORT_COMMAND, [input.id, deviceId, status, status === DeviceCommandStatus.RUNNING || finished, finished, output, movesFrom]);
  if (!moved) {
    // Not moved: another device's or a missing command, the same status again, or backwards.
    const [current] = await run(COMMAND_STATUS, [input.id, deviceId]);
    if (!current) throw new AppError('NOT_FOUND');
    if (current.status === status) return;
    throw new AppError('CONFLICT', 'devices.commandAlreadyFinished');
  }
  if (finished) {
    record('device.command_finished', {
      actor: { principal: devicePrincipal({ id: deviceId, customerId: moved.customerId }), ip: null, name: moved.hostname },
      details: { deviceId, commandId: input.id, action: moved.action, status },
      subject: { kind: 'device', id: deviceId, name: moved.hostname },
    });
  }
  const { hostname: _hostname, customerId: _customerId, ...row } = moved;
  record('device.commandChanged', { deviceId, commandId: input.id, contactId: contactRequester(moved), row });
}

const CANCEL_COMMAND = readStatement<DeviceCommandRow>('device-command-cancel', `
  update device_commands c set status = 'CANCELLED', finished_at = now(), updated_at = now()
   where c.id = $1 and c.status = 'QUEUED'
  returning ${COMMAND_COLUMNS}`);

/** Cancels a command its agent has not received: one conditional statement, so a delivery racing it wins or loses whole. */
export async function cancelCommand(w: CommandWriteContext, command: DeviceCommandRow): Promise<DeviceCommandRow> {
  const [cancelled] = await w.run(CANCEL_COMMAND, [command.id]);
  if (!cancelled) throw new AppError('CONFLICT', 'devices.commandNotCancellable');
  w.record('device.command_cancelled', { actor: w.actor, details: { deviceId: command.device.id, commandId: command.id }, subject: { kind: 'device', id: command.device.id, name: null } });
  w.record('device.commandChanged', { deviceId: command.device.id, commandId: command.id, contactId: contactRequester(command), row: cancelled });
  return cancelled;
}

const EXPIRE_COMMANDS = readStatement<{ id: string; deviceId: string; requestedByKind: string; requestedById: string | null }>('device-commands-expire', `
  update device_commands c set status = 'EXPIRED', finished_at = now(), updated_at = now()
   where c.id in (select id from device_commands where status = 'QUEUED' and expires_at <= now() order by expires_at limit $1 for update skip locked)
  returning c.id, c.device_id as "deviceId", c.requested_by_kind as "requestedByKind", c.requested_by_id as "requestedById"`);

/**
 * Marks commands still not received by their agent when they expired as EXPIRED (they will never
 * run: delivery skips them and the agent refuses them by their signed expiry), at most `limit` at
 * once; rows another instance's sweep holds are skipped. Returns how many.
 */
export async function expireCommands(run: StatementRunner, record: RecordEvent, limit: number): Promise<number> {
  const expired = await run(EXPIRE_COMMANDS, [limit]);
  for (const row of expired) record('device.commandChanged', { deviceId: row.deviceId, commandId: row.id, contactId: contactRequester(row) });
  return expired.length;
}

/**
 * A heartbeat with the agent's facts, in one statement committed without waiting for the disk (a
 * crash may forget the last moment's facts, nothing anybody wrote). Answers the live update to
 * make when what the console shows of the device changed (host name, OS version, user; facts that
 * always move, like uptime, must not become a stream of events at thousands of agents), null when
 * nothing shown changed, undefined when the device is gone or revoked.
 */
const RECORD_FACTS = readStatement<{ assignedContactId: string | null; changed: boolean }>('device-facts', `
  with relaxed as (select set_config('synchronous_commit', 'off', true)),
       before as (select hostname, os_version, logged_in_user from devices where id = $1)
  update devices d set facts = $2::jsonb, facts_reported_at = now(), last_seen_at = now(),
         hostname = coalesce(nullif($3, ''), d.hostname), os_version = coalesce(nullif($4, ''), d.os_version), logged_in_user = $5
    from relaxed, before
   where d.id = $1 and d.revoked_at is null
  returning d.assigned_contact_id as "assignedContactId",
    (d.hostname, d.os_version, d.logged_in_user) is distinct from (before.hostname, before.os_version, before.logged_in_user) as changed`);

export async function recordFacts(reads: Reads, deviceId: string, input: Partial<Record<keyof DeviceFactsData, unknown>>): Promise<{ deviceId: string; contactIds: string[] } | null | undefined> {
  const facts = cleanFacts(input);
  const row = await reads.row(RECORD_FACTS, [deviceId, JSON.stringify(facts), facts.hostname, facts.osVersion, facts.loggedInUser]);
  if (!row) return undefined;
  return row.changed ? { deviceId, contactIds: row.assignedContactId ? [row.assignedContactId] : [] } : null;
}

/** Facts as the agent reports them: hostile input, so every text is cleaned and cut, every number checked. */
export function cleanFacts(input: Partial<Record<keyof DeviceFactsData, unknown>>): DeviceFactsData {
  const text = (value: unknown) => (typeof value === 'string' ? value.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, MAX_TEXT) : null); // eslint-disable-line no-control-regex
  const amount = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value < 1e18 ? Math.floor(value) : null);
  return {
    hostname: text(input.hostname) ?? '',
    osVersion: text(input.osVersion) ?? '',
    loggedInUser: text(input.loggedInUser),
    uptimeSeconds: amount(input.uptimeSeconds),
    freeDiskBytes: amount(input.freeDiskBytes),
    totalDiskBytes: amount(input.totalDiskBytes),
    freeMemoryBytes: amount(input.freeMemoryBytes),
    totalMemoryBytes: amount(input.totalMemoryBytes),
  };
}
