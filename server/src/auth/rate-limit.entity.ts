import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Counters of rate-limiter-flexible's PostgreSQL store (its expected columns), kept in the database
 * so throttling holds across server instances and restarts.
 */
@Entity({ tableName: 'rate_limits' })
export class RateLimitCounter {
  @PrimaryKey({ length: 255 })
  key!: string;

  @Property({ default: 0 })
  points!: number;

  @Property({ type: 'bigint', nullable: true })
  expire?: number;
}
