/**
 * Portico as `npm start` runs it, for benchmarks that need the server in a process of its own
 * (memory, CPU): the same startPortico, with the per-caller rate budgets lifted. They would rightly
 * slow one technician sending a thousand commands a minute; the benchmark measures the pipeline.
 */
import { startPortico } from '../server/src/app.js';
import { configFromEnv } from '../server/src/config.js';
import { createLogger } from '../server/src/logging/logger.js';

const config = configFromEnv();
const portico = await startPortico(config, { logger: createLogger({ level: 'warn' }), limits: { budget: { staff: 1e12, person: 1e12, anonymous: 1e12 } } });
console.log(`Portico is running (bench) on ${portico.url}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void portico.stop().then(() => process.exit(0)));
