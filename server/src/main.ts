import type { RunningPortico } from './app.js';
import { configFromEnv } from './config.js';
import { checkDataDirectoryFree, DataDirectoryInUseError } from './db/embedded-postgres.js';
import { createLogger, levelFromEnv } from './logging/logger.js';

const config = configFromEnv();
// Info by default, also when started by a test (whose environment would make it silent).
const logger = createLogger({ level: levelFromEnv('info') });
let portico: RunningPortico;
try {
  // A second `npm start` on the same data directory is refused at once, before the app loads.
  if (!config.databaseUrl) await checkDataDirectoryFree(config.dataDir);
  const { startPortico } = await import('./app.js');
  portico = await startPortico(config, { logger });
} catch (error) {
  // Another Portico already uses the data directory: say so plainly, nothing was touched.
  if (error instanceof DataDirectoryInUseError) {
    logger.fatal(`Portico did not start. ${error.message}`);
    process.exit(1);
  }
  throw error;
}
logger.info(`Portico is running: portal ${config.publicUrl}/  console ${config.publicUrl}/admin  (listening on ${portico.url})`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: stopping Portico`);
    portico.stop().then(
      () => process.exit(0),
      (error) => {
        logger.error({ err: error }, 'Stopping failed');
        process.exit(1);
      },
    );
  });
}
