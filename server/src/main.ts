import type { RunningPortico } from './app.js';
import { configFromEnv } from './config.js';
import { checkDataDirectoryFree, DataDirectoryInUseError } from './db/embedded-postgres.js';

const config = configFromEnv();
let portico: RunningPortico;
try {
  // A second `npm start` on the same data directory is refused at once, before the app loads.
  if (!config.databaseUrl) await checkDataDirectoryFree(config.dataDir);
  const { startPortico } = await import('./app.js');
  portico = await startPortico(config);
} catch (error) {
  // Another Portico already uses the data directory: say so plainly, nothing was touched.
  if (error instanceof DataDirectoryInUseError) {
    console.error(`Portico did not start. ${error.message}`);
    process.exit(1);
  }
  throw error;
}
console.log(`Portico is running: portal ${config.publicUrl}/  console ${config.publicUrl}/admin  (listening on ${portico.url})`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping Portico`);
    portico.stop().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
