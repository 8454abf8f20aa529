import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { addJob, type JobHandler } from '../queue/jobs.js';
import type { SecretBox } from '../queue/secret-box.js';
import { escapeHtml } from './html.js';
import type { Mailer } from './mailer.js';
import { OutboxMessage, OutboxStatus, SECRET_PLACEHOLDER } from './outbox-message.entity.js';

declare module '../queue/jobs.js' {
  interface JobPayloads {
    /** Sends one outbox message (its row holds the content and the delivery state). */
    'send-email': { messageId: string };
  }
}

export interface EmailToQueue {
  template: string;
  recipient: string;
  subject: string;
  text: string;
  html: string;
  /** Replaces SECRET_PLACEHOLDER in the bodies at send time; stored encrypted until then. */
  secret?: string;
  /** A Message-ID of the caller's choosing (e.g. carrying a reply token); default `<row id@host>`. */
  messageId?: string;
}

/**
 * Queues an email in the caller's transaction: the message row (what the console's outbox page
 * shows) and the job that sends it commit together, or not at all.
 */
export async function queueEmail(tx: EntityManager, secrets: SecretBox, email: EmailToQueue): Promise<OutboxMessage> {
  const message = tx.create(OutboxMessage, {
    template: email.template,
    recipient: email.recipient,
    subject: email.subject,
    textBody: email.text,
    htmlBody: email.html,
    sealedSecret: email.secret ? secrets.seal(email.secret) : null,
    messageId: email.messageId ?? null,
  });
  await scheduleSend(tx, message);
  return message;
}

/** The send job of a message; its key keeps one pending job per message whatever retries do. */
export function scheduleSend(tx: EntityManager, message: OutboxMessage): Promise<void> {
  return addJob(tx, 'send-email', { messageId: message.id }, { jobKey: `outbox:${message.id}`, runAt: message.nextAttemptAt });
}

export interface EmailDeliveryOptions {
  /** Delay before the first retry; doubles with every further attempt (capped at 1 hour). */
  retryBaseMs: number;
  maxAttempts: number;
  /** Host part of generated Message-IDs. */
  hostname: string;
}

export const DEFAULT_EMAIL_DELIVERY: Omit<EmailDeliveryOptions, 'hostname'> = { retryBaseMs: 5_000, maxAttempts: 10 };

/**
 * The `send-email` job. No lock or transaction is held while talking to the SMTP server: the job
 * queue already gives the message to one worker at a time. After a crash mid-send the job runs again
 * (the message is still QUEUED); the Message-ID is stable, so a receiver can de-duplicate the rare
 * crash between the SMTP server's acceptance and our marking the message SENT.
 */
export function sendEmailJob(orm: MikroORM, mailer: Mailer, secrets: SecretBox, options: EmailDeliveryOptions): JobHandler<'send-email'> {
  return async ({ messageId }) => {
    const em = orm.em.fork();
    const message = await em.findOne(OutboxMessage, messageId, { populate: ['sealedSecret'] });
    if (!message || message.status !== OutboxStatus.QUEUED) return; // sent, given up, or gone
    message.attempts += 1;
    try {
      const secret = message.sealedSecret ? secrets.open(message.sealedSecret) : '';
      await mailer.send({
        to: message.recipient,
        subject: message.subject,
        text: message.textBody.split(SECRET_PLACEHOLDER).join(secret),
        html: message.htmlBody.split(SECRET_PLACEHOLDER).join(escapeHtml(secret)),
        messageId: message.messageId ?? `<${message.id}@${options.hostname}>`,
      });
    } catch (error) {
      // The secret stays (encrypted) on failure, so an admin's retry can still deliver it.
      const giveUp = message.attempts >= options.maxAttempts;
      Object.assign(message, {
        lastError: error instanceof Error ? error.message.slice(0, 1000) : String(error),
        status: giveUp ? OutboxStatus.FAILED : OutboxStatus.QUEUED,
        nextAttemptAt: new Date(Date.now() + Math.min(options.retryBaseMs * 2 ** (message.attempts - 1), 3_600_000)),
      });
      await em.flush();
      // A crash before the retry is scheduled leaves this job unfinished, so it runs again anyway.
      if (!giveUp) await orm.em.fork().transactional((tx) => scheduleSend(tx as EntityManager, message));
      return;
    }
    Object.assign(message, { status: OutboxStatus.SENT, sentAt: new Date(), sealedSecret: null, lastError: null, transport: mailer.transport });
    await em.flush();
  };
}
