import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/harness.js';
import { entities } from '../composition.js';
import { ormConfig } from './mikro-orm.config.js';

describe('migrations', () => {
  let orm: MikroORM;

  beforeAll(async () => {
    orm = await MikroORM.init(ormConfig(await createTestDatabase(), entities));
    await orm.getMigrator().up();
  });
  afterAll(() => orm.close(true));

  it('build exactly the schema the entities describe', async () => {
    // Any entity change without a migration shows up here as pending DDL.
    const pending = await orm.schema.getUpdateSchemaSQL({ wrap: false });
    expect(pending.trim()).toBe('');
  });

  it('leave nothing pending after running', async () => {
    expect(await orm.getMigrator().getPendingMigrations()).toEqual([]);
    expect((await orm.getMigrator().getExecutedMigrations()).length).toBeGreaterThan(0);
  });
});
