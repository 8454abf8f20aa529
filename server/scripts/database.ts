/**
 * Runs the embedded PostgreSQL on its own (port PORTICO_EMBEDDED_DB_PORT, data in PORTICO_DATA_DIR),
 * for tools that need a database without the server, such as `npm run migration:create`.
 */
import { configFromEnv } from '../src/config.js';
import { EmbeddedPostgres } from '../src/db/embedded-postgres.js';

const config = configFromEnv();
const database = new EmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedDatabasePort });
const url = await database.start();
await EmbeddedPostgres.createDatabase(url, 'portico');
console.log(`PostgreSQL ready: ${url.replace(/\/postgres$/, '/portico')} (Ctrl-C stops it)`);
const stop = () => void database.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
