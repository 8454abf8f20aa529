import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildPorticoSchema } from './composition.js';

/** The committed SDL: sorted, so the file only changes when the schema does. */
export async function printPorticoSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildPorticoSchema()))}\n`;
}
