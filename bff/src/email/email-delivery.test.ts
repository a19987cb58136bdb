import type { AddressInfo } from 'node:net';
import { formatMoney } from '@planshift/shared/money';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { confirmChange } from '../testing/confirm-change';
import { pdfText } from '../testing/pdf-text';
import { type Json, startTestSystem, type TestSystem } from '../testing/test-system';

// The confirmation e-mail end to end: a confirmed change queues it in the outbox, the dispatcher
// sends it through a real SMTP server, and the customer gets the invoice PDF in their language.

const MONTHLY = { unit: 'month', count: 1 };
const received: Buffer[] = [];
let smtp: SMTPServer;
let system: TestSystem;

beforeAll(async () => {
  smtp = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push(Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  system = await startTestSystem({ smtpUrl: `smtp://127.0.0.1:${port}` });
});

afterAll(async () => {
  await system?.dispose();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

beforeEach(async () => {
  received.length = 0;
  await system.payments.reset();
  expect((await system.anonymous.json('POST', '/api/test/reset', { name: 'demo' })).status).toBe(200);
});

describe('the confirmation e-mail over SMTP', () => {
  it.each([
    ['el', 'eleni@helios.example', { planId: 'premium', interval: MONTHLY, quantity: 1, addOns: [] }, 'Τιμολόγιο'],
    [
      'sv',
      'astrid@nordljus.example',
      { planId: 'professional', interval: MONTHLY, quantity: 4, addOns: [] },
      'Faktura',
    ],
  ])(
    'arrives in %s with the invoice PDF attached, its number and total formatted for the locale',
    async (locale, email, request, title) => {
      const client = await system.signIn(email);
      const confirmation = await confirmChange(client, request);
      const invoice = confirmation.documents.invoice;
      expect(invoice).not.toBeNull();

      const report = await system.mail.dispatcher.dispatchDue();
      expect(report.sent).toBe(1);
      expect(received).toHaveLength(1);
      const mail = await simpleParser(received[0] ?? Buffer.alloc(0));
      expect(mail.to).toMatchObject({ value: [{ address: email }] });
      expect(mail.messageId).toMatch(/^<outbox-.+@planshift\.local>$/);
      const pdfs = mail.attachments.filter((a) => a.contentType === 'application/pdf');
      const invoicePdf = pdfs.find((a) => a.filename === `${invoice.number}.pdf`);
      expect(invoicePdf?.content.subarray(0, 5).toString()).toBe('%PDF-');
      const text = await pdfText(invoicePdf?.content ?? Buffer.alloc(0));
      expect(text).toContain(title);
      expect(text).toContain(invoice.number);
      expect(text).toContain(formatMoney(invoice.total, locale).replace(/[\u00a0\u202f]/g, ' '));
      if (locale === 'sv') expect(text).toMatch(/\d,\d{2} kr/);
      if (locale === 'el') expect(text).toMatch(/\d,\d{2} €/);
      // The attachment is the stored PDF: the bytes the portal's download serves.
      const download = await client.request('GET', `/api/documents/${invoice.id}/pdf`);
      expect(invoicePdf?.content.equals(Buffer.from(await download.arrayBuffer()))).toBe(true);
      const user = await system.store.sessions.findUserByEmail(email);
      const stored = await system.store.documents.findPdf(user?.accountId ?? '', invoice.id);
      expect(stored?.pdf?.equals(invoicePdf?.content ?? Buffer.alloc(0))).toBe(true);

      // Sent once: a second pass finds nothing due.
      expect((await system.mail.dispatcher.dispatchDue()).sent).toBe(0);
      expect(received).toHaveLength(1);
    },
    20_000,
  );
});

describe('without SMTP, the development mailbox', () => {
  it('keeps each e-mail, served at /dev/mailbox with its attachments, renewals and all', async () => {
    const local = await startTestSystem();
    try {
      expect((await local.anonymous.json('POST', '/api/test/reset', { name: 'demo' })).status).toBe(200);
      const maria = await local.signIn('maria@northwind.example');
      const confirmation = await confirmChange(maria, {
        planId: 'business',
        interval: MONTHLY,
        quantity: 12,
        addOns: [],
      });
      const { end } = (await maria.json<Json>('GET', '/api/account')).body.subscription.currentPeriod;
      // Moving the clock sends what it made due, and what waited, before it answers.
      const moved = await local.anonymous.json<Json>('PUT', '/api/test/clock', {
        at: new Date(end * 1000).toISOString(),
      });
      const sent = moved.body.ran.emails;
      expect(sent).toBeGreaterThan(1);
      expect((await local.mail.dispatcher.dispatchDue()).sent).toBe(0);

      const { messages } = (await local.anonymous.json<Json>('GET', '/api/test/mailbox')).body;
      expect(messages).toHaveLength(sent);
      const account = (await maria.json<Json>('GET', '/api/account')).body;
      const toMaria = messages.filter((m: Json) => JSON.stringify(m.to).includes(account.account.billingEmail));
      // The confirmation, and the renewal invoice at the period end.
      expect(toMaria).toHaveLength(2);
      const withInvoice = messages.find((m: Json) =>
        JSON.stringify(m).includes(`${confirmation.documents.invoice.number}.pdf`),
      );
      expect(withInvoice).toBeDefined();
      const page = await local.anonymous.request('GET', '/dev/mailbox');
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(withInvoice?.id);
      const attachment = await local.anonymous.request('GET', `/dev/mailbox/${withInvoice?.id}/attachments/0`);
      expect(attachment.headers.get('content-type')).toBe('application/pdf');
      expect(
        Buffer.from(await attachment.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
    } finally {
      await local.dispose();
    }
  });
});
