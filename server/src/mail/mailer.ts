import nodemailer, { type Transporter } from 'nodemailer';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per outbox row, so a receiver can spot a rare duplicate after a crash mid-send. */
  messageId: string;
}

/** The outside mail service, behind a small interface (DESIGN.md adapters). */
export interface Mailer {
  readonly transport: 'smtp' | 'sink';
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

/** Sends through any SMTP server given as a URL (smtp://user:pass@host:port, smtps://…). */
export class SmtpMailer implements Mailer {
  readonly transport = 'smtp' as const;
  private readonly transporter: Transporter;

  constructor(url: string, private readonly from: string) {
    this.transporter = nodemailer.createTransport(url);
  }

  async send(email: OutgoingEmail): Promise<void> {
    await this.transporter.sendMail({ from: this.from, ...email, messageId: email.messageId });
  }

  close(): void {
    this.transporter.close();
  }
}

/**
 * Development sink when SMTP_URL is unset: nothing leaves; the outbox row itself, visible to admins
 * in the console, is the record of what would have been sent.
 */
export class SinkMailer implements Mailer {
  readonly transport = 'sink' as const;
  async send(): Promise<void> {}
  close(): void {}
}

export function createMailer(smtpUrl: string | undefined, from: string): Mailer {
  return smtpUrl ? new SmtpMailer(smtpUrl, from) : new SinkMailer();
}
