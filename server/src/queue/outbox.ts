import { LockMode } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Emit } from '../db/transaction.js';
import { escapeHtml } from '../mail/html.js';
import type { Mailer } from '../mail/mailer.js';
import type { EventBus } from '../pubsub/event-bus.js';
import { OutboxMessage, OutboxStatus, SECRET_PLACEHOLDER } from './outbox-message.entity.js';
import type { SecretBox } from './secret-box.js';

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

/** Queues an email in the caller's transaction; the worker sends it after the commit. */
export function queueEmail(tx: EntityManager, emit: Emit, secrets: SecretBox, email: EmailToQueue): OutboxMessage {
  const message = tx.create(OutboxMessage, {
    template: email.template,
    recipient: email.recipient,
    subject: email.subject,
    textBody: email.text,
    htmlBody: email.html,
    sealedSecret: email.secret ? secrets.seal(email.secret) : null,
    messageId: email.messageId ?? null,
  });
  emit('OUTBOX_QUEUED', { id: message.id });
  return message;
}

export interface OutboxWorkerOptions {
  /** Delay before the first retry; doubles with every further attempt (capped at 1 hour). */
  retryBaseMs: number;
  maxAttempts: number;
  /** Safety net: the worker also looks for due messages this often, in case a wake-up was missed. */
  pollMs: number;
}

export const DEFAULT_OUTBOX_OPTIONS: OutboxWorkerOptions = { retryBaseMs: 5_000, maxAttempts: 10, pollMs: 2_000 };

/**
 * Sends due outbox messages. Each message is claimed with SELECT … FOR UPDATE SKIP LOCKED and the
 * row lock is held while sending, so any number of instances can run workers and a message is
 * handled by one at a time. A crash before the commit releases the lock and leaves the message
 * QUEUED, so it is sent after the restart; the Message-ID is stable for receivers to de-duplicate
 * the rare crash between the SMTP acceptance and the commit.
 */
export class OutboxWorker {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;
  private unsubscribe?: () => void;

  constructor(
    private readonly orm: MikroORM,
    private readonly mailer: Mailer,
    private readonly secrets: SecretBox,
    private readonly events: EventBus,
    private readonly options: OutboxWorkerOptions = DEFAULT_OUTBOX_OPTIONS,
    private readonly hostname = 'portico.local',
  ) {}

  start(): void {
    const iterator = this.events.subscribe('OUTBOX_QUEUED')[Symbol.asyncIterator]();
    const listen = async () => {
      while (!this.stopped) {
        const next = await iterator.next();
        if (next.done) return;
        this.wake();
      }
    };
    void listen();
    this.unsubscribe = () => void iterator.return?.();
    this.timer = setInterval(() => this.wake(), this.options.pollMs);
    this.timer.unref();
    this.wake();
  }

  /** Runs a pass now, or right after the current one. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .then(() => undefined)
      .catch((error: Error) => console.error('Outbox pass failed:', error.message))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.unsubscribe?.();
    await this.running;
    this.mailer.close();
  }

  /** Sends every due message, one transaction each. Returns how many were handled. */
  async drain(): Promise<number> {
    let handled = 0;
    while (!this.stopped && (await this.sendOne())) handled++;
    return handled;
  }

  private async sendOne(): Promise<boolean> {
    const em = this.orm.em.fork();
    return em.transactional(async (tx) => {
      const [message] = await tx.find(
        OutboxMessage,
        { status: OutboxStatus.QUEUED, nextAttemptAt: { $lte: new Date() } },
        { orderBy: { nextAttemptAt: 'asc' }, limit: 1, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, populate: ['sealedSecret'] },
      );
      if (!message) return false;
      message.attempts += 1;
      try {
        const secret = message.sealedSecret ? this.secrets.open(message.sealedSecret) : '';
        await this.mailer.send({
          to: message.recipient,
          subject: message.subject,
          text: message.textBody.split(SECRET_PLACEHOLDER).join(secret),
          html: message.htmlBody.split(SECRET_PLACEHOLDER).join(escapeHtml(secret)),
          messageId: message.messageId ?? `<${message.id}@${this.hostname}>`,
        });
        Object.assign(message, { status: OutboxStatus.SENT, sentAt: new Date(), sealedSecret: null, lastError: null, transport: this.mailer.transport });
      } catch (error) {
        // The secret stays (encrypted) on failure, so an admin's retry can still deliver it.
        const giveUp = message.attempts >= this.options.maxAttempts;
        const delay = Math.min(this.options.retryBaseMs * 2 ** (message.attempts - 1), 3_600_000);
        Object.assign(message, {
          lastError: error instanceof Error ? error.message.slice(0, 1000) : String(error),
          status: giveUp ? OutboxStatus.FAILED : OutboxStatus.QUEUED,
          nextAttemptAt: new Date(Date.now() + delay),
        });
      }
      return true;
    });
  }
}
