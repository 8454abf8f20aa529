// portico-agent: the device agent's command line (README.md; docs/DEVICE-PROTOCOL.md).
import { parseArgs } from 'node:util';
import { runDaemon } from './daemon.js';
import { enroll } from './enroll.js';
import { statePath } from './platform.js';
import { requestHelp } from './request-help.js';
import { USAGE, UsageError } from './usage.js';

const DEFAULT_HEARTBEAT_SECONDS = 60;
const DEFAULT_RECONNECT_MAX_MS = 60_000;

function integer(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`--${name} must be a whole number of at least ${min}`);
  return Number(value);
}

function enrollCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { server: { type: 'string' }, token: { type: 'string' }, state: { type: 'string' }, pin: { type: 'boolean', default: false } } });
  if (!values.server || !values.token) throw new UsageError('enroll needs --server and --token');
  return enroll({ server: values.server, token: values.token, stateFile: statePath(values.state), pin: values.pin });
}

function runCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      state: { type: 'string' },
      simulate: { type: 'boolean', default: false },
      'simulate-delay-ms': { type: 'string' },
      'heartbeat-seconds': { type: 'string' },
      'reconnect-max-ms': { type: 'string' },
    },
  });
  return runDaemon({
    stateFile: statePath(values.state),
    simulate: values.simulate,
    simulateDelayMs: integer('simulate-delay-ms', values['simulate-delay-ms'], 0, 0),
    heartbeatSeconds: integer('heartbeat-seconds', values['heartbeat-seconds'], DEFAULT_HEARTBEAT_SECONDS, 1),
    reconnectMaxMs: integer('reconnect-max-ms', values['reconnect-max-ms'], DEFAULT_RECONNECT_MAX_MS, 1000),
  });
}

function helpCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { state: { type: 'string' } }, allowPositionals: true });
  const text = positionals.join(' ').trim();
  if (!text) throw new UsageError('help needs the text of the request, e.g. portico-agent help "the printer is offline"');
  return requestHelp(text, statePath(values.state));
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'enroll':
      return enrollCommand(args);
    case 'run':
      return runCommand(args);
    case 'help':
      return helpCommand(args);
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return 0;
    default:
      throw new UsageError(command ? `unknown command: ${command}` : 'a command is needed');
  }
}

function isUsageProblem(error: unknown): boolean {
  if (error instanceof UsageError) return true;
  // node:util parseArgs: unknown option, missing value, unexpected argument.
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/** Exits once stdout has taken everything written (events may still be in a pipe's buffer). */
function exit(code: number): void {
  process.stdout.write('', () => process.exit(code));
}

main(process.argv.slice(2)).then(exit, (error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  if (isUsageProblem(error)) {
    process.stderr.write(`portico-agent: ${message}\n\n${USAGE}`);
    return exit(2);
  }
  process.stderr.write(`portico-agent: ${message}\n`);
  exit(1);
});
