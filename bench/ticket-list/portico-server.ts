/**
 * Portico in its own process for the ticket list benchmark: the production server on the bench
 * database, with the budget raised so it never refuses, counting every SQL statement it sends.
 * Env: DATABASE_URL, BENCH_DATA_DIR. Talks to the benchmark over IPC (processes.ts).
 */
import { startPortico } from '../../server/src/app.js';
import { configFromEnv } from '../../server/src/config.js';
import { reportFailure, reportReady, serveParent } from './processes.js';

const ADMIN_PASSWORD = 'bench-admin-password';

let statements = 0;
try {
  const portico = await startPortico(
    {
      ...configFromEnv({ NODE_ENV: 'production' }),
      databaseUrl: process.env.DATABASE_URL!,
      dataDir: process.env.BENCH_DATA_DIR!,
      port: 0,
      host: '127.0.0.1',
      adminPassword: ADMIN_PASSWORD,
      secret: 'bench',
    },
    {
      log: () => undefined,
      onQuery: () => void statements++,
      limits: { budget: { staff: 1e12, person: 1e12, anonymous: 1e12 } },
    },
  );
  serveParent(() => statements, () => portico.stop());
  reportReady(portico.url);
} catch (error) {
  reportFailure(error);
}
