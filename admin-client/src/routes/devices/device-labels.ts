import { deviceLabels } from '@portico/client-common';
import type { DeviceAction, DeviceCommandStatus, DeviceOs } from '../../gql/graphql';
import { language, t } from '../../lib/i18n';

// Operating system names, free space and uptime as people read them (shared with the portal).
export const { os: deviceOsLabel, freeOf: formatFreeOf, uptime: formatUptime } = deviceLabels(t, language);

/** Enum values as people read them; one literal key per value so the catalog check sees them all. */
export function deviceActionLabel(action: DeviceAction): string {
  switch (action) {
    case 'RESTART':
      return t('devices.action.restart');
    case 'LOCK':
      return t('devices.action.lock');
    case 'SHUT_DOWN':
      return t('devices.action.shutDown');
    case 'LOG_OFF':
      return t('devices.action.logOff');
    case 'RESET_PASSWORD':
      return t('devices.action.resetPassword');
    case 'INSTALL_SOFTWARE':
      return t('devices.action.installSoftware');
  }
}

export function commandStatusLabel(status: DeviceCommandStatus): string {
  switch (status) {
    case 'QUEUED':
      return t('devices.commandStatus.queued');
    case 'DELIVERED':
      return t('devices.commandStatus.delivered');
    case 'RUNNING':
      return t('devices.commandStatus.running');
    case 'SUCCEEDED':
      return t('devices.commandStatus.succeeded');
    case 'FAILED':
      return t('devices.commandStatus.failed');
    case 'EXPIRED':
      return t('devices.commandStatus.expired');
    case 'CANCELLED':
      return t('devices.commandStatus.cancelled');
  }
}

export const COMMAND_STATUS_BADGE: Record<DeviceCommandStatus, string> = {
  QUEUED: 'badge--warning',
  DELIVERED: 'badge--open',
  RUNNING: 'badge--open',
  SUCCEEDED: 'badge--success',
  FAILED: 'badge--danger',
  EXPIRED: 'badge--closed',
  CANCELLED: 'badge--closed',
};

/** How far a command has come; a status only moves forward (docs/DEVICE-PROTOCOL.md). */
export const COMMAND_STATUS_RANK: Record<DeviceCommandStatus, number> = { QUEUED: 0, DELIVERED: 1, RUNNING: 2, SUCCEEDED: 3, FAILED: 3, EXPIRED: 3, CANCELLED: 3 };

/** The actions the console offers on a device of this OS: no password reset (it comes with the contacts' SMS check), no installs on Linux. */
export function consoleActions(os: DeviceOs): DeviceAction[] {
  return os === 'LINUX' ? ['RESTART', 'LOCK', 'SHUT_DOWN', 'LOG_OFF'] : ['RESTART', 'LOCK', 'SHUT_DOWN', 'LOG_OFF', 'INSTALL_SOFTWARE'];
}

/** A command's arguments (a JSON object as text, as the agent reported nothing of it) in a few words. */
export function commandArgumentsText(text: string): string {
  let args: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return '';
    args = parsed as Record<string, unknown>;
  } catch {
    return text;
  }
  const parts: string[] = [];
  if (typeof args.userName === 'string') parts.push(t('devices.args.userName', { name: args.userName }));
  if (typeof args.packageId === 'string') parts.push(args.cask ? t('devices.args.cask', { name: args.packageId }) : t('devices.args.package', { name: args.packageId }));
  return parts.join(' · ');
}

/** The key's SHA-256 fingerprint in groups of four, easier to compare by eye. */
export function formatFingerprint(hex: string): string {
  return hex.match(/.{1,4}/g)?.join(' ') ?? hex;
}
