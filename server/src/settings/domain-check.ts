import { Resolver } from 'node:dns/promises';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum DomainCheckStatus {
  OK = 'OK',
  MISSING = 'MISSING',
  WRONG_TARGET = 'WRONG_TARGET',
  NOT_CONFIGURED = 'NOT_CONFIGURED',
  LOOKUP_FAILED = 'LOOKUP_FAILED',
}
registerEnumType(DomainCheckStatus, {
  name: 'DomainCheckStatus',
  description: 'OK (points at this server), MISSING (no record), WRONG_TARGET (points elsewhere), NOT_CONFIGURED (no custom domain), LOOKUP_FAILED (DNS did not answer).',
});

@ObjectType({ description: 'What DNS says about the custom portal domain.' })
export class DomainCheck {
  @Field(() => String, { nullable: true, description: 'The custom domain checked.' })
  domain!: string | null;

  @Field({ description: 'Where the CNAME must point: the host name of PUBLIC_URL.' })
  expectedTarget!: string;

  @Field(() => DomainCheckStatus, { description: 'The verdict.' })
  status!: DomainCheckStatus;

  @Field(() => [String], { description: 'What DNS answered: CNAME targets, or addresses.' })
  found!: string[];
}

/** Looks up DNS through the resolver adapter (system resolvers, or DNS_SERVERS such as 127.0.0.1:5353). */
export interface DnsLookup {
  cname(name: string): Promise<string[]>;
  addresses(name: string): Promise<string[]>;
}

export function createDnsLookup(servers?: string[]): DnsLookup {
  const resolver = new Resolver({ timeout: 3000, tries: 2 });
  if (servers?.length) resolver.setServers(servers);
  return {
    cname: (name) => resolver.resolveCname(name),
    addresses: async (name) => [...(await resolver.resolve4(name).catch(noData)), ...(await resolver.resolve6(name).catch(noData))],
  };
}

function noData(error: NodeJS.ErrnoException): string[] {
  if (error.code === 'ENODATA' || error.code === 'ENOTFOUND') return [];
  throw error;
}

const bare = (name: string) => name.toLowerCase().replace(/\.$/, '');

/**
 * A CNAME to the server's host name is right; so are A/AAAA records equal to the server's (some
 * DNS hosts flatten CNAMEs at the apex).
 */
export async function checkDomain(dns: DnsLookup, domain: string | null, expectedTarget: string): Promise<DomainCheck> {
  const result = { domain, expectedTarget, found: [] as string[] };
  if (!domain) return { ...result, status: DomainCheckStatus.NOT_CONFIGURED };
  try {
    const cnames = (await dns.cname(domain).catch(noData)).map(bare);
    if (cnames.length > 0) {
      return { ...result, found: cnames, status: cnames.includes(bare(expectedTarget)) ? DomainCheckStatus.OK : DomainCheckStatus.WRONG_TARGET };
    }
    const addresses = await dns.addresses(domain);
    if (addresses.length === 0) return { ...result, status: DomainCheckStatus.MISSING };
    const expected = await dns.addresses(expectedTarget).catch((): string[] => []);
    const matches = addresses.some((address) => expected.includes(address));
    return { ...result, found: addresses, status: matches ? DomainCheckStatus.OK : DomainCheckStatus.WRONG_TARGET };
  } catch {
    return { ...result, status: DomainCheckStatus.LOOKUP_FAILED };
  }
}
