import { LOCALES } from '@planshift/shared/account';
import type { SendMailOptions } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { composeEmail } from './compose-email';
import { fixtureDeps, MemoryOutbox, NOV_13 } from './email-test-fixtures';
import { OutboxDispatcher, type OutboxMessage, UndeliverableMailError } from './outbox-dispatcher';
import type { SalesPayload } from './sales-emails';

const asked = {
  salesRequestId: 'sr-1',
  planName: 'Enterprise',
  seats: 1200,
  message: 'We need SSO & SCIM <for everyone>.',
  contactName: 'Maria López',
  contactEmail: 'maria@northwind.example',
};
const toSales: SalesPayload<'sales_request'> = {
  ...asked,
  accountId: 'northwind-meetings',
  accountName: 'Northwind Traders',
  currentPlanName: 'Pro',
  currentSeats: 10,
  createdAt: NOV_13,
};

const message = (kind: string, payload: unknown, recipient = 'sales@planshift.local'): OutboxMessage => ({
  id: 'm1',
  accountId: 'northwind-meetings',
  kind,
  recipient,
  payload,
  attempts: 0,
  createdAt: NOV_13,
});

describe('the e-mail to sales', () => {
  it('says who asks for what, with what they have, and answers go to the customer', async () => {
    const mail = await composeEmail(message('sales_request', toSales), fixtureDeps());
    expect(mail.subject).toBe('Sales request: Enterprise × 1200 for Northwind Traders');
    expect(mail.replyTo).toBe('maria@northwind.example');
    expect(mail.text).toContain('Maria López of Northwind Traders asks about Enterprise through the portal.');
    expect(mail.text).toContain('Has now: Pro × 10');
    expect(mail.text).toContain('Seats wanted: 1200');
    expect(mail.text).toContain('Contact: Maria López <maria@northwind.example>');
    expect(mail.text).toContain('Sent: November 13, 2026 at 9:30 AM UTC');
    expect(mail.text).toContain('We need SSO & SCIM <for everyone>.');
    // The customer's words are text, never markup.
    expect(mail.html).toContain('We need SSO &amp; SCIM &lt;for everyone&gt;.');
    expect(mail.attachments).toEqual([]);
  });

  it('is sent with Reply-To, so sales answers the customer', async () => {
    const outbox = new MemoryOutbox();
    outbox.add({ id: 'm1', kind: 'sales_request', recipient: 'sales@planshift.local', payload: toSales });
    const sent: SendMailOptions[] = [];
    const dispatcher = new OutboxDispatcher({
      outbox,
      transport: {
        sendMail: async (mail) => {
          sent.push(mail);
          return { messageId: String(mail.messageId) };
        },
        close: () => undefined,
      },
      compose: (m) => composeEmail(m, fixtureDeps()),
      now: () => NOV_13,
      from: 'Planshift <billing@planshift.example>',
      onError: (error) => expect.fail(String(error)),
    });
    expect(await dispatcher.dispatchDue()).toEqual({ sent: 1, retrying: 0, gaveUp: 0 });
    expect(sent[0]).toMatchObject({ to: 'sales@planshift.local', replyTo: 'maria@northwind.example' });
  });

  it('gives up on a malformed payload: retrying cannot mend it', async () => {
    await expect(composeEmail(message('sales_request', { ...toSales, seats: 'many' }), fixtureDeps())).rejects.toThrow(
      UndeliverableMailError,
    );
  });
});

describe('the customer’s confirmation', () => {
  it.each(LOCALES)('greets the person and restates the request in %s', async (locale) => {
    const mail = await composeEmail(
      message('sales_request_received', { ...asked, locale }, asked.contactEmail),
      fixtureDeps(),
    );
    expect(mail.html).toContain(`<html lang="${locale}">`);
    expect(mail.subject).toContain('Enterprise');
    expect(mail.text).toContain('Maria López');
    expect(mail.text).toContain('maria@northwind.example');
    expect(mail.text).toContain(new Intl.NumberFormat(locale).format(1200));
    expect(mail.text).toContain(asked.message);
    expect(mail.replyTo).toBeUndefined();
    expect(`${mail.subject}${mail.text}${mail.html}`).not.toMatch(/\{\w+\}|undefined|NaN/);
  });

  it('says so when the customer sent no message', async () => {
    const mail = await composeEmail(
      message('sales_request_received', { ...asked, message: '', locale: 'fr' }, asked.contactEmail),
      fixtureDeps(),
    );
    expect(mail.subject).toBe('Votre demande concernant Enterprise est parvenue à notre équipe commerciale');
    expect(mail.text).toContain('Vous n’avez joint aucun message.');
  });
});
