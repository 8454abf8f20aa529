import type { AgentOs } from './platform.js';

const DEVICE_ACTIONS = ['RESTART', 'LOCK', 'SHUT_DOWN', 'LOG_OFF', 'RESET_PASSWORD', 'INSTALL_SOFTWARE'] as const;
export type DeviceAction = (typeof DEVICE_ACTIONS)[number];

/** One program to start with execFile: an argument array, never a shell. */
export interface Step {
  file: string;
  args: string[];
  /** Written to the program's standard input (e.g. chpasswd's `user:password`). */
  stdin?: string;
  /**
   * The step prints a user id: the runner checks it is a number and puts it in place of `{uid}`
   * in the following steps' arguments (macOS LOG_OFF finds the user at run time).
   */
  capturesUid?: boolean;
}

/** What the agent will run for one command. */
export interface CommandPlan {
  action: DeviceAction;
  steps: Step[];
  /** A temporary password: masked wherever the plan is logged or its output kept. */
  secret?: string;
}

export type PlanResult = { ok: true; plan: CommandPlan } | { ok: false; reason: string };

export const UID_PLACEHOLDER = '{uid}';
const SECRET_MASK = '********';

// The same patterns Portico checks; a leading letter or digit keeps a value from reading as an option.
const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const PACKAGE_ID = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,99}$/;
// 8–128 printable ASCII characters, no newline; the first neither a space, '-' nor '/', so that
// `net user <user> <temp>` cannot read it as a switch (e.g. "/delete").
const PASSWORD = /^[!-,.0-~][ -~]{7,127}$/;

/** The arguments each action takes, once checked. */
interface ActionArguments {
  RESTART: Record<string, never>;
  LOCK: Record<string, never>;
  SHUT_DOWN: Record<string, never>;
  LOG_OFF: { userName?: string };
  RESET_PASSWORD: { userName: string; password: string };
  INSTALL_SOFTWARE: { packageId: string; cask: boolean };
}

class Refusal extends Error {}

type RawArguments = Record<string, unknown>;

function onlyKeys(raw: RawArguments, allowed: readonly string[]): void {
  const extra = Object.keys(raw).filter((key) => !allowed.includes(key));
  if (extra.length) throw new Refusal(`unexpected arguments: ${extra.join(', ')}`);
}

function userName(value: unknown): string {
  if (typeof value !== 'string' || !USER_NAME.test(value)) throw new Refusal('userName is not a valid user name');
  return value;
}

function noArguments(raw: RawArguments): Record<string, never> {
  onlyKeys(raw, []);
  return {};
}

const PARSE: { [A in DeviceAction]: (raw: RawArguments) => ActionArguments[A] } = {
  RESTART: noArguments,
  LOCK: noArguments,
  SHUT_DOWN: noArguments,
  LOG_OFF: (raw) => {
    onlyKeys(raw, ['userName']);
    return raw.userName === undefined ? {} : { userName: userName(raw.userName) };
  },
  RESET_PASSWORD: (raw) => {
    onlyKeys(raw, ['userName', 'password']);
    // The value is never echoed: it is a password.
    if (typeof raw.password !== 'string' || !PASSWORD.test(raw.password)) throw new Refusal('password must be 8 to 128 printable characters');
    return { userName: userName(raw.userName), password: raw.password };
  },
  INSTALL_SOFTWARE: (raw) => {
    onlyKeys(raw, ['packageId', 'cask']);
    if (typeof raw.packageId !== 'string' || !PACKAGE_ID.test(raw.packageId)) throw new Refusal('packageId is not a valid package id');
    if (raw.cask !== undefined && typeof raw.cask !== 'boolean') throw new Refusal('cask must be true or false');
    return { packageId: raw.packageId, cask: raw.cask ?? false };
  },
};

const step = (file: string, ...args: string[]): Step => ({ file, args });

/** A user's uid on macOS: the console's owner, or the named user's. */
const macUid = (user?: string): Step => (user ? { file: 'id', args: ['-u', user], capturesUid: true } : { file: 'stat', args: ['-f', '%u', '/dev/console'], capturesUid: true });

