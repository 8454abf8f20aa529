import { DEFAULT_LANGUAGE, Language } from './language.js';
import { de } from './messages/de.js';
import { en, type Catalog, type MessageKey } from './messages/en.js';
import { es } from './messages/es.js';
import { fr } from './messages/fr.js';
import { it } from './messages/it.js';

export const CATALOGS: Record<Language, Catalog> = { en, fr, de, es, it };

export type MessageParams = Record<string, string | number>;

/** Renders a message key in a language, filling `{name}` placeholders. */
export function translate(language: Language | undefined, key: MessageKey, params: MessageParams = {}): string {
  const template = CATALOGS[language ?? DEFAULT_LANGUAGE][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export type { MessageKey };
