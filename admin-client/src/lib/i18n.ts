import { createI18n } from '@portico/client-common';
import { de } from '../i18n/de';
import { en } from '../i18n/en';
import { es } from '../i18n/es';
import { fr } from '../i18n/fr';
import { it } from '../i18n/it';

export type MessageKey = keyof typeof en;

// The sign-in page's choice is remembered in this browser, so the console opens in it next time.
const i18n = createI18n<MessageKey>({ EN: en, FR: fr, DE: de, ES: es, IT: it }, 'portico.admin.language');

export const t = i18n.t;
export const language = i18n.language;
export const setLanguage = i18n.setLanguage;

/** Dates and times in the console's language. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return t('common.never');
  return new Intl.DateTimeFormat(language().toLowerCase(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}
