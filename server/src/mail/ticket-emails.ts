import type { EntityManager } from '@mikro-orm/postgresql';
import { Contact } from '../contacts/contact.entity.js';
import { StandardTicketField } from '../fields/field-visibility.js';
import { DEFAULT_LANGUAGE } from '../i18n/language.js';
import { translate, type MessageKey } from '../i18n/translate.js';
import { queueEmail } from './outbox.js';
import type { SecretBox } from '../queue/secret-box.js';
import type { PortalSettings } from '../settings/portal-settings.entity.js';
import { portalUrl } from '../settings/settings.service.js';
import type { Ticket } from '../tickets/ticket.entity.js';
import { TicketVisibility } from '../tickets/ticket.visibility.js';
import { escapeHtml } from './html.js';
import { replyTokenKey, replyTokenMessageId } from './reply-token.js';

export interface TicketMailDeps {
  secrets: SecretBox;
  publicUrl: string;
}

/**
 * Emails to the requester of a ticket. They carry only what a contact may always see: number,
 * title, the public reply text. Internal notes never trigger mail, and the "resolved" mail is
 * skipped while the status is hidden from contacts. Their Message-ID carries a reply token for the
 * ticket and the recipient (`reply-token.ts`), which proves a reply to be the recipient's.
 */
export async function queueTicketReplyEmail(tx: EntityManager, deps: TicketMailDeps, settings: PortalSettings, ticket: Ticket, author: string, body: string) {
  await queueTicketEmail(tx, deps, settings, ticket, 'ticket-reply', (t) => [t('mail.ticket.replyIntro', { author }), '', body]);
}

export async function queueTicketResolvedEmail(tx: EntityManager, deps: TicketMailDeps, settings: PortalSettings, ticket: Ticket) {
  if (!TicketVisibility.forContact(settings, []).canSee(StandardTicketField.STATUS)) return;
  await queueTicketEmail(tx, deps, settings, ticket, 'ticket-resolved', (t) => [t('mail.ticket.resolvedIntro')]);
}

async function queueTicketEmail(
  tx: EntityManager,
  deps: TicketMailDeps,
  settings: PortalSettings,
  ticket: Ticket,
  template: string,
  content: (t: (key: MessageKey, params?: Record<string, string | number>) => string) => string[],
) {
  const contact = ticket.contact ? await tx.findOne(Contact, ticket.contact.id) : null;
  const recipient = contact?.email ?? ticket.requesterEmail;
  if (!recipient) return;
  const language = contact?.language ?? DEFAULT_LANGUAGE;
  const t = (key: MessageKey, params = {}) => translate(language, key, params);
  const link = contact ? `${portalUrl(settings, deps.publicUrl)}/tickets/${ticket.id}` : null;
  const lines = [
    contact ? t('mail.ticket.greeting', { name: contact.name }) : '',
    '',
    ...content(t),
    '',
    ...(link ? [`${t('mail.ticket.view')}: ${link}`, ''] : []),
    t('mail.ticket.replyHint', { number: ticket.number }),
    '',
    t('mail.ticket.signOff'),
  ];
  const html = `<!doctype html><html lang="${language}"><body style="font-family:system-ui,sans-serif;color:#1f2937;line-height:1.5">${lines
    .map((line) => (line === '' ? '' : `<p style="margin:0 0 4px;white-space:pre-wrap">${escapeHtml(line)}</p>`))
    .join('\n')}${link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(t('mail.ticket.view'))}</a></p>` : ''}</body></html>`;
  const replyTo = contact ? { contactId: contact.id } : { email: recipient };
  await queueEmail(tx, deps.secrets, {
    template,
    recipient,
    messageId: replyTokenMessageId(replyTokenKey(deps.secrets), ticket.id, replyTo, new URL(deps.publicUrl).hostname),
    subject: t('mail.ticket.subject', { number: ticket.number, title: ticket.title }),
    text: lines.join('\n').trim(),
    html,
  });
}
