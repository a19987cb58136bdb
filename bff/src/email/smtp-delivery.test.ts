import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatMoney } from '@planshift/shared/money';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeEmail } from './compose-email';
import { DevMailbox } from './dev-mailbox';
import { fixtureDeps, MemoryOutbox } from './email-test-fixtures';
import { createMailTransport, type MailTransport } from './mail-transport';
import { OutboxDispatcher } from './outbox-dispatcher';

type Received = Readonly<{ raw: Buffer; mailFrom: string; rcptTo: readonly string[] }>;

describe('delivery over SMTP', () => {
  const received: Received[] = [];
  let server: SMTPServer;
  let port: number;
  let transport: MailTransport;
  let unusedMailboxDir: string;

  beforeAll(async () => {
    server = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('error', callback);
        stream.on('end', () => {
          const { mailFrom, rcptTo } = session.envelope;
          received.push({
            raw: Buffer.concat(chunks),
            mailFrom: mailFrom ? mailFrom.address : '',
            rcptTo: rcptTo.map((r) => r.address),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    port = (server.server.address() as AddressInfo).port;
    unusedMailboxDir = await mkdtemp(join(tmpdir(), 'planshift-mailbox-'));
    transport = createMailTransport({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      mailbox: new DevMailbox(unusedMailboxDir),
    });
  });

  afterAll(async () => {
    transport.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await rm(unusedMailboxDir, { recursive: true, force: true });
  });

  it('delivers the Greek change confirmation with the invoice PDF attached', async () => {
    const outbox = new MemoryOutbox();
    outbox.add({ id: '01931a2b-0000-7000-8000-000000000001' });
    const deps = fixtureDeps();
    const dispatcher = new OutboxDispatcher({
      outbox,
      transport,
      compose: (message) => composeEmail(message, deps),
      now: () => Date.UTC(2026, 10, 13, 9, 31) / 1000,
      from: 'Planshift <billing@planshift.example>',
      onError: (error) => expect.fail(String(error)),
    });

    expect(await dispatcher.dispatchDue()).toEqual({ sent: 1, retrying: 0, gaveUp: 0 });

    expect(received).toHaveLength(1);
    const [delivery] = received;
    if (!delivery) throw new Error('nothing was delivered');
    expect(delivery.mailFrom).toBe('billing@planshift.example');
    expect(delivery.rcptTo).toEqual(['maria@elaionas.example']);

    const mail = await simpleParser(delivery.raw);
    expect(mail.to).toMatchObject({ value: [{ address: 'maria@elaionas.example' }] });
    expect(mail.subject).toBe('Η αλλαγή της συνδρομής σας επιβεβαιώθηκε');
    expect(mail.messageId).toBe('<outbox-01931a2b-0000-7000-8000-000000000001@planshift.local>');
    expect(mail.date?.toISOString()).toBe('2026-11-13T09:31:00.000Z');
    expect(mail.text).toContain('Γεια σας, Μαρία Παππά,');
    expect(mail.text).toContain('Πρόγραμμα: Basic (10 θέσεις) → Plus (12 θέσεις)');
    expect(mail.text).toContain(formatMoney({ amount: 18_388, currency: 'EUR' }, 'el'));
    expect(mail.html).toContain('<html lang="el">');

    expect(mail.attachments).toHaveLength(1);
    const [pdf] = mail.attachments;
    expect(pdf?.contentType).toBe('application/pdf');
    expect(pdf?.filename).toBe('INV-2026-000012.pdf');
    expect(pdf?.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(outbox.row('01931a2b-0000-7000-8000-000000000001').sentAt).not.toBeNull();
  });
});
