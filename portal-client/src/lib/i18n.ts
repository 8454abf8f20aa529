import { browserLanguage, createI18n, type LanguageCode } from '@portico/client-common';
import { de } from '../i18n/de';
import { en, type MessageKey } from '../i18n/en';
import { es } from '../i18n/es';
import { fr } from '../i18n/fr';
import { it } from '../i18n/it';

// The last language shown in this browser: the sign-in page opens in it next time.
const i18n = createI18n<MessageKey>({ EN: en, FR: fr, DE: de, ES: es, IT: it }, 'portico.portal.language');

export const t = i18n.t;
export const language = i18n.language;
export const setLanguage = i18n.setLanguage;

/** The language of a signed-in person: their stored choice, else the browser's (PRODUCT.md F7). */
export function applyAccountLanguage(stored: LanguageCode | null | undefined) {
  setLanguage(stored ?? browserLanguage());
}

