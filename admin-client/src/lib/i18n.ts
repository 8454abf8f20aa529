import { browserLanguage, createI18n, type LanguageCode, LANGUAGE_CODES } from '../../../client-common/src/i18n';
import { de } from '../i18n/de';
import { en } from '../i18n/en';
import { es } from '../i18n/es';
import { fr } from '../i18n/fr';
import { it } from '../i18n/it';

export type MessageKey = keyof typeof en;

const i18n = createI18n<MessageKey>({ EN: en, FR: fr, DE: de, ES: es, IT: it });

export const t = i18n.t;
export const language = i18n.language;

// The sign-in page's choice is remembered in this browser, so the console opens in it next time.
const STORAGE_KEY = 'portico.admin.language';

function storedLanguage(): LanguageCode | undefined {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value && (LANGUAGE_CODES as string[]).includes(value) ? (value as LanguageCode) : undefined;
  } catch {
    return undefined;
  }
}

export function setLanguage(code: LanguageCode) {
  i18n.setLanguage(code);
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}

i18n.setLanguage(storedLanguage() ?? browserLanguage());

/** Dates and times in the console's language. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return t('common.never');
  return new Intl.DateTimeFormat(language().toLowerCase(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}
