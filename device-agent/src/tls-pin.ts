import type { Duplex } from 'node:stream';
import { Agent, type RequestOptions } from 'node:https';
import { isIP } from 'node:net';
import { connect, TLSSocket } from 'node:tls';

const PROBE_TIMEOUT_MS = 15_000;

/** Host and port of an https URL, as node:tls wants them. */
function endpoint(server: URL): { host: string; port: number; servername?: string } {
  const host = server.hostname.replace(/^\[(.*)\]$/, '$1');
  return { host, port: Number(server.port || 443), ...(isIP(host) ? {} : { servername: host }) };
}

/**
 * The SHA-256 fingerprint of the certificate the server shows now (`--pin`: trust on first use).
 * Nothing is sent on this connection.
 */
export function probeFingerprint(server: URL): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ ...endpoint(server), rejectUnauthorized: false }, () => {
      const fingerprint = socket.getPeerCertificate().fingerprint256;
      socket.end();
      if (fingerprint) resolve(fingerprint);
      else reject(new Error('the server showed no certificate'));
    });
    socket.once('error', reject);
    socket.setTimeout(PROBE_TIMEOUT_MS, () => socket.destroy(new Error('timed out reading the server certificate')));
  });
}

/**
 * An https agent that accepts exactly one certificate, whoever signed it. Node skips
 * `checkServerIdentity` for a certificate it cannot verify (a self-signed one), so the check is
 * made on `secureConnect` instead: that is where Node itself rejects a certificate, before any
 * request byte is written.
 */
export class PinnedAgent extends Agent {
  private readonly fingerprint: string;

  constructor(fingerprint: string) {
    // No TLS session resumption: a resumed session shows no certificate to compare.
    super({ rejectUnauthorized: false, maxCachedSessions: 0 });
    this.fingerprint = fingerprint;
  }

  override createConnection(options: RequestOptions, callback?: (err: Error | null, stream: Duplex) => void): Duplex | null | undefined {
    const socket = super.createConnection({ ...options, rejectUnauthorized: false }, callback);
    if (!(socket instanceof TLSSocket)) throw new Error('a pinned connection needs TLS');
    socket.once('secureConnect', () => {
      const shown = socket.getPeerCertificate().fingerprint256;
      if (shown !== this.fingerprint) socket.destroy(new Error(`the server's certificate ${shown ?? '(none)'} is not the pinned one ${this.fingerprint}`));
    });
    return socket;
  }
}
