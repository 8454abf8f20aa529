import { describe, expect, it } from 'vitest';
import { agentOs, journalPath, simulatedLogPath, statePath } from './platform.js';

describe('agentOs', () => {
  it('follows the platform', () => {
    expect(agentOs({}, 'win32')).toBe('WINDOWS');
    expect(agentOs({}, 'darwin')).toBe('MACOS');
    expect(agentOs({}, 'linux')).toBe('LINUX');
    expect(() => agentOs({}, 'aix')).toThrow('unsupported platform');
  });

  it('can be overridden with PORTICO_AGENT_OS', () => {
    expect(agentOs({ PORTICO_AGENT_OS: 'MACOS' }, 'linux')).toBe('MACOS');
    expect(() => agentOs({ PORTICO_AGENT_OS: 'BEOS' }, 'linux')).toThrow('PORTICO_AGENT_OS must be one of');
  });
});

describe('statePath', () => {
  it('defaults per platform', () => {
    expect(statePath(undefined, {}, 'linux')).toBe('/var/lib/portico-agent/state.json');
    expect(statePath(undefined, {}, 'darwin')).toBe('/Library/Application Support/Portico/state.json');
    expect(statePath(undefined, { ProgramData: 'D:\\ProgramData' }, 'win32')).toBe('D:\\ProgramData\\Portico\\state.json');
  });

  it('prefers --state, then PORTICO_AGENT_STATE', () => {
    expect(statePath(undefined, { PORTICO_AGENT_STATE: '/etc/portico.json' }, 'linux')).toBe('/etc/portico.json');
    expect(statePath('/tmp/s.json', { PORTICO_AGENT_STATE: '/etc/portico.json' }, 'linux')).toBe('/tmp/s.json');
  });

  it('puts the journal and the simulated record next to the state file', () => {
    expect(journalPath('/x/state.json')).toBe('/x/state.json.journal');
    expect(simulatedLogPath('/x/state.json')).toBe('/x/state.json.simulated.log');
  });
});
