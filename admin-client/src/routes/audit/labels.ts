import type { DeviceAction, DeviceCommandStatus, DeviceOs, TechnicianRole } from '../../gql/graphql';
import { formatDateTime, t } from '../../lib/i18n';
import { roleLabel } from '../../lib/labels';
import { commandArgumentsText, commandStatusLabel, deviceActionLabel, deviceOsLabel } from '../devices/device-labels';

/** Every action the server records, in the order the filter offers them. */
export const AUDIT_ACTIONS = [
  'contact.deactivated',
  'contact.reactivated',
  'customer.deactivated',
  'customer.reactivated',
  'technician.deactivated',
  'technician.reactivated',
  'contact.credentials_reissued',
  'technician.credentials_reissued',
  'account.password_changed',
  'account.signed_out_everywhere',
  'technician.created',
  'technician.role_changed',
  'portal_settings.updated',
  'field_visibility.updated',
  'ticket_field.created',
  'ticket_field.updated',
  'ticket_field.deleted',
  'held_mail.accepted',
  'held_mail.discarded',
  'device.enrollment_token_created',
  'device.enrollment_token_revoked',
  'device.enrolled',
  'device.assigned',
  'device.revoked',
  'device.command_queued',
  'device.command_finished',
  'device.command_cancelled',
] as const;

/** What happened, as people read it; an action this console does not know yet shows as recorded. */
export function auditActionLabel(action: string): string {
  switch (action) {
    case 'contact.deactivated':
      return t('audit.action.contactDeactivated');
    case 'contact.reactivated':
      return t('audit.action.contactReactivated');
    case 'customer.deactivated':
      return t('audit.action.customerDeactivated');
    case 'customer.reactivated':
      return t('audit.action.customerReactivated');
    case 'technician.deactivated':
      return t('audit.action.technicianDeactivated');
    case 'technician.reactivated':
      return t('audit.action.technicianReactivated');
    case 'contact.credentials_reissued':
      return t('audit.action.contactCredentialsReissued');
    case 'technician.credentials_reissued':
      return t('audit.action.technicianCredentialsReissued');
    case 'account.password_changed':
      return t('audit.action.passwordChanged');
    case 'account.signed_out_everywhere':
      return t('audit.action.signedOutEverywhere');
    case 'technician.created':
      return t('audit.action.technicianCreated');
    case 'technician.role_changed':
      return t('audit.action.roleChanged');
    case 'portal_settings.updated':
      return t('audit.action.settingsUpdated');
    case 'field_visibility.updated':
      return t('audit.action.fieldVisibilityUpdated');
    case 'ticket_field.created':
      return t('audit.action.ticketFieldCreated');
    case 'ticket_field.updated':
      return t('audit.action.ticketFieldUpdated');
    case 'ticket_field.deleted':
      return t('audit.action.ticketFieldDeleted');
    case 'held_mail.accepted':
      return t('audit.action.heldMailAccepted');
    case 'held_mail.discarded':
      return t('audit.action.heldMailDiscarded');
    case 'device.enrollment_token_created':
      return t('audit.action.deviceEnrollmentTokenCreated');
    case 'device.enrollment_token_revoked':
      return t('audit.action.deviceEnrollmentTokenRevoked');
    case 'device.enrolled':
      return t('audit.action.deviceEnrolled');
    case 'device.assigned':
      return t('audit.action.deviceAssigned');
    case 'device.revoked':
      return t('audit.action.deviceRevoked');
    case 'device.command_queued':
      return t('audit.action.deviceCommandQueued');
    case 'device.command_finished':
      return t('audit.action.deviceCommandFinished');
    case 'device.command_cancelled':
      return t('audit.action.deviceCommandCancelled');
    default:
      return action;
  }
}

/** Who acted: a technician, a contact, or Portico itself. */
export function auditActorKindLabel(kind: string): string {
  switch (kind) {
    case 'technician':
      return t('audit.kind.technician');
    case 'contact':
      return t('audit.kind.contact');
    case 'device':
      return t('audit.kind.device');
    case 'system':
      return t('audit.kind.system');
    default:
      return kind;
  }
}

/** What a change was about. */
export function auditSubjectKindLabel(kind: string): string {
  switch (kind) {
    case 'technician':
      return t('audit.kind.technician');
    case 'contact':
      return t('audit.kind.contact');
    case 'customer':
      return t('audit.kind.customer');
    case 'ticket_field':
      return t('audit.kind.ticketField');
    case 'portal_settings':
      return t('audit.kind.portalSettings');
    case 'device':
      return t('audit.kind.device');
    default:
      return kind;
  }
}

