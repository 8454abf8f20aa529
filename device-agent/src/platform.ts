import { win32 } from 'node:path';

/** The operating systems Portico knows; each has its own command table (docs/DEVICE-PROTOCOL.md). */
export type AgentOs = 'WINDOWS' | 'MACOS' | 'LINUX';

const AGENT_OSES: readonly AgentOs[] = ['WINDOWS', 'MACOS', 'LINUX'];

/**
 * The OS the agent enrolls as and whose command table it uses. PORTICO_AGENT_OS overrides it so
 * each table can be exercised (simulated) on any computer.
 */
export function agentOs(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): AgentOs {
  const override = env.PORTICO_AGENT_OS;
  if (override) {
    if (!(AGENT_OSES as readonly string[]).includes(override)) throw new Error(`PORTICO_AGENT_OS must be one of ${AGENT_OSES.join(', ')}`);
    return override as AgentOs;
  }
  switch (platform) {
    case 'win32':
      return 'WINDOWS';
    case 'darwin':
      return 'MACOS';
    case 'linux':
      return 'LINUX';
    default:
      throw new Error(`unsupported platform: ${platform}`);
  }
}

/**
 * Where the state file lives: --state, else PORTICO_AGENT_STATE, else the system-wide place of
 * the computer's real platform (the OS override is about commands, not about paths).
 */
export function statePath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (flag) return flag;
  if (env.PORTICO_AGENT_STATE) return env.PORTICO_AGENT_STATE;
  if (platform === 'win32') return win32.join(env.ProgramData ?? 'C:\\ProgramData', 'Portico', 'state.json');
  if (platform === 'darwin') return '/Library/Application Support/Portico/state.json';
  return '/var/lib/portico-agent/state.json';
}

export const journalPath = (stateFile: string) => `${stateFile}.journal`;
export const simulatedLogPath = (stateFile: string) => `${stateFile}.simulated.log`;
