import { createSignal } from 'solid-js';
import { sharedMessages, type SharedMessageKey } from './messages';

/** The Language enum of the GraphQL schema. */
export type LanguageCode = 'EN' | 'FR' | 'DE' | 'ES' | 'IT';
export const LANGUAGE_CODES: LanguageCode[] = ['EN', 'FR', 'DE', 'ES', 'IT'];

/** Each language named in itself, so people find theirs whatever the current language is. */
export const LANGUAGE_NAMES: Record<LanguageCode, string> = {
  EN: 'English',
  FR: 'Français',
  DE: 'Deutsch',
  ES: 'Español',
  IT: 'Italiano',
};

/** The first of the browser's preferred languages that Portico speaks, else English. */
export function browserLanguage(languages: readonly string[] = navigator.languages ?? [navigator.language]): LanguageCode {
  for (const tag of languages) {
    const code = tag.slice(0, 2).toUpperCase();
    if ((LANGUAGE_CODES as string[]).includes(code)) return code as LanguageCode;
  }
  return 'EN';
}

/**
 * A translator over typed catalogs: every catalog must have exactly the English keys (the
 * compiler checks), and `t` accepts only known keys: the app's and the shared components' texts
 * (client-common's messages.ts). `{name}` placeholders are filled from params.
 * The language last shown is remembered in this browser under `storageKey`, so the next visit
 * (the sign-in page included) opens in it; it starts from the browser's language otherwise.
 */
export function createI18n<Key extends string>(catalogs: Record<LanguageCode, Record<Key, string>>, storageKey: string) {
  const [language, setLanguageSignal] = createSignal<LanguageCode>(storedLanguage(storageKey) ?? browserLanguage());
  const merged = Object.fromEntries(
    Object.entries(catalogs).map(([code, catalog]) => [code, { ...sharedMessages[code as LanguageCode], ...catalog }]),
  ) as Record<LanguageCode, Record<Key | SharedMessageKey, string>>;
  const t = (key: Key | SharedMessageKey, params: Record<string, string | number> = {}): string =>
    merged[language()][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  const setLanguage = (code: LanguageCode) => {
    setLanguageSignal(code);
    document.documentElement.lang = code.toLowerCase();
    try {
      localStorage.setItem(storageKey, code);
    } catch {
      // Storage blocked (private mode): the choice lasts for this page only.
    }
  };
  setLanguage(language());
  return { language, setLanguage, t };
}

function storedLanguage(storageKey: string): LanguageCode | undefined {
  try {
    const value = localStorage.getItem(storageKey);
    return value && (LANGUAGE_CODES as string[]).includes(value) ? (value as LanguageCode) : undefined;
  } catch {
    return undefined;
  }
}
