import { Resolver } from 'node:dns/promises';
import { authenticate } from 'mailauth';

/** How mailauth looks up DNS records: `(name, rrtype)` answering like `dns.promises.resolve`. */
export type MailDnsResolver = (name: string, rrtype: string) => Promise<string[][] | string[]>;

/**
 * The DNS adapter of the DKIM/DMARC checks: the system's resolvers, or DNS_SERVERS (e.g.
 * `127.0.0.1:5353`; tests point it at a local DNS server).
 */
export function createMailDnsResolver(servers?: string[]): MailDnsResolver {
  const resolver = new Resolver({ timeout: 3000, tries: 2 });
  if (servers?.length) resolver.setServers(servers);
  return (name, rrtype) => resolver.resolve(name, rrtype) as Promise<string[][] | string[]>;
}

export interface SenderAuthentication {
  /** DMARC passed for the From: domain through an aligned, valid DKIM signature. */
  dmarcPass: boolean;
  /** What the checks said, for technicians (e.g. `dkim=pass (acme.example); dmarc=pass`). */
  summary: string;
}

/**
 * Whether a message passes DMARC with aligned DKIM for its From: domain, checked with mailauth.
 * SPF is deliberately not used: support mail reaches Portico through MX relays and forwarding
 * rules, so the connecting address says nothing about the sender; a DKIM signature survives that.
 * A message must have exactly one From: address, the one Portico took as the sender.
 */
export async function authenticateSender(raw: Buffer, sender: string, resolver: MailDnsResolver): Promise<SenderAuthentication> {
  try {
    const result = await authenticate(raw, { resolver, disableArc: true, disableBimi: true, mta: 'portico' });
    const signatures = result.dkim.results ?? [];
    const dkim = signatures.length
      ? signatures.map((s) => `dkim=${s.status.result}${s.signingDomain ? ` (${s.signingDomain})` : ''}`).join(', ')
      : 'dkim=none';
    const dmarc = result.dmarc ? result.dmarc.status.result : 'none';
    const headerFrom = result.dkim.headerFrom ?? [];
    const fromMatches = headerFrom.length === 1 && headerFrom[0].trim().toLowerCase() === sender;
    const dmarcPass = fromMatches && !!result.dmarc && result.dmarc.status.result === 'pass' && !!result.dmarc.alignment?.dkim?.result;
    return { dmarcPass, summary: `${dkim}; dmarc=${dmarc}`.slice(0, 500) };
  } catch (error) {
    // A DNS failure or an unreadable message proves nothing: the sender stays unverified.
    return { dmarcPass: false, summary: `check failed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500) };
  }
}
