import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { convert as htmlToText } from 'html-to-text';
import { simpleParser, type Attachment, type ParsedMail } from 'mailparser';
import { contactPrincipal } from '../auth/principal.js';
import { Contact } from '../contacts/contact.entity.js';
import { createContact } from '../contacts/contact.service.js';
import { CustomerDomain } from '../customers/customer-domain.entity.js';
import type { RecordEvent } from '../db/domain-events.js';
import { inTransaction } from '../db/transaction.js';
import type { AppServices } from '../context.js';
import { loadSettings } from '../settings/settings.service.js';
import type { TicketComment } from '../tickets/ticket-comment.entity.js';
import { ticketPolicy } from '../tickets/ticket.policy.js';
import { MAX_ATTACHMENT_BYTES } from '../tickets/attachment-rules.js';
import { addComment, addRequesterEmailReply, attachFromEmail, openTicketFromEmail } from '../tickets/ticket.service.js';
import type { AddTicketCommentInput } from '../tickets/ticket.types.js';
import { TicketVisibility } from '../tickets/ticket.visibility.js';
import { Ticket } from '../tickets/ticket.entity.js';
import { HeldReason, InboundMessage, InboundOutcome, type HeldAttachmentInfo } from './inbound-message.entity.js';
import { findReplyTokens, replyTokenKey, verifyReplyToken, type ReplyRecipient, type ReplyToken } from './reply-token.js';
import { authenticateSender, createMailDnsResolver } from './sender-authentication.js';

export interface InboundResult {
  outcome: InboundOutcome;
  ticketId?: string;
  reason?: string;
  /** The held message's id, when the sender could not be verified. */
  heldId?: string;
}