/** The per-OS table of docs/DEVICE-PROTOCOL.md: a step list, or why the action is not offered. */
const TABLE: { [A in DeviceAction]: Record<AgentOs, string | ((args: ActionArguments[A]) => Step[])> } = {
  RESTART: {
    WINDOWS: () => [step('shutdown', '/r', '/t', '0')],
    MACOS: () => [step('shutdown', '-r', 'now')],
    LINUX: () => [step('systemctl', 'reboot')],
  },
  LOCK: {
    WINDOWS: () => [step('rundll32.exe', 'user32.dll,LockWorkStation')],
    MACOS: () => [step('pmset', 'displaysleepnow')],
    LINUX: () => [step('loginctl', 'lock-sessions')],
  },
  SHUT_DOWN: {
    WINDOWS: () => [step('shutdown', '/s', '/t', '0')],
    MACOS: () => [step('shutdown', '-h', 'now')],
    LINUX: () => [step('systemctl', 'poweroff')],
  },
  LOG_OFF: {
    WINDOWS: ({ userName }) => {
      // `shutdown /l` signs out the console session only; signing out someone else is not offered.
      if (userName) throw new Refusal('LOG_OFF of a named user is not offered on Windows');
      return [step('shutdown', '/l')];
    },
    MACOS: ({ userName }) => [macUid(userName), step('launchctl', 'bootout', `gui/${UID_PLACEHOLDER}`)],
    // Without a name, whoever holds the console (seat0) is signed out.
    LINUX: ({ userName }) => [userName ? step('loginctl', 'terminate-user', userName) : step('loginctl', 'terminate-seat', 'seat0')],
  },
  RESET_PASSWORD: {
    WINDOWS: ({ userName, password }) => [step('net', 'user', userName, password), step('net', 'user', userName, '/logonpasswordchg:yes')],
    MACOS: ({ userName, password }) => [step('sysadminctl', '-resetPasswordFor', userName, '-newPassword', password), step('pwpolicy', '-u', userName, '-setpolicy', 'newPasswordRequired=1')],
    LINUX: ({ userName, password }) => [{ file: 'chpasswd', args: [], stdin: `${userName}:${password}\n` }, step('passwd', '-e', userName)],
  },
  INSTALL_SOFTWARE: {
    WINDOWS: ({ packageId, cask }) => {
      if (cask) throw new Refusal('cask is for macOS only');
      return [step('choco', 'install', packageId, '-y', '--no-progress')];
    },
    MACOS: ({ packageId, cask }) => [cask ? step('brew', 'install', '--cask', packageId) : step('brew', 'install', packageId)],
    LINUX: 'INSTALL_SOFTWARE is not offered on Linux',
  },
};

function isDeviceAction(action: string): action is DeviceAction {
  return (DEVICE_ACTIONS as readonly string[]).includes(action);
}

function plan<A extends DeviceAction>(os: AgentOs, action: A, raw: RawArguments): CommandPlan {
  const entry = TABLE[action][os];
  if (typeof entry === 'string') throw new Refusal(entry);
  const args = PARSE[action](raw);
  const secret = 'password' in args ? args.password : undefined;
  return { action, steps: entry(args), ...(secret ? { secret } : {}) };
}

/**
 * Checks a command's action and arguments (JSON text) again, as Portico did, and turns them into
 * the steps of this OS's table. Anything not in the table is refused with a reason.
 */
export function planCommand(os: AgentOs, action: string, argumentsText: string): PlanResult {
  if (!isDeviceAction(action)) return { ok: false, reason: `unknown action ${JSON.stringify(action.slice(0, 40))}` };
  let raw: unknown;
  try {
    raw = JSON.parse(argumentsText);
  } catch {
    return { ok: false, reason: 'arguments are not JSON' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'arguments are not a JSON object' };
  try {
    return { ok: true, plan: plan(os, action, raw as RawArguments) };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.message };
    throw error;
  }
}

/** Replaces every occurrence of the secret (if any) with a mask. */
export function maskSecret(text: string, secret: string | undefined): string {
  return secret ? text.split(secret).join(SECRET_MASK) : text;
}
