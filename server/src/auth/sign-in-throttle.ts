import type { Knex } from '@mikro-orm/postgresql';
import { RateLimiterPostgres, type RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../graphql/errors.js';

export interface ThrottleLimits {
  /** Failed sign-ins allowed per username within `windowSeconds`. */
  perAccount: number;
  /** Failed sign-ins allowed per client IP within `windowSeconds`. */
  perIp: number;
  windowSeconds: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = { perAccount: 10, perIp: 50, windowSeconds: 15 * 60 };

/**
 * Counts failed sign-ins per account and per IP in PostgreSQL (rate-limiter-flexible), so the limit
 * holds across server instances and restarts. Unknown usernames are counted like known ones, so
 * the throttle reveals nothing about which accounts exist.
 */
export class SignInThrottle {
  private readonly byAccount: RateLimiterPostgres;
  private readonly byIp: RateLimiterPostgres;

  constructor(knex: Knex, private readonly limits: ThrottleLimits = DEFAULT_THROTTLE) {
    const common = { storeClient: knex, storeType: 'knex', tableName: 'rate_limits', tableCreated: true, duration: limits.windowSeconds };
    this.byAccount = new RateLimiterPostgres({ ...common, keyPrefix: 'signin_account', points: limits.perAccount });
    this.byIp = new RateLimiterPostgres({ ...common, keyPrefix: 'signin_ip', points: limits.perIp });
  }

  /** Throws RATE_LIMITED when either counter is used up. */
  async assertAllowed(username: string, ip: string): Promise<void> {
    const [account, address] = await Promise.all([this.byAccount.get(accountKey(username)), this.byIp.get(ip)]);
    const blocked = [
      { res: account, limit: this.limits.perAccount },
      { res: address, limit: this.limits.perIp },
    ].filter(({ res, limit }) => res !== null && res.consumedPoints >= limit);
    if (blocked.length > 0) {
      const seconds = Math.max(1, Math.ceil(Math.max(...blocked.map(({ res }) => (res as RateLimiterRes).msBeforeNext)) / 1000));
      throw new AppError('RATE_LIMITED', 'errors.rateLimited', { params: { seconds }, retryAfterSeconds: seconds });
    }
  }

  async recordFailure(username: string, ip: string): Promise<void> {
    // consume() rejects once the points are used up; that is expected here, the next assertAllowed reports it.
    await Promise.all([this.byAccount.consume(accountKey(username)).catch(() => undefined), this.byIp.consume(ip).catch(() => undefined)]);
  }

  async recordSuccess(username: string): Promise<void> {
    await this.byAccount.delete(accountKey(username));
  }
}

function accountKey(username: string): string {
  return username.trim().toLowerCase();
}
