import { setTimeout as sleep } from 'node:timers/promises';
import type { CommandReport, Reporter } from './agent.js';
import type { DeviceConnection } from './connection.js';
import { warn } from './events.js';
import { describeErrors } from './graphql-http.js';

const REPORT_MUTATION = 'mutation($input: ReportDeviceCommandInput!) { reportDeviceCommand(input: $input) }';

/**
 * Sends command reports in order over the connection. A report stays until Portico has answered
 * it: across a dropped connection it is sent again (Portico accepts the same status twice). An
 * error answer drops it (CONFLICT: Portico is already past it).
 */
export class ReportOutbox implements Reporter {
  private readonly queue: Array<{ report: CommandReport; answered: (answer: 'accepted' | 'refused') => void }> = [];
  private sending: Promise<void> | undefined;

  constructor(private readonly connection: DeviceConnection) {}

  report(report: CommandReport): Promise<'accepted' | 'refused'> {
    return new Promise((answered) => {
      this.queue.push({ report, answered });
      this.sending ??= this.send();
    });
  }

  /** Waits until every report is sent, or `timeoutMs` passed. */
  async flush(timeoutMs: number): Promise<void> {
    if (this.sending) await Promise.race([this.sending, sleep(timeoutMs)]);
  }

  private async send(): Promise<void> {
    for (let entry = this.queue[0]; entry; entry = this.queue[0]) {
      const { report } = entry;
      const outcome = await this.connection.execute<{ reportDeviceCommand: boolean }>(REPORT_MUTATION, { input: report });
      if (outcome.kind === 'lost') {
        await this.connection.nextConnection();
        continue;
      }
      if (outcome.kind === 'refused') warn(`report ${report.status} of command ${report.id} refused: ${describeErrors(outcome.errors)}`);
      this.queue.shift();
      entry.answered(outcome.kind === 'refused' ? 'refused' : 'accepted');
    }
    this.sending = undefined;
  }
}
