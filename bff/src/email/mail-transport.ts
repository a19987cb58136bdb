import { setTimeout } from 'node:timers/promises';
import { createTransport, type SendMailOptions } from 'nodemailer';
import type { DevMailbox } from './dev-mailbox';

/** The part of a nodemailer transporter the outbox uses; tests pass a fake. */
export interface MailTransport {
  sendMail(mail: SendMailOptions): Promise<{ messageId: string }>;
  close(): void;
}

export type MailTransportConfig = Readonly<{
  /** e.g. smtp://user:pass@host:587 or smtps://…:465; without it mail goes to the dev mailbox. */
  smtpUrl?: string | undefined;
  mailbox: DevMailbox;
  /** How long the dev mailbox takes to take a message: tests widen an outbox batch's window with it. */
  mailboxLatencyMs?: number;
}>;

/** Mail goes out by SMTP when a server is configured; otherwise it lands in the development mailbox. */
export function createMailTransport(config: MailTransportConfig): MailTransport {
  if (config.smtpUrl) return createTransport(config.smtpUrl);
  // Windows newlines: an .eml file is RFC 5322, whose lines end in CRLF.
  const stream = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    async sendMail(mail) {
      if (config.mailboxLatencyMs) await setTimeout(config.mailboxLatencyMs);
      const info = await stream.sendMail(mail);
      if (!Buffer.isBuffer(info.message)) throw new Error('the stream transport did not buffer the message');
      await config.mailbox.save(info.message);
      return { messageId: info.messageId };
    },
    close: () => stream.close(),
  };
}
