/** Writes schema/schema.graphql from the code (`npm run schema:print`); a test fails when it is stale. */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printPorticoSchema } from '../src/print-schema.js';

const target = fileURLToPath(new URL('../../schema/schema.graphql', import.meta.url));
writeFileSync(target, await printPorticoSchema());
console.log('Wrote schema/schema.graphql');
