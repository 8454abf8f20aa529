/**
 * Runs the embedded PostgreSQL on its own (port PORTICO_EMBEDDED_DB_PORT, data in PORTICO_DATA_DIR),
 * for tools that need a database without the server, such as `npm run migration:create`.
 * The printed URL carries the password from PORTICO_DATA_DIR/pg-password.
 */
import { configFromEnv } from '../src/config.js';
import { DataDirectoryInUseError, EmbeddedPostgres } from '../src/db/embedded-postgres.js';

const config = configFromEnv();
const database = new EmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedDatabasePort, log: (line) => /FATAL|PANIC|ERROR/.test(line) && console.log(line), notice: console.log });
let url: string;
try {
  url = await database.start();
} catch (error) {
  if (error instanceof DataDirectoryInUseError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
await EmbeddedPostgres.createDatabase(url, 'portico');
console.log(`PostgreSQL ready: ${url.replace(/\/postgres$/, '/portico')} (Ctrl-C stops it)`);
const stop = () => void database.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
