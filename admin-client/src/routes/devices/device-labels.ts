import type { DeviceAction, DeviceCommandStatus, DeviceOs } from '../../gql/graphql';
import { language, t } from '../../lib/i18n';

/** Enum values as people read them; one literal key per value so the catalog check sees them all. */
export function deviceOsLabel(os: DeviceOs): string {
  switch (os) {
    case 'WINDOWS':
      return t('devices.os.windows');
    case 'MACOS':
      return t('devices.os.macos');
    case 'LINUX':
      return t('devices.os.linux');
  }
}

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

const locale = () => language().toLowerCase();

/** Bytes as people read them (1024 based, as operating systems show disks and memory): "12.4 GB". */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return t('devices.fact.unknown');
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte', 'petabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(locale(), { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0 }).format(value);
}

/** "12.4 GB free of 256 GB", or what is known of it. */
export function formatFreeOf(free: number | null | undefined, total: number | null | undefined): string {
  if (free === null || free === undefined) return t('devices.fact.unknown');
  if (total === null || total === undefined) return t('devices.fact.free', { free: formatBytes(free) });
  return t('devices.fact.freeOf', { free: formatBytes(free), total: formatBytes(total) });
}

/** Uptime in its two largest units: "3 days, 4 hours", "12 minutes". */
export function formatUptime(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return t('devices.fact.unknown');
  const parts: Array<[number, 'day' | 'hour' | 'minute' | 'second']> = [
    [Math.floor(seconds / 86_400), 'day'],
    [Math.floor((seconds % 86_400) / 3600), 'hour'],
    [Math.floor((seconds % 3600) / 60), 'minute'],
  ];
  const shown = parts.filter(([amount]) => amount > 0).slice(0, 2);
  if (shown.length === 0) shown.push([Math.floor(seconds), 'second']);
  const words = shown.map(([amount, unit]) => new Intl.NumberFormat(locale(), { style: 'unit', unit, unitDisplay: 'long' }).format(amount));
  return new Intl.ListFormat(locale(), { style: 'short', type: 'unit' }).format(words);
}

/** The key's SHA-256 fingerprint in groups of four, easier to compare by eye. */
export function formatFingerprint(hex: string): string {
  return hex.match(/.{1,4}/g)?.join(' ') ?? hex;
}