/** Where the subject's own page is, for the kinds that have one. */
export function subjectHref(kind: string | null | undefined, id: string | null | undefined): string | undefined {
  if (!id) return undefined;
  if (kind === 'contact') return `/contacts/${id}`;
  if (kind === 'technician') return `/technicians/${id}`;
  if (kind === 'customer') return `/customers/${id}`;
  if (kind === 'device') return `/devices/${id}`;
  return undefined;
}

// Ids are shown as the subject already; these keys say nothing more to a reader.
const HIDDEN_KEYS = new Set(['customerId', 'field', 'heldMessage', 'ticket']);
const ROLES = new Set(['ADMIN', 'TECHNICIAN']);

function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return t('audit.value.none');
  if (typeof value === 'boolean') return value ? t('audit.value.yes') : t('audit.value.no');
  if (Array.isArray(value)) return value.length === 0 ? t('audit.value.none') : value.map(formatValue).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function formatRole(value: unknown): string {
  return typeof value === 'string' && ROLES.has(value) ? roleLabel(value as TechnicianRole) : formatValue(value);
}

/** The details of a change as short lines (role changes, usernames, counts, changed settings with old and new values). */
export function auditDetailLines(action: string, details: Record<string, unknown> | null | undefined): string[] {
  if (!details) return [];
  const lines: string[] = [];
  if (action === 'technician.role_changed') {
    return [t('audit.detail.roleChange', { from: formatRole(details.from), to: formatRole(details.to) })];
  }
  if (action.startsWith('device.')) return deviceDetailLines(details);
  for (const [key, value] of Object.entries(details)) {
    if (HIDDEN_KEYS.has(key)) continue;
    if (key === 'role') lines.push(t('audit.detail.role', { role: formatRole(value) }));
    else if (key === 'username') lines.push(t('audit.detail.username', { username: formatValue(value) }));
    else if (key === 'contacts') lines.push(t('audit.detail.contacts', { count: formatValue(value) }));
    else if (key === 'changes' && value && typeof value === 'object') {
      for (const [field, change] of Object.entries(value as Record<string, { from?: unknown; to?: unknown }>)) {
        lines.push(t('audit.detail.change', { field, from: formatValue(change?.from), to: formatValue(change?.to) }));
      }
    } else lines.push(t('audit.detail.value', { field: key, value: formatValue(value) }));
  }
  return lines;
}

const DEVICE_OS = new Set<string>(['WINDOWS', 'MACOS', 'LINUX']);
const DEVICE_ACTIONS = new Set<string>(['RESTART', 'LOCK', 'SHUT_DOWN', 'LOG_OFF', 'RESET_PASSWORD', 'INSTALL_SOFTWARE']);
const COMMAND_STATUSES = new Set<string>(['QUEUED', 'DELIVERED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'EXPIRED', 'CANCELLED']);
// The device is the subject already; command and token ids say nothing more to a reader.
const DEVICE_HIDDEN_KEYS = new Set(['deviceId', 'commandId', 'tokenId', 'enrollmentTokenId', 'customerId']);

/** Details of the devices' actions. A host name is what an agent reported: it stays text. */
function deviceDetailLines(details: Record<string, unknown>): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(details)) {
    if (DEVICE_HIDDEN_KEYS.has(key)) continue;
    if (key === 'hostname') lines.push(t('audit.detail.hostname', { hostname: formatValue(value) }));
    else if (key === 'os') lines.push(t('audit.detail.os', { os: typeof value === 'string' && DEVICE_OS.has(value) ? deviceOsLabel(value as DeviceOs) : formatValue(value) }));
    else if (key === 'action') lines.push(t('audit.detail.deviceAction', { action: typeof value === 'string' && DEVICE_ACTIONS.has(value) ? deviceActionLabel(value as DeviceAction) : formatValue(value) }));
    else if (key === 'status') lines.push(t('audit.detail.deviceStatus', { status: typeof value === 'string' && COMMAND_STATUSES.has(value) ? commandStatusLabel(value as DeviceCommandStatus) : formatValue(value) }));
    else if (key === 'arguments') {
      const text = value && typeof value === 'object' ? commandArgumentsText(JSON.stringify(value)) : '';
      if (text) lines.push(text);
    } else if (key === 'singleUse') lines.push(value ? t('audit.detail.singleUse') : t('audit.detail.multiUse'));
    else if (key === 'expiresAt') lines.push(t('audit.detail.expiresAt', { date: typeof value === 'string' ? formatDateTime(value) : formatValue(value) }));
    else if (key === 'contactId') lines.push(value ? t('audit.detail.assignedTo', { id: formatValue(value) }) : t('audit.detail.unassigned'));
    else if (key === 'previousContactId') lines.push(t('audit.detail.previousContact', { id: formatValue(value) }));
    else lines.push(t('audit.detail.value', { field: key, value: formatValue(value) }));
  }
  return lines;
}
