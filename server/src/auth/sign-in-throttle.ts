import type { Knex } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import { RateLimiterPostgres, type RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../core/errors.js';

export interface ThrottleLimits {
  /** Length of every counting window, in seconds. */
  windowSeconds: number;
  /** Failed sign-ins for one username from one client address, after which that pair is refused. */
  perAccountAndIp: number;
  /** Failed sign-ins from one client address (any usernames), after which the address is refused. */
  perIp: number;
  /**
   * Failed sign-ins for one username from all addresses, after which every further attempt on it
   * waits before it is answered (doubling from 250 ms up to `maxDelayMs`). Never refused: an
   * attacker elsewhere must not lock the owner out.
   */
  slowDownAfter: number;
  /** The longest wait of one slowed-down attempt, in milliseconds. */
  maxDelayMs: number;
  /** Wrong current passwords in changePassword per account, after which it is refused. */
  passwordChangeFailures: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = {
  windowSeconds: 15 * 60,
  perAccountAndIp: 10,
  perIp: 50,
  slowDownAfter: 10,
  maxDelayMs: 3000,
  passwordChangeFailures: 5,
};

const FIRST_DELAY_MS = 250;

/** One admitted attempt; counted as a failure unless `succeeded` is called. */
export interface ThrottledAttempt {
  /** The password was right: the attempt is not held against the account or the address. */
  succeeded(): Promise<void>;
}

/**
 * Sign-in throttling that cannot lock the owner out (README "Sign-in throttling"). Counters live in
 * PostgreSQL (rate-limiter-flexible's store, table `rate_limits`), so every instance and restart
 * sees the same numbers.
 *
 * - per (username, client address): refused after `perAccountAndIp` failures — the attacker's
 *   address, not the account;
 * - per client address: refused after `perIp` failures on any usernames (one address trying many
 *   accounts);
 * - per username, all addresses: only slowed down after `slowDownAfter` failures; the right
 *   password still gets in, from any address that is not itself refused.
 *
 * Every attempt is counted before the password is checked (atomically, so parallel requests cannot
 * slip past a limit) and given back when it succeeds. Unknown usernames are counted exactly like
 * known ones, so the throttle reveals nothing about which accounts exist.
 */
export class SignInThrottle {
  private readonly pair: RateLimiterPostgres;
  private readonly address: RateLimiterPostgres;
  private readonly account: RateLimiterPostgres;
  private readonly passwordChange: RateLimiterPostgres;

  constructor(knex: Knex, readonly limits: ThrottleLimits = DEFAULT_THROTTLE) {
    const common = { storeClient: knex, storeType: 'knex', tableName: 'rate_limits', tableCreated: true, duration: limits.windowSeconds };
    this.pair = new RateLimiterPostgres({ ...common, keyPrefix: 'signin_pair', points: limits.perAccountAndIp });
    this.address = new RateLimiterPostgres({ ...common, keyPrefix: 'signin_ip', points: limits.perIp });
    this.account = new RateLimiterPostgres({ ...common, keyPrefix: 'signin_account', points: limits.slowDownAfter });
    this.passwordChange = new RateLimiterPostgres({ ...common, keyPrefix: 'password_change', points: limits.passwordChangeFailures });
  }

  /**
   * Counts a sign-in attempt. Throws RATE_LIMITED when this address may not try this username (or
   * any) for now; otherwise waits the account's slow-down, if any, and admits the attempt.
   * Call it outside a database transaction: the wait holds no connection.
   */
  async admitSignIn(username: string, ip: string): Promise<ThrottledAttempt> {
    const user = accountKey(username);
    const address = addressKey(ip);
    const pairKey = digest(`${user}\n${address}`);
    const [pair, perAddress] = await Promise.all([this.pair.penalty(pairKey), this.address.penalty(address)]);
    refuseIfOver([
      { res: pair, limit: this.limits.perAccountAndIp },
      { res: perAddress, limit: this.limits.perIp },
    ]);
    const accountRes = await this.account.penalty(digest(user));
    const delay = slowDown(accountRes.consumedPoints - 1, this.limits);
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    return {
      succeeded: async () => {
        await Promise.all([this.pair.delete(pairKey), this.address.reward(address), this.account.reward(digest(user))]);
      },
    };
  }

  /** Counts an attempt to prove the current password in changePassword; RATE_LIMITED after too many wrong ones. */
  async admitPasswordChange(username: string): Promise<ThrottledAttempt> {
    const key = digest(accountKey(username));
    refuseIfOver([{ res: await this.passwordChange.penalty(key), limit: this.limits.passwordChangeFailures }]);
    return { succeeded: async () => void (await this.passwordChange.delete(key)) };
  }
}

/** How long an attempt waits when `failures` attempts on its account failed before it within the window. */
export function slowDown(failures: number, limits: Pick<ThrottleLimits, 'slowDownAfter' | 'maxDelayMs'>): number {
  const excess = failures - limits.slowDownAfter;
  if (excess < 0) return 0;
  return Math.min(limits.maxDelayMs, FIRST_DELAY_MS * 2 ** Math.min(excess, 20));
}

/** The counted attempt itself is the (limit + 1)th: refused, with the longest wait of the counters that are over. */
function refuseIfOver(counters: Array<{ res: RateLimiterRes; limit: number }>): void {
  const over = counters.filter(({ res, limit }) => res.consumedPoints > limit);
  if (over.length === 0) return;
  const seconds = Math.max(1, Math.ceil(Math.max(...over.map(({ res }) => res.msBeforeNext)) / 1000));
  throw new AppError('RATE_LIMITED', 'errors.rateLimited', { params: { seconds }, retryAfterSeconds: seconds });
}

function accountKey(username: string): string {
  return username.trim().toLowerCase();
}

/**
 * The address as counted: IPv4-mapped IPv6 as IPv4, and IPv6 by its /64 prefix, since one
 * subscriber usually holds a whole /64 and could otherwise rotate through addresses.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (!isIPv6(ip)) return ip;
  const [head, tail = ''] = ip.toLowerCase().split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = [...left, ...new Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** Keys of bounded length (the column holds 255 characters; usernames typed at sign-in are not). */
function digest(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}
