import { statfsSync } from 'node:fs';
import { freemem, hostname, release, totalmem, uptime, userInfo, version } from 'node:os';

/** DeviceFactsInput of docs/DEVICE-PROTOCOL.md. */
export interface DeviceFacts {
  hostname: string;
  osVersion: string;
  loggedInUser: string | null;
  uptimeSeconds: number;
  freeDiskBytes: number | null;
  totalDiskBytes: number | null;
  freeMemoryBytes: number;
  totalMemoryBytes: number;
}

// Portico keeps at most 200 characters of each.
const MAX_TEXT = 200;
const text = (value: string) => value.slice(0, MAX_TEXT);

export function osVersion(): string {
  return text(`${version()} ${release()}`.trim());
}

/** The account the agent runs as (null when the system has no name for it). */
export function loggedInUser(): string | null {
  try {
    return text(userInfo().username);
  } catch {
    return null;
  }
}

/** The system disk: the Windows system drive, else the root file system. */
function systemDisk(): { free: number; total: number } | null {
  try {
    const stats = statfsSync(process.platform === 'win32' ? `${process.env.SystemDrive ?? 'C:'}\\` : '/');
    return { free: stats.bavail * stats.bsize, total: stats.blocks * stats.bsize };
  } catch {
    return null;
  }
}

export function collectFacts(): DeviceFacts {
  const disk = systemDisk();
  return {
    hostname: text(hostname()),
    osVersion: osVersion(),
    loggedInUser: loggedInUser(),
    uptimeSeconds: Math.floor(uptime()),
    freeDiskBytes: disk?.free ?? null,
    totalDiskBytes: disk?.total ?? null,
    freeMemoryBytes: freemem(),
    totalMemoryBytes: totalmem(),
  };
}
