import { describe, expect, it } from 'vitest';
import { composeEmail } from './compose-email';
import { fixtureDeps, invoiceFixture, NOV_13 } from './email-test-fixtures';

const receipt = (locale: string, card: unknown = { brand: 'mastercard', last4: '4444' }) => ({
  id: 'm-receipt',
  accountId: 'acc-1',
  kind: 'payment_receipt',
  recipient: 'james@oakridge.example',
  payload: { invoiceId: 'inv-1', amount: 18_388, currency: 'EUR', card, locale },
  attempts: 0,
  createdAt: NOV_13,
});

describe('the receipt of an invoice paid at the portal', () => {
  it('says what was paid, when and with which card, and attaches the invoice', async () => {
    const mail = await composeEmail(receipt('en'), fixtureDeps([invoiceFixture()]));
    expect(mail.subject).toBe('Receipt for your payment of invoice INV-2026-000012');
    expect(mail.text).toContain(
      'We received your payment of €183.88 on November 13, 2026, charged to your Mastercard •••• 4444. Thank you.',
    );
    expect(mail.text).toContain('Invoice INV-2026-000012 is paid. It is attached as a PDF file.');
    expect(mail.attachments.map((a) => a.filename)).toEqual(['INV-2026-000012.pdf']);
  });

  it('reads in the account’s language, the card named as its people say it', async () => {
    const mail = await composeEmail(receipt('fr', { brand: 'card', last4: '0005' }), fixtureDeps([invoiceFixture()]));
    expect(mail.subject).toBe('Reçu de votre paiement de la facture INV-2026-000012');
    expect(mail.text).toContain('débité de votre carte •••• 0005.');
    const sv = await composeEmail(receipt('sv', null), fixtureDeps([invoiceFixture()]));
    expect(sv.text).toContain('Vi har tagit emot din betalning på 183,88');
    expect(sv.text).not.toContain('kort ');
  });
});
