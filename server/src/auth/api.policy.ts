import { isStaff, type Principal } from './principal.js';

/**
 * Who gets what of the API's own limits (graphql/limits.ts): schema introspection, the key and the
 * size of the rate-limit budget. The plumbing gets it from composition.ts and never looks at the
 * kind of caller itself.
 */
export const apiPolicy = {
  /** Introspection: signed-in technicians, and everybody in development. */
  mayIntrospect(principal: Principal, development: boolean): boolean {
    return development || isStaff(principal);
  },

  /** The budget a request is charged to: the account (all its sessions), the key, the device, else the address. */
  rateKey(principal: Principal, ip: string): string {
    switch (principal.kind) {
      case 'contact':
      case 'technician':
        return `account:${principal.accountId}`;
      case 'apiKey':
        return `apiKey:${principal.id}`;
      case 'device':
        return `device:${principal.id}`;
      default:
        return `ip:${ip}`;
    }
  },

  /** Which budget applies: staff work in bulk in the console, others get the smaller one. */
  rateClass(principal: Principal): 'staff' | 'person' | 'anonymous' {
    if (isStaff(principal)) return 'staff';
    return principal.kind === 'anonymous' ? 'anonymous' : 'person';
  },

  /** Subscriptions are held per account (all its connections), else per address. */
  subscriptionKey(principal: Principal, ip: string): string {
    return apiPolicy.rateKey(principal, ip);
  },
};
