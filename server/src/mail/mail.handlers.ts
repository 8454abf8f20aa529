import type { EntityManager } from '@mikro-orm/postgresql';
import { Contact } from '../contacts/contact.entity.js';
import type { DomainEventHandlers } from '../db/domain-events.js';
import type { SecretBox } from '../queue/secret-box.js';
import { loadSettings } from '../settings/settings.service.js';
import { TicketComment } from '../tickets/ticket-comment.entity.js';
import { TicketStatus } from '../tickets/ticket-status.js';
import { Ticket } from '../tickets/ticket.entity.js';
import { queueTicketReplyEmail, queueTicketResolvedEmail } from './ticket-emails.js';
import { queueWelcomeEmail } from './welcome-email.js';

export interface MailHandlerDeps {
  secrets: SecretBox;
  publicUrl: string;
}

/**
 * Which events send email. Each message is queued inside the change's transaction (outbox row and
 * send job), so a rolled-back change sends nothing and a committed one is never lost.
 */
export function sendMailOnEvents(handlers: DomainEventHandlers, deps: MailHandlerDeps): void {
  handlers.on('ticket.commentAdded', {
    async duringCommit(tx, event) {
      if (!event.notifyRequester || event.isInternal) return;
      const ticket = await ticketOf(tx, event.ticketId);
      const comment = await tx.findOneOrFail(TicketComment, event.commentId);
      await queueTicketReplyEmail(tx, deps, await loadSettings(tx), ticket, event.authorName, comment.body);
    },
  });
  handlers.on('ticket.statusChanged', {
    async duringCommit(tx, event) {
      if (!event.notifyRequester || event.to !== TicketStatus.RESOLVED) return;
      await queueTicketResolvedEmail(tx, deps, await loadSettings(tx), await ticketOf(tx, event.ticketId));
    },
  });
  handlers.on('contact.credentialsIssued', {
    async duringCommit(tx, { contactId, password, reissued }) {
      await queueWelcomeEmail(tx, deps, await tx.findOneOrFail(Contact, contactId), password, reissued);
    },
  });
}

/** The ticket as the change left it (already in the transaction's identity map: no query). */
function ticketOf(tx: EntityManager, id: string): Promise<Ticket> {
  return tx.findOneOrFail(Ticket, id);
}
