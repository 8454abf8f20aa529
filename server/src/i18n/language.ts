import { registerEnumType } from 'type-graphql';

/** The languages of the portal, the console, emails and errors (PRODUCT.md F7). */
export enum Language {
  EN = 'en',
  FR = 'fr',
  DE = 'de',
  ES = 'es',
  IT = 'it',
}

registerEnumType(Language, { name: 'Language', description: 'A language Portico speaks: English, French, German, Spanish or Italian.' });

export const LANGUAGES = Object.values(Language);
export const DEFAULT_LANGUAGE = Language.EN;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as string[]).includes(value);
}

/** Picks the best supported language from an HTTP Accept-Language header (q-values honoured). */
export function negotiateLanguage(acceptLanguage: string | undefined | null): Language | undefined {
  if (!acceptLanguage) return undefined;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { base: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((entry) => entry.base).find(isLanguage);
}
