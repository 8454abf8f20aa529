import type { DeviceOs } from '../gql/graphql';
import { language, t } from './i18n';

/** Operating systems as people read them; one literal key per value so the catalog check sees them all. */
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

const locale = () => language().toLowerCase();

/** Bytes as people read them (1024 based, as operating systems show disks and memory): "12.4 GB". */
export function formatBytes(bytes: number): string {
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
