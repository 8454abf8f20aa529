import { browserLanguage, createI18n, LANGUAGE_CODES, type LanguageCode } from '../../../client-common/src/i18n';
import { de } from '../i18n/de';
import { en, type MessageKey } from '../i18n/en';
import { es } from '../i18n/es';
import { fr } from '../i18n/fr';
import { it } from '../i18n/it';

const i18n = createI18n<MessageKey>({ EN: en, FR: fr, DE: de, ES: es, IT: it });

export const t = i18n.t;
export const language = i18n.language;

// The last language shown in this browser: the sign-in page opens in it next time.
const STORAGE_KEY = 'portico.portal.language';

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
    // Storage blocked (private mode): the choice lasts for this page only.
  }
}

/** The language of a signed-in person: their stored choice, else the browser's (PRODUCT.md F7). */
export function applyAccountLanguage(stored: LanguageCode | null | undefined) {
  setLanguage(stored ?? browserLanguage());
}

i18n.setLanguage(storedLanguage() ?? browserLanguage());
