/** What a command went through, as printed in `command` events. */
export type CommandPhase = 'accepted' | 'running' | 'succeeded' | 'failed' | 'refused' | 'skipped';

/** The daemon's stdout: one JSON object per line, for people and for tests. */
export type AgentEvent =
  | { event: 'enrolled'; deviceId: string }
  | { event: 'connected' }
  | { event: 'disconnected'; code: number }
  | { event: 'facts' }
  | { event: 'command'; id: string; action: string; phase: CommandPhase; reason?: string }
  | { event: 'stopped'; reason: string };

export type EmitEvent = (event: AgentEvent) => void;

export const printEvent: EmitEvent = (event) => {
  process.stdout.write(`${JSON.stringify(event)}\n`);
};

/** Diagnostics go to stderr as plain text, so stdout stays one event per line. */
export function warn(message: string): void {
  process.stderr.write(`portico-agent: ${message}\n`);
}
