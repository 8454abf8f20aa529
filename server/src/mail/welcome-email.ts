import type { EntityManager } from '@mikro-orm/postgresql';
import type { Contact } from '../contacts/contact.entity.js';
import { DEFAULT_LANGUAGE } from '../i18n/language.js';
import { translate, type MessageKey } from '../i18n/translate.js';
import { escapeHtml } from './html.js';
import { SECRET_PLACEHOLDER } from './outbox-message.entity.js';
import { queueEmail } from './outbox.js';
import type { SecretBox } from '../queue/secret-box.js';
import { loadSettings, portalUrl } from '../settings/settings.service.js';

/**
 * Queues the welcome email (portal URL, username, password) in the contact's language, when the
 * setting is on. The password goes into the outbox encrypted and is wiped once sent.
 */
export async function queueWelcomeEmail(
  tx: EntityManager,
  deps: { secrets: SecretBox; publicUrl: string },
  contact: Contact,
  password: string,
  reissued: boolean,
): Promise<boolean> {
  const settings = await loadSettings(tx);
  if (!settings.welcomeEmailEnabled) return false;
  const language = contact.language ?? DEFAULT_LANGUAGE;
  const t = (key: MessageKey, params = {}) => translate(language, key, params);
  const url = `${portalUrl(settings, deps.publicUrl)}/`;
  const intro = t(reissued ? 'mail.welcome.reissuedIntro' : 'mail.welcome.intro');
  const rows: Array<[string, string]> = [
    [t('mail.welcome.portal'), url],
    [t('mail.welcome.username'), contact.username],
    [t('mail.welcome.password'), SECRET_PLACEHOLDER],
  ];
  const text = [
    t('mail.welcome.greeting', { name: contact.name }),
    '',
    intro,
    '',
    ...rows.map(([label, value]) => `${label}: ${value}`),
    '',
    t('mail.welcome.changeHint'),
    '',
    t('mail.welcome.signOff'),
  ].join('\n');
  const html = `<!doctype html><html lang="${language}"><body style="font-family:system-ui,sans-serif;color:#1f2937;line-height:1.5">
<p>${escapeHtml(t('mail.welcome.greeting', { name: contact.name }))}</p>
<p>${escapeHtml(intro)}</p>
<table style="border-collapse:collapse">${rows
    .map(([label, value]) => `<tr><th style="text-align:left;padding:4px 16px 4px 0">${escapeHtml(label)}</th><td style="font-family:monospace">${value === SECRET_PLACEHOLDER ? value : escapeHtml(value)}</td></tr>`)
    .join('')}</table>
<p><a href="${escapeHtml(url)}" style="display:inline-block;background:#2563eb;color:#fff;padding:8px 16px;border-radius:6px;text-decoration:none">${escapeHtml(t('mail.welcome.signIn'))}</a></p>
<p>${escapeHtml(t('mail.welcome.changeHint'))}</p>
<p>${escapeHtml(t('mail.welcome.signOff'))}</p>
</body></html>`;
  await queueEmail(tx, deps.secrets, {
    template: reissued ? 'credentials-reissued' : 'welcome',
    recipient: contact.email,
    subject: t(reissued ? 'mail.welcome.reissuedSubject' : 'mail.welcome.subject'),
    text,
    html,
    secret: password,
  });
  return true;
}