const TICKET_REFERENCE = /\[#(\d{1,9})\]/;
/** How many tickets named by reply tokens are looked at when the subject names none. */
const MAX_TOKEN_TICKETS = 5;

/** What a message says, read once from the MIME message; the same for a received and an accepted held message. */
export interface InboundContent {
  sender: string;
  displayName: string | null;
  subject: string;
  /** Plain text (HTML converted), or the subject when there is no text. */
  body: string;
  attachments: Attachment[];
}

/**
 * Turns one raw MIME message into a ticket or a reply (PRODUCT.md F1/F2): a known contact's mail,
 * or a new contact's when a customer owns the sender's domain, or an unassigned ticket for an
 * unknown domain. A subject with [#number] adds a reply when the sender may see that ticket.
 * Auto-replies, mail loops and re-deliveries (same Message-ID) are ignored.
 *
 * The From: header proves nothing, so mail claiming to come from an existing contact (or from the
 * requester of the ticket it answers) counts as theirs only with a reply token valid for that
 * ticket and that sender (`reply-token.ts`), or a DMARC pass with aligned DKIM for the sender's
 * domain (`sender-authentication.ts`). Otherwise it is HELD for a technician, and nobody else
 * learns of it: no comment, no ticket, no event.
 */
export async function receiveMail(orm: MikroORM, services: AppServices, raw: Buffer | string): Promise<InboundResult> {
  const bytes = Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
  const mail = await simpleParser(bytes);
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
  const content = readContent(mail, from!, subject);
  const judgement = await judgeSender(em, services, bytes, mail, content);

  return inTransaction(em, services.domainEvents, async (tx, record) => {
    const reference = judgement.reference ? await tx.findOne(Ticket, judgement.reference.id) : null;
    if (judgement.verdict === 'hold') {
      const held = tx.create(InboundMessage, {
        messageId,
        fromAddress: content.sender,
        subject,
        outcome: InboundOutcome.HELD,
        reason: judgement.reason,
        ticket: reference,
        bodyText: content.body.slice(0, 100_000),
        rawMessage: bytes,
        attachments: keptAttachments(content.attachments).map(({ filename, contentType, size }): HeldAttachmentInfo => ({ filename, contentType, size })),
        checks: judgement.checks,
      });
      await tx.flush();
      // Deliberately no event: a held message is not part of any ticket until a technician accepts it.
      return { outcome: InboundOutcome.HELD, reason: judgement.reason, ticketId: reference?.id, heldId: held.id };
    }
    const delivered = await deliver(tx, record, services, content, reference);
    tx.create(InboundMessage, { messageId, fromAddress: content.sender, subject, outcome: delivered.outcome, ticket: delivered.ticket });
    await tx.flush();
    return { outcome: delivered.outcome, ticketId: delivered.ticket.id };
  });
}

/** Sender, subject, plain-text body and attachments of a parsed message. */
export function readContent(mail: ParsedMail, sender: string, subject: string): InboundContent {
  // Stored as plain text only: HTML mail is converted, so no markup or script ever reaches a page.
  const text = mail.text?.trim() || (mail.html ? htmlToText(mail.html, { wordwrap: false, selectors: [{ selector: 'img', format: 'skip' }] }).trim() : '');
  return {
    sender,
    displayName: mail.from?.value[0]?.name?.trim() || null,
    subject,
    body: text || subject || '(no text)',
    attachments: mail.attachments ?? [],
  };
}

type Judgement =
  | { verdict: 'deliver'; reference: Ticket | null }
  | { verdict: 'hold'; reference: Ticket | null; reason: HeldReason; checks: string };

/**
 * Whether the message may be taken as the sender's, and which ticket it answers: the subject's
 * [#number], or (without one) the ticket of a reply token valid for this sender. Runs before the
 * write transaction because the DKIM/DMARC check waits for DNS.
 */
async function judgeSender(em: EntityManager, services: AppServices, raw: Buffer, mail: ParsedMail, content: InboundContent): Promise<Judgement> {
  const { sender, subject } = content;
  const key = replyTokenKey(services.secrets);
  const tokens = findReplyTokens([mail.inReplyTo, ...[mail.references ?? []].flat()]);
  const contact = await em.findOne(Contact, { email: sender }, { populate: ['account', 'customer'] });
  const recipientFor = (ticket: Ticket): ReplyRecipient | null =>
    contact ? { contactId: contact.id } : ticket.requesterEmail === sender ? { email: sender } : null;
  const tokenFits = (ticket: Ticket, candidates: ReplyToken[] = tokens) => {
    const recipient = recipientFor(ticket);
    return !!recipient && candidates.some((token) => verifyReplyToken(key, token, ticket.id, recipient));
  };

  const number = TICKET_REFERENCE.exec(subject)?.[1];
  let reference = number ? await em.findOne(Ticket, { number: Number(number) }) : null;
  if (!number) {
    // No [#number] in the subject (somebody edited it): a valid reply token names the ticket.
    const ticketIds = [...new Set(tokens.map((token) => token.ticketId))].slice(0, MAX_TOKEN_TICKETS);
    for (const ticket of ticketIds.length ? await em.find(Ticket, { id: { $in: ticketIds } }) : []) {
      if (tokenFits(ticket)) {
        reference = ticket;
        break;
      }
    }
  }

  // Only a claim to be somebody Portico knows needs proof; strangers keep today's rules.
  const claimsKnownSender = !!contact || (!!reference && reference.requesterEmail === sender);
  if (!claimsKnownSender) return { verdict: 'deliver', reference };
  // A deactivated contact (or a contact of a deactivated customer) has no say, token or not.
  if (contact && (contact.account.getEntity().deactivatedAt || contact.customer.getEntity().deactivatedAt)) {
    return { verdict: 'hold', reference, reason: reference ? HeldReason.UNVERIFIED_REPLY : HeldReason.UNVERIFIED_NEW_TICKET, checks: 'the sender’s portal access is deactivated' };
  }
  if (reference && tokenFits(reference)) return { verdict: 'deliver', reference };
  const authentication = await authenticateSender(raw, sender, createMailDnsResolver(services.config.dnsServers));
  if (authentication.dmarcPass) return { verdict: 'deliver', reference };
  const token = tokens.length ? 'reply token not valid for this ticket and sender' : 'no reply token';
  return {
    verdict: 'hold',
    reference,
    reason: reference ? HeldReason.UNVERIFIED_REPLY : HeldReason.UNVERIFIED_NEW_TICKET,
    checks: `${token}; ${authentication.summary}`.slice(0, 500),
  };
}

/**
 * Delivers a message whose sender is established (verified, a stranger, or accepted by a
 * technician): a reply when the sender may answer the referenced ticket, otherwise a new ticket
 * (for the contact, a new contact at a customer's domain, or unassigned). Through the ticket
 * service, like the portal's replies and tickets.
 */
export async function deliver(tx: EntityManager, record: RecordEvent, services: AppServices, content: InboundContent, reference: Ticket | null): Promise<{ outcome: InboundOutcome; ticket: Ticket }> {
  const { sender, body } = content;
  const settings = await loadSettings(tx);
  let contact = await tx.findOne(Contact, { email: sender });
  if (reference) {
    if (contact) {
      const principal = contactPrincipal(contact);
      const mayReply = (await tx.count(Ticket, { $and: [{ id: reference.id }, ticketPolicy.scope(principal, settings)] })) > 0 && ticketPolicy.canReply(principal, reference);
      if (mayReply) {
        const write = { tx, record, principal, settings, visibility: TicketVisibility.standardOnly(principal, settings) };
        const input: AddTicketCommentInput = { ticketId: reference.id, body: body.slice(0, 100_000), isInternal: false };
        const comment = await addComment(write, reference, input);
        keepAttachments(tx, content.attachments, reference, comment);
        return { outcome: InboundOutcome.REPLY, ticket: reference };
      }
    } else if (reference.requesterEmail === sender) {
      const comment = await addRequesterEmailReply(tx, record, reference, sender, body);
      keepAttachments(tx, content.attachments, reference, comment);
      return { outcome: InboundOutcome.REPLY, ticket: reference };
    }
    // Not theirs or unknown number: treated as a new request rather than silently dropped.
  }

  if (!contact) contact = await attachNewContact(tx, record, services, content);
  const title = content.subject.replace(TICKET_REFERENCE, '').trim() || body.split('\n')[0] || '(no subject)';
  const ticket = await openTicketFromEmail(tx, record, { contact, email: sender }, title, body);
  keepAttachments(tx, content.attachments, ticket, null);
  return { outcome: InboundOutcome.NEW_TICKET, ticket };
}

/** A new contact for a sender whose domain a customer owns (with the welcome email, if on). */
async function attachNewContact(tx: EntityManager, record: RecordEvent, services: AppServices, content: InboundContent): Promise<Contact | null> {
  const { sender } = content;
  const domain = sender.split('@')[1];
  const owner = domain ? await tx.findOne(CustomerDomain, { domain }, { populate: ['customer'] }) : null;
  if (!owner) return null;
  const displayName = content.displayName || sender.split('@')[0];
  const issued = await createContact(tx, record, owner.customer.getEntity(), { customerId: owner.customer.id, name: displayName.slice(0, 200), email: sender, isPrimary: false });
  return issued.contact;
}

/** The attachments people sent (not the inline images of HTML bodies), within the size limit. */
function keptAttachments(attachments: Attachment[]) {
  return attachments
    .filter((attachment) => attachment.size <= MAX_ATTACHMENT_BYTES && !attachment.related)
    .map((attachment) => ({
      filename: (attachment.filename ?? 'attachment').slice(0, 255),
      contentType: (attachment.contentType ?? 'application/octet-stream').slice(0, 255),
      size: attachment.size,
      content: attachment.content,
    }));
}

function keepAttachments(tx: EntityManager, attachments: Attachment[], ticket: Ticket, comment: TicketComment | null) {
  for (const attachment of keptAttachments(attachments)) attachFromEmail(tx, ticket, comment, attachment);
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
