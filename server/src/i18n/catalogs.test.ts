import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from './translate.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const LANGUAGES = ['en', 'fr', 'de', 'es', 'it'] as const;

function sourceFiles(dir: string, skip: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (skip.test(path)) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path, skip);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Every language has exactly the English keys, none empty, and placeholders match. */
function expectComplete(catalogs: Record<string, Record<string, string>>) {
  const english = Object.keys(catalogs.en).sort();
  for (const language of LANGUAGES) {
    const catalog = catalogs[language];
    expect(Object.keys(catalog).sort(), `${language} keys`).toEqual(english);
    for (const key of english) {
      expect(catalog[key].trim(), `${language} ${key}`).not.toBe('');
      const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(catalog[key]), `${language} ${key} placeholders`).toEqual(placeholders(catalogs.en[key]));
    }
  }
}

describe('server messages', () => {
  it('exist in all five languages', () => expectComplete(CATALOGS));

  it('are all used, and every key used exists', () => {
    const code = sourceFiles(join(root, 'server/src'), /(\.test\.ts$|\/i18n\/messages\/)/).map((f) => readFileSync(f, 'utf8')).join('\n');
    const known = Object.keys(CATALOGS.en);
    const prefixes = [...new Set(known.map((key) => key.split('.')[0]))].join('|');
    const used = new Set([...code.matchAll(new RegExp(`'((?:${prefixes})\\.[\\w.]+)'`, 'g'))].map((m) => m[1]));
    expect([...used].filter((key) => !known.includes(key)), 'used but missing').toEqual([]);
    expect(known.filter((key) => !used.has(key)), 'defined but unused').toEqual([]);
  });
});

for (const client of ['portal-client', 'admin-client']) {
  const i18nDir = join(root, client, 'src/i18n');
  describe.runIf(existsSync(join(i18nDir, 'en.ts')))(`${client} text`, () => {
    it('exists in all five languages', async () => {
      const catalogs = Object.fromEntries(
        await Promise.all(LANGUAGES.map(async (language) => [language, (await import(join(i18nDir, `${language}.ts`)))[language]] as const)),
      );
      expectComplete(catalogs);
    });

    it('is all used through t(), and every t() key exists', async () => {
      const { en } = await import(join(i18nDir, 'en.ts'));
      const code = sourceFiles(join(root, client, 'src'), /(\/gql\/|\/i18n\/)/).map((f) => readFileSync(f, 'utf8')).join('\n');
      const used = new Set([...code.matchAll(/\bt\(\s*['"`]([\w.-]+)['"`]/g)].map((m) => m[1]));
      const known = Object.keys(en);
      // The shared components' texts (client-common) are in every app's t too.
      const shared = Object.keys((await import(join(root, 'client-common', 'src', 'messages.ts'))).sharedMessages.EN);
      expect([...used].filter((key) => !known.includes(key) && !shared.includes(key)), 'used but missing').toEqual([]);
      expect(known.filter((key) => !used.has(key)), 'defined but unused').toEqual([]);
    });
  });
}
