/**
 * `npm start` runs this before it builds: when another Portico already uses the data directory,
 * stop here, before the build replaces the files that instance is serving.
 */
import { configFromEnv } from '../src/config.js';
import { checkDataDirectoryFree, DataDirectoryInUseError } from '../src/db/embedded-postgres.js';

const config = configFromEnv();
try {
  if (!config.databaseUrl) await checkDataDirectoryFree(config.dataDir);
} catch (error) {
  if (error instanceof DataDirectoryInUseError) {
    console.error(`Portico did not start. ${error.message}`);
    process.exit(1);
  }
  throw error;
}
