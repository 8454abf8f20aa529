import { CommandAgent, type CommandEnvelope } from './agent.js';
import { DeviceConnection, retryDelayMs } from './connection.js';
import { printEvent, warn } from './events.js';
import { collectFacts } from './facts.js';
import { describeErrors } from './graphql-http.js';
import { Journal } from './journal.js';
import { agentOs, journalPath, simulatedLogPath } from './platform.js';
import { ReportOutbox } from './reports.js';
import { ExecFileRunner, SimulatedRunner } from './runner.js';
import { readState } from './state.js';

export interface DaemonOptions {
  stateFile: string;
  simulate: boolean;
  simulateDelayMs: number;
  heartbeatSeconds: number;
  reconnectMaxMs: number;
}

const EXIT_UNAUTHORIZED = 3;
// Reports still waiting when the agent is told to stop get this long (a restart may be under way).
const FLUSH_ON_STOP_MS = 2_000;

const COMMANDS_SUBSCRIPTION = 'subscription { deviceCommands { id action arguments nonce expiresAt signature } }';
const FACTS_MUTATION = 'mutation($input: DeviceFactsInput!) { reportDeviceFacts(input: $input) }';

/** `portico-agent run`: resolves with the exit code once the agent stops. */
export function runDaemon(options: DaemonOptions): Promise<number> {
  const state = readState(options.stateFile);
  const journal = Journal.open(journalPath(options.stateFile));
  const runner = options.simulate ? new SimulatedRunner(simulatedLogPath(options.stateFile), options.simulateDelayMs) : new ExecFileRunner();
  const os = agentOs();

  return new Promise((resolve) => {
    let stopping = false;
    let heartbeat: NodeJS.Timeout | undefined;
    let feed: (() => void) | undefined;
    let feedRetry: NodeJS.Timeout | undefined;
    let feedFailures = 0;

    const connection = new DeviceConnection({
      server: state.server,
      deviceToken: state.deviceToken,
      pinnedFingerprint: state.pinnedFingerprint,
      reconnectMaxMs: options.reconnectMaxMs,
      events: {
        connected: () => {
          printEvent({ event: 'connected' });
          feedFailures = 0;
          subscribeToCommands();
          void reportFacts();
          clearInterval(heartbeat);
          heartbeat = setInterval(() => void reportFacts(), options.heartbeatSeconds * 1000);
        },
        disconnected: (code) => {
          clearInterval(heartbeat);
          printEvent({ event: 'disconnected', code });
        },
        unauthorized: () => void stop(EXIT_UNAUTHORIZED, 'unauthorized'),
      },
    });
    const outbox = new ReportOutbox(connection);
    const agent = new CommandAgent({ deviceId: state.deviceId, commandKey: state.commandKey, os, journal, runner, reporter: outbox, emit: printEvent });
    agent.settleInterrupted();

    async function reportFacts(): Promise<void> {
      const outcome = await connection.execute<{ reportDeviceFacts: boolean }>(FACTS_MUTATION, { input: collectFacts() });
      if (outcome.kind === 'answered') printEvent({ event: 'facts' });
      else if (!stopping) warn(`facts not reported: ${outcome.kind === 'refused' ? describeErrors(outcome.errors) : outcome.reason}`);
    }

    // graphql-ws subscribes again by itself after each reconnect (Portico then offers again what
    // is not finished: the journal decides). Only a subscription that ended for good is renewed
    // here, with backoff; that also reconnects when graphql-ws gave up on a fatal close code.
    function subscribeToCommands(): void {
      if (feed || stopping) return;
      clearTimeout(feedRetry);
      feed = connection.subscribe<{ deviceCommands: CommandEnvelope }>(
        COMMANDS_SUBSCRIPTION,
        (result) => {
          if (result.data?.deviceCommands) agent.offer(result.data.deviceCommands);
          if (result.errors?.length) warn(`deviceCommands: ${describeErrors(result.errors)}`);
        },
        (reason) => {
          feed = undefined;
          if (stopping) return;
          warn(`deviceCommands ended: ${reason}`);
          feedRetry = setTimeout(subscribeToCommands, retryDelayMs(feedFailures++, options.reconnectMaxMs));
        },
      );
    }

    async function stop(code: number, reason: string): Promise<void> {
      if (stopping) return;
      stopping = true;
      clearInterval(heartbeat);
      clearTimeout(feedRetry);
      if (code !== EXIT_UNAUTHORIZED) await outbox.flush(FLUSH_ON_STOP_MS);
      feed?.();
      await connection.close();
      printEvent({ event: 'stopped', reason });
      resolve(code);
    }

    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stop(0, signal));
    subscribeToCommands();
  });
}
