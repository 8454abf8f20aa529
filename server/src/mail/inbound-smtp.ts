import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * The built-in SMTP listener for the support address: accepts any recipient (point an MX or a
 * forwarding rule at it) and hands each message's raw bytes to `receive`. A message is only
 * acknowledged (250) after it was stored, so the sending server retries on failure.
 */
export async function startInboundSmtp(port: number, host: string, receive: (raw: Buffer) => Promise<unknown>): Promise<{ port: number; close(): Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 30 * 1024 * 1024,
    onData(stream, _session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        receive(Buffer.concat(chunks)).then(
          () => done(),
          (error: Error) => {
            console.error('Inbound mail failed:', error.message);
            done(Object.assign(new Error('Temporary failure, try again later'), { responseCode: 451 }));
          },
        );
      });
    },
  });
  await new Promise<void>((ready) => server.listen(port, host, ready));
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
