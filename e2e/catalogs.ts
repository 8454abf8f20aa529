import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The shared components' texts (client-common), which the apps' `t` knows too; read as text like the catalogs. */
export function sharedMessageKeys(): string[] {
  const text = readFileSync(join(process.cwd(), 'client-common', 'src', 'messages.ts'), 'utf8');
  const english = text.slice(text.indexOf('const en = {'), text.indexOf('};'));
  return [...english.matchAll(/^\s*'([\w.]+)':/gm)].map((match) => match[1]);
}
