import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { convert as htmlToText } from 'html-to-text';
import { simpleParser, type ParsedMail } from 'mailparser';
import { contactPrincipal, type Principal } from '../auth/principal.js';
import { Contact } from '../contacts/contact.entity.js';
import { createContact } from '../contacts/contact.service.js';
import { CustomerDomain } from '../customers/customer-domain.entity.js';
import { inTransaction, type Emit } from '../db/transaction.js';
import type { AppServices } from '../graphql/context.js';
import { loadSettings } from '../settings/settings.service.js';
import { TicketAttachment } from '../tickets/ticket-attachment.entity.js';
import { TicketComment } from '../tickets/ticket-comment.entity.js';
import { TicketSource } from '../tickets/ticket.enums.js';
import { ticketPolicy } from '../tickets/ticket.policy.js';
import { TicketStatus } from '../tickets/ticket-status.js';
import { TicketStatusChange } from '../tickets/ticket-status-change.entity.js';
import { Ticket } from '../tickets/ticket.entity.js';
import { InboundMessage, InboundOutcome } from './inbound-message.entity.js';
import { queueWelcomeEmail } from './welcome-email.js';

export interface InboundResult {
  outcome: InboundOutcome;
  ticketId?: string;
  reason?: string;
}

const TICKET_REFERENCE = /\[#(\d{1,9})\]/;
const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/**
 * Turns one raw MIME message into a ticket or a reply (PRODUCT.md F1/F2): a known contact's mail,
 * or a new contact's when a customer owns the sender's domain, or an unassigned ticket for an
 * unknown domain. A subject with [#number] adds a reply when the sender may see that ticket.
 * Auto-replies, mail loops and re-deliveries (same Message-ID) are ignored.
 */
export async function receiveMail(orm: MikroORM, services: AppServices, raw: Buffer | string): Promise<InboundResult> {
  const mail = await simpleParser(raw);
  const from = mail.from?.value[0]?.address?.trim().toLowerCase();
  const messageId = (mail.messageId ?? `<no-id-${Date.now()}-${Math.random()}>`).slice(0, 998);
  const subject = (mail.subject ?? '').trim().slice(0, 998);
  const em = orm.em.fork();
  if (await em.count(InboundMessage, { messageId })) return { outcome: InboundOutcome.IGNORED, reason: 'duplicate' };

  const ignoreReason = !from ? 'no sender' : automatedReason(mail, services.config.mailFrom);
  if (ignoreReason) {
    em.create(InboundMessage, { messageId, fromAddress: from ?? '', subject, outcome: InboundOutcome.IGNORED, reason: ignoreReason });
    await em.flush();
    return { outcome: InboundOutcome.IGNORED, reason: ignoreReason };
  }
  const sender = from!;
  // Stored as plain text only: HTML mail is converted, so no markup or script ever reaches a page.
  const text = mail.text?.trim() || (mail.html ? htmlToText(mail.html, { wordwrap: false, selectors: [{ selector: 'img', format: 'skip' }] }).trim() : '');
  const body = text || subject;

  return inTransaction(em, services.events, async (tx, emit) => {
    const settings = await loadSettings(tx);
    let contact = await tx.findOne(Contact, { email: sender });
    const reference = TICKET_REFERENCE.exec(subject);
    if (reference) {
      const ticket = await tx.findOne(Ticket, { number: Number(reference[1]) });
      const principal: Principal | null = contact ? contactPrincipal(contact) : null;
      const mayReply = ticket && (principal
        ? (await tx.count(Ticket, { $and: [{ id: ticket.id }, ticketPolicy.scope(principal, settings)] })) > 0 && ticketPolicy.canReply(principal, ticket)
        : ticket.requesterEmail === sender);
      if (ticket && mayReply) {
        const comment = tx.create(TicketComment, { ticket, body, authorContact: contact, authorEmail: contact ? null : sender });
        ticket.lastActivityAt = new Date();
        if (ticket.status === TicketStatus.PENDING) {
          tx.create(TicketStatusChange, { ticket, fromStatus: ticket.status, toStatus: TicketStatus.OPEN, actorKind: 'contact', actorName: contact?.name ?? sender });
          ticket.status = TicketStatus.OPEN;
        }
        keepAttachments(tx, mail, ticket, comment);
        tx.create(InboundMessage, { messageId, fromAddress: sender, subject, outcome: InboundOutcome.REPLY, ticket });
        await tx.flush();
        emit('TICKET_CHANGED', { ticketId: ticket.id });
        return { outcome: InboundOutcome.REPLY, ticketId: ticket.id };
      }
      // Not theirs or unknown number: treated as a new request rather than silently dropped.
    }

    if (!contact) contact = await attachNewContact(tx, emit, services, sender, mail);
    const ticket = tx.create(Ticket, {
      title: (subject.replace(TICKET_REFERENCE, '').trim() || body.split('\n')[0] || '(no subject)').slice(0, 300),
      description: body.slice(0, 100_000),
      source: TicketSource.EMAIL,
      customer: contact ? contact.customer : null,
      contact,
      requesterEmail: contact ? null : sender,
    });
    tx.create(TicketStatusChange, { ticket, toStatus: TicketStatus.OPEN, actorKind: contact ? 'contact' : 'email', actorName: contact?.name ?? sender });
    keepAttachments(tx, mail, ticket, null);
    tx.create(InboundMessage, { messageId, fromAddress: sender, subject, outcome: InboundOutcome.NEW_TICKET, ticket });
    await tx.flush();
    emit('TICKET_CHANGED', { ticketId: ticket.id });
    return { outcome: InboundOutcome.NEW_TICKET, ticketId: ticket.id };
  });
}

/** A new contact for a sender whose domain a customer owns (with the welcome email, if on). */
async function attachNewContact(tx: EntityManager, emit: Emit, services: AppServices, sender: string, mail: ParsedMail): Promise<Contact | null> {
  const domain = sender.split('@')[1];
  const owner = domain ? await tx.findOne(CustomerDomain, { domain }, { populate: ['customer'] }) : null;
  if (!owner) return null;
  const displayName = mail.from?.value[0]?.name?.trim() || sender.split('@')[0];
  const issued = await createContact(tx, owner.customer.getEntity(), { customerId: owner.customer.id, name: displayName.slice(0, 200), email: sender, isPrimary: false });
  await queueWelcomeEmail(tx, emit, { secrets: services.secrets, publicUrl: services.config.publicUrl }, issued.contact, issued.password, false);
  return issued.contact;
}

function keepAttachments(tx: EntityManager, mail: ParsedMail, ticket: Ticket, comment: TicketComment | null) {
  for (const attachment of mail.attachments ?? []) {
    if (attachment.size > MAX_ATTACHMENT_BYTES || attachment.related) continue; // inline images of HTML bodies are not files people sent
    tx.create(TicketAttachment, {
      ticket,
      comment,
      filename: (attachment.filename ?? 'attachment').slice(0, 255),
      contentType: (attachment.contentType ?? 'application/octet-stream').slice(0, 255),
      size: attachment.size,
      content: attachment.content,
    });
  }
}

/** Why a message is machine-made (auto-reply, bulk, bounce, our own mail), or undefined. */
function automatedReason(mail: ParsedMail, ourFrom: string): string | undefined {
  const header = (name: string) => String(mail.headers.get(name) ?? '').toLowerCase();
  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted && autoSubmitted !== 'no') return 'auto-submitted';
  if (mail.headers.has('x-autoreply') || mail.headers.has('x-autorespond') || mail.headers.has('x-auto-response-suppress')) return 'auto-reply';
  if (['bulk', 'junk', 'list', 'auto_reply'].includes(header('precedence'))) return 'bulk';
  const sender = mail.from?.value[0]?.address?.toLowerCase() ?? '';
  if (/^(mailer-daemon|postmaster|no-?reply)@/.test(sender)) return 'system sender';
  const ours = /<([^>]+)>/.exec(ourFrom)?.[1] ?? ourFrom;
  if (sender === ours.trim().toLowerCase()) return 'loop';
  return undefined;
}
