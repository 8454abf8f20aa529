// pino: JSON lines at little cost per request (the hot path stays fast) and redaction of secret-like
// keys built in, so a value under one of them never reaches the log whoever logs it.
import { randomUUID } from 'node:crypto';
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Keys whose values never reach the log, at the top and up to three levels down (headers, args, errors). */
export const SECRET_KEYS = [
  'password', 'newPassword', 'currentPassword', 'oldPassword', 'temporaryPassword', 'passwordHash',
  'token', 'sessionToken', 'accessToken', 'refreshToken', 'apiKey', 'authorization', 'cookie', 'set-cookie',
  'secret', 'sealedSecret', 'x-inbound-secret', 'variables',
] as const;

const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `["${name}"]`);
const join = (prefix: string, name: string) => (name.startsWith('[') ? `${prefix}${name}` : `${prefix}.${name}`);

export const REDACT_PATHS = SECRET_KEYS.flatMap((name) => [key(name), join('*', key(name)), join('*.*', key(name)), join('*.*.*', key(name))]);

export interface LoggerOptions {
  /** Where the JSON lines go (stdout when absent). */
  destination?: DestinationStream;
  /** Defaults to LOG_LEVEL, else `info` (`silent` under vitest unless LOG_LEVEL asks). */
  level?: string;
}

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** LOG_LEVEL, else `fallback`; an unknown name stops the start with the choices. */
export function levelFromEnv(fallback: string): string {
  const level = process.env.LOG_LEVEL?.trim().toLowerCase() || fallback;
  if (!LEVELS.includes(level)) throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(', ')} (got "${level}").`);
  return level;
}

const fixedFields = new WeakMap<Logger, Logger>();

/** The root logger of one Portico instance. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? levelFromEnv(process.env.VITEST ? 'silent' : 'info');
  const common = {
    level,
    base: { service: 'portico' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  const destination = options.destination ?? pino.destination({ dest: 1, sync: false });
  const root = pino({ ...common, redact: { paths: REDACT_PATHS, censor: '[REDACTED]' } }, destination);
  fixedFields.set(root, pino(common, destination));
  return root;
}

/**
 * The same log without redaction, for lines whose keys are fixed and none of them secret (the one
 * line per request of request-log.ts): redaction would never apply there, and walking its 72 paths
 * on every request is a measurable share of a fast request. Anything else logs through `logger`.
 */
export function fixedFieldsLogger(logger: Logger): Logger {
  return fixedFields.get(logger) ?? logger;
}

/** A destination calling `write` with each JSON line (without its newline), e.g. the old `log` option. */
export function lineDestination(write: (line: string) => void): DestinationStream {
  return { write: (chunk: string) => write(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk) };
}

/** A logger for one part of the server (`component`) or one request (`requestId`, ...). */
export function childLogger(parent: Logger, bindings: Record<string, unknown>): Logger {
  return parent.child(bindings);
}

/** A client's `x-request-id` when it is sane (short, printable, no spaces), else a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[\w.:@/+=-]{1,128}$/.test(value) ? value : randomUUID();
}
