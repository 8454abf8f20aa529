import type { LanguageCode } from './i18n';
import type { SharedMessageKey } from './messages';

// The schema's DeviceOs; an app passing its generated type fails to compile when they drift.
export type DeviceOs = 'WINDOWS' | 'MACOS' | 'LINUX';

type Translate = (key: SharedMessageKey, params?: Record<string, string | number>) => string;

/** What both apps show of a device and its facts, through the caller's `t` (literal keys) and language. */
export function deviceLabels(t: Translate, language: () => LanguageCode) {
  const locale = () => language().toLowerCase();

  /** Bytes as people read them (1024 based, as operating systems show disks and memory): "12.4 GB". */
  const bytes = (amount: number): string => {
    const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte', 'petabyte'] as const;
    let value = amount;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit += 1;
    }
    return new Intl.NumberFormat(locale(), { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0 }).format(value);
  };

  return {
    os(os: DeviceOs): string {
      switch (os) {
        case 'WINDOWS':
          return t('devices.os.windows');
        case 'MACOS':
          return t('devices.os.macos');
        case 'LINUX':
          return t('devices.os.linux');
      }
    },

    /** "12.4 GB free of 256 GB", or what is known of it. */
    freeOf(free: number | null | undefined, total: number | null | undefined): string {
      if (free === null || free === undefined) return t('devices.fact.unknown');
      if (total === null || total === undefined) return t('devices.fact.free', { free: bytes(free) });
      return t('devices.fact.freeOf', { free: bytes(free), total: bytes(total) });
    },

    /** Uptime in its two largest units: "3 days, 4 hours", "12 minutes". */
    uptime(seconds: number | null | undefined): string {
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
    },
  };
}
