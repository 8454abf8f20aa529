import { startPortico } from './app.js';
import { configFromEnv } from './config.js';

const config = configFromEnv();
const portico = await startPortico(config);
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
