/** A mistake in how the agent was called: printed with the usage, exit code 2. */
export class UsageError extends Error {}

export const USAGE = `Usage:
  portico-agent enroll --server URL --token TOKEN [--state FILE] [--pin]
  portico-agent run [--state FILE] [--simulate] [--simulate-delay-ms N]
                    [--heartbeat-seconds N] [--reconnect-max-ms N]
  portico-agent help "what is wrong" [--state FILE]

Exit codes: 0 done, 1 failed, 2 usage error, 3 device credential refused (enroll again).
`;
