import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import pg from 'pg';

/**
 * One statement of a read path (or of a hot write: `transaction`, `statementIn`): fixed SQL text
 * with `$n` bind parameters, prepared once per connection under its name, so PostgreSQL plans it once instead of on every request (MikroORM
 * inlines values into the text, which makes every statement a new one to plan).
 */
export interface ReadStatement<Row> {
  readonly name: string;
  readonly text: string;
  /** Only for typing: the shape of one row. */
  readonly row?: Row;
}

/** Declares a read statement; `name` must be unique in the app (it names the prepared statement). */
export function readStatement<Row>(name: string, text: string): ReadStatement<Row> {
  return { name, text: text.replace(/\s+/g, ' ').trim() };
}

interface PgClient {
  query(config: { name: string; text: string; values: unknown[]; types: typeof pg.types } | string): Promise<{ rows: unknown[] }>;
}

/** Runs one prepared statement in the current transaction (db/transaction.ts). */
export type StatementRunner = <Row>(statement: ReadStatement<Row>, values: unknown[]) => Promise<Row[]>;

/**
 * The read paths that run on every request (the caller, lists, single reads, subscription
 * re-reads) return plain rows through here: no entities, no identity map, no query building; one
 * round trip per statement on a connection of MikroORM's own pool (same limits, same database).
 * Writes stay with MikroORM's unit of work, except on the hot paths: one autocommitted statement
 * (an agent's heartbeat), a statement transaction (`transaction`: a device command and its reports)
 * and `statementIn` below. (The name stayed "Reads" from when it only read.)
 */
export class Reads {
  constructor(
    private readonly knex: Knex,
    /** Sees every statement sent (tests and benchmarks count statements per request). */
    private readonly onQuery?: (sql: string) => void,
  ) {}

  async rows<Row>(statement: ReadStatement<Row>, values: unknown[]): Promise<Row[]> {
    this.onQuery?.(statement.text);
    const client = this.knex.client as { acquireConnection(): Promise<PgClient>; releaseConnection(connection: PgClient): Promise<void> };
    const connection = await client.acquireConnection();
    try {
      // pg's own parsers (timestamps as Dates): MikroORM's connections keep them as text for its hydration.
      const result = await connection.query({ name: statement.name, text: statement.text, values, types: pg.types });
      return result.rows as Row[];
    } finally {
      await client.releaseConnection(connection);
    }
  }

  async row<Row>(statement: ReadStatement<Row>, values: unknown[]): Promise<Row | undefined> {
    return (await this.rows(statement, values))[0];
  }

  /**
   * A transaction of prepared statements on one connection of the pool, without the ORM (its unit
   * of work, its knex transaction object and its context propagation allocate tens of kilobytes per
   * transaction): for the hot writes, through `inStatementTransaction` (db/transaction.ts).
   */
  async transaction<T>(work: (run: StatementRunner) => Promise<T>): Promise<T> {
    const client = this.knex.client as { acquireConnection(): Promise<PgClient>; releaseConnection(connection: PgClient): Promise<void> };
    const connection = await client.acquireConnection();
    const run: StatementRunner = async <Row>(statement: ReadStatement<Row>, values: unknown[]) => {
      this.onQuery?.(statement.text);
      return (await connection.query({ name: statement.name, text: statement.text, values, types: pg.types })).rows as Row[];
    };
    try {
      await connection.query('begin');
      const result = await work(run);
      await connection.query('commit');
      return result;
    } catch (error) {
      await connection.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      await client.releaseConnection(connection);
    }
  }
}

/**
 * A prepared statement on the connection of a MikroORM transaction (`em.transactional`,
 * `inTransaction`): the hot writes (a device command and its reports) skip the unit of work, whose
 * change tracking cost several milliseconds per write, yet commit or roll back with the ORM's writes
 * and the domain events' handlers in the same transaction.
 */
export async function statementIn<Row>(tx: EntityManager, statement: ReadStatement<Row>, values: unknown[]): Promise<Row[]> {
  const transaction = tx.getTransactionContext<Knex.Transaction>();
  if (!transaction) throw new Error(`${statement.name} must run in a transaction`);
  // A transaction's client hands out the transaction's own connection (and releasing it is a no-op).
  const connection = await (transaction.client as unknown as { acquireConnection(): Promise<PgClient> }).acquireConnection();
  const result = await connection.query({ name: statement.name, text: statement.text, values, types: pg.types });
  return result.rows as Row[];
}
