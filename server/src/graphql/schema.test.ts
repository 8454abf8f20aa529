import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isUnionType, isScalarType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printPorticoSchema } from '../print-schema.js';
import { buildPorticoSchema } from '../composition.js';

describe('GraphQL schema', () => {
  it('matches the committed schema/schema.graphql (run `npm run schema:print` after changing the API)', async () => {
    const committed = readFileSync(fileURLToPath(new URL('../../../schema/schema.graphql', import.meta.url)), 'utf8');
    expect(await printPorticoSchema()).toBe(committed);
  });

  it('describes every type, field, argument and enum value', async () => {
    const schema = await buildPorticoSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || (isScalarType(type) && ['String', 'Boolean', 'Int', 'Float', 'ID'].includes(type.name))) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description && !type.description) missing.push(`${type.name}.${value.name}`);
      if (isUnionType(type) && !type.description) missing.push(type.name);
    }
    expect(missing).toEqual([]);
  });
});
