import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedMessages } from './messages';

// The shared components' texts: complete in every language, each used, none made up.
describe('shared messages', () => {
  const dir = join(process.cwd(), 'client-common', 'src');
  const code = readdirSync(dir)
    .filter((name) => /\.tsx?$/.test(name) && name !== 'messages.ts' && !name.endsWith('.test.ts'))
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('\n');
  const english = Object.keys(sharedMessages.EN);
  // The apps use shared texts too (a ticket's field names): through their own `t`, with literal keys.
  const appCode = ['portal-client', 'admin-client'].flatMap((app) => sourcesBelow(join(process.cwd(), app, 'src'))).join('\n');
  const keysUsedIn = (text: string) => new Set([...text.matchAll(/\bt\(\s*'([^']+)'/g)].map((match) => match[1]));
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

  it('has every key, non-empty and with the same placeholders, in all five languages', () => {
    expect(english.length).toBeGreaterThan(10);
    for (const catalog of Object.values(sharedMessages)) {
      expect(Object.keys(catalog).sort()).toEqual([...english].sort());
      for (const [key, text] of Object.entries(sharedMessages.EN)) {
        expect(catalog[key as keyof typeof catalog].trim(), key).not.toBe('');
        expect(placeholders(catalog[key as keyof typeof catalog]), key).toEqual(placeholders(text));
      }
    }
  });

  it('uses only literal keys it has, and every key it has is used here or in an app', () => {
    const used = keysUsedIn(code);
    expect([...used].filter((key) => !english.includes(key))).toEqual([]);
    const usedByApps = keysUsedIn(appCode);
    expect(english.filter((key) => !used.has(key) && !usedByApps.has(key))).toEqual([]);
  });
});

function sourcesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'gql' || name === 'i18n' ? [] : sourcesBelow(path);
    return /\.tsx?$/.test(name) ? [readFileSync(path, 'utf8')] : [];
  });
}
