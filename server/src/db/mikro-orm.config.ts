import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { fileURLToPath } from 'node:url';
import { migrationsList } from '../../../migrations/index.js';
import { entities } from './entities.js';

// Resolves to <repo>/migrations from src/ and to dist/migrations once compiled.
const migrationsDir = fileURLToPath(new URL('../../../migrations', import.meta.url));

export function ormConfig(clientUrl: string, overrides: Partial<Options> = {}): Options {
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

/** Used by the MikroORM CLI (`npm run migration:create`). */
export default ormConfig(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:54329/portico');
