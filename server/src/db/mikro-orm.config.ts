import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { fileURLToPath } from 'node:url';
import { migrationsList } from '../../../migrations/index.js';

// Resolves to <repo>/migrations from src/ and to dist/migrations once compiled.
const migrationsDir = fileURLToPath(new URL('../../../migrations', import.meta.url));

/** `entities`: every entity class, listed once in composition.ts (the migrations and the schema check use the same list). */
export function ormConfig(clientUrl: string, entities: NonNullable<Options['entities']>, overrides: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl,
    entities,
    extensions: [Migrator],
    discovery: { disableDynamicFileAccess: true },
    migrations: {
      path: migrationsDir,
      pathTs: migrationsDir,
      // Imported statically (not globbed) so they load the same under tsc output, swc-node and vitest.
      migrationsList,
      emit: 'ts',
      snapshotName: '.snapshot',
      transactional: true,
      allOrNothing: true,
      silent: true,
    },
    pool: { min: 0, max: 10 },
    debug: false,
    ...overrides,
  });
}
