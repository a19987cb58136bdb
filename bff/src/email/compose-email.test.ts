import { LOCALES } from '@planshift/shared/account';
import { describe, expect, it } from 'vitest';
import { composeEmail } from './compose-email';
import { CHANGE_FIXTURE, fixtureDeps, invoiceFixture, NOV_13, outboxMessage } from './email-test-fixtures';
import { UndeliverableMailError } from './outbox-dispatcher';

const creditNote = invoiceFixture({
  id: 'cn-1',
  kind: 'credit_note',
  number: 'CN-2026-000004',
  total: -8_000,
  creditNoteApplied: 8_000,
  amountDue: 0,
  amountPaid: 0,
  relatedDocumentId: 'inv-1',
});
const invoice = invoiceFixture({ relatedDocumentId: 'cn-1' });

const message = outboxMessage;

const PAYLOADS = {
  change_confirmed: (locale: string) => ({ changeId: 'chg-1', invoiceId: 'inv-1', creditNoteId: 'cn-1', locale }),
  renewal_invoiced: (locale: string) => ({ invoiceId: 'inv-1', locale }),
  renewal_failed: (locale: string) => ({ invoiceId: 'inv-1', locale, decline: 'card_declined', nextAttemptAt: NOV_13 }),
  provisioning_completed: (locale: string) => ({ changeId: 'chg-1', locale }),
  payment_receipt: (locale: string) => ({
    invoiceId: 'inv-1',
    amount: 18_388,
    currency: 'EUR',
    card: { brand: 'visa', last4: '4242' },
    locale,
  }),
};

describe('composeEmail', () => {
  for (const [kind, payload] of Object.entries(PAYLOADS)) {
    it.each(LOCALES)(`composes ${kind} in %s with every slot filled`, async (locale) => {
      const mail = await composeEmail(message(kind, payload(locale)), fixtureDeps([invoice, creditNote]));
      expect(mail.subject.length).toBeGreaterThan(0);
      expect(`${mail.subject}${mail.text}${mail.html}`).not.toMatch(/\{\w+\}|undefined|NaN/);
      expect(mail.html).toContain(`<html lang="${locale}">`);
    });
  }

  it('attaches the invoice and the credit note, each named after its number', async () => {
    const mail = await composeEmail(
      message('change_confirmed', PAYLOADS.change_confirmed('fr')),
      fixtureDeps([invoice, creditNote]),
    );
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['INV-2026-000012.pdf', 'application/pdf'],
      ['CN-2026-000004.pdf', 'application/pdf'],
    ]);
    expect(mail.subject).toBe('La modification de votre abonnement est confirmée');
    // Items by their French names where the catalog has one (Basic), by their English one otherwise (Plus).
    expect(mail.text).toContain('Formule\u00a0: Essentiel (10 postes) → Plus (12 postes)');
  });

  it('says when a change waits for a later date and when nothing was invoiced', async () => {
    const deps = {
      ...fixtureDeps(),
      findChange: async () => ({
        ...CHANGE_FIXTURE,
        appliedNow: [],
        scheduled: {
          effectiveAt: Date.UTC(2026, 11, 1) / 1000,
          changes: [
            { kind: 'interval_change', from: { unit: 'month', count: 1 }, to: { unit: 'year', count: 1 } } as const,
          ],
        },
        provisioning: 'pending' as const,
      }),
    };
    const payload = { changeId: 'chg-1', invoiceId: null, creditNoteId: null, locale: 'ro' };
    const mail = await composeEmail(message('change_confirmed', payload), deps);
    expect(mail.text).toContain('Intră în vigoare la 1 decembrie 2026:\n- Interval de facturare: lunar → anual');
    expect(mail.text).toContain('Pentru această modificare nu s-a emis nicio factură și nicio notă de credit.');
    expect(mail.text).toContain('trebuie configurate de un membru al echipei noastre');
    expect(mail.attachments).toEqual([]);
  });

  it('tells a failed payment with no retry to pay in the portal', async () => {
    const payload = { invoiceId: 'inv-1', locale: 'sv', decline: 'card_declined', nextAttemptAt: null };
    const mail = await composeEmail(
      message('renewal_failed', payload),
      fixtureDeps([invoiceFixture({ amountPaid: 0 })]),
    );
    expect(mail.subject).toBe('Betalningen av faktura INV-2026-000012 misslyckades');
    expect(mail.text).toContain('Vi gör inga fler automatiska försök.');
  });

  it('escapes names in the HTML part', async () => {
    const deps = { ...fixtureDeps(), addresseeName: async () => '<b>Ben & Jerry</b>' };
    const mail = await composeEmail(message('provisioning_completed', PAYLOADS.provisioning_completed('en')), deps);
    expect(mail.html).toContain('Hello &lt;b&gt;Ben &amp; Jerry&lt;/b&gt;,');
    expect(mail.text).toContain('Hello <b>Ben & Jerry</b>,');
  });

  it('greets the person the address belongs to, in the e-mail’s language, and nobody by a company name', async () => {
    const asked: string[] = [];
    const deps = {
      ...fixtureDeps([invoice, creditNote]),
      addresseeName: async (_accountId: string, email: string) => {
        asked.push(email);
        return 'Μαρία Παππά';
      },
    };
    const greek = await composeEmail(message('renewal_invoiced', PAYLOADS.renewal_invoiced('el')), deps);
    expect(asked).toEqual(['maria@elaionas.example']);
    expect(greek.text.startsWith('Γεια σας, Μαρία Παππά,\n')).toBe(true);
    const nobody = { ...deps, addresseeName: async () => null };
    const italian = await composeEmail(message('renewal_invoiced', PAYLOADS.renewal_invoiced('it')), nobody);
    expect(italian.text.startsWith('Buongiorno,\n')).toBe(true);
    expect(italian.html).toContain('<p>Buongiorno,</p>');
  });

  it('says what took effect at the renewal: every part of the scheduled change', async () => {
    const appliedChange = {
      changes: [
        {
          kind: 'plan_change',
          direction: 'downgrade',
          fromPlanId: 'professional',
          toPlanId: 'advanced',
          fromQuantity: 5,
          toQuantity: 3,
        },
        { kind: 'interval_change', from: { unit: 'year', count: 1 }, to: { unit: 'month', count: 1 } },
        { kind: 'add_on_change', direction: 'decrease', addOnId: 'campaigns', from: 2, to: 0 },
      ],
      itemNames: { professional: 'Professional', advanced: 'Advanced', campaigns: 'Campagnes (1 000 contacts)' },
    };
    const payload = { invoiceId: 'inv-1', locale: 'fr', appliedChange };
    const mail = await composeEmail(message('renewal_invoiced', payload), fixtureDeps());
    expect(mail.text).toContain(
      [
        'La modification programmée est entrée en vigueur le 13 novembre 2026\u00a0:',
        '- Formule\u00a0: Professional (5 postes) → Advanced (3 postes)',
        '- Périodicité de facturation\u00a0: annuelle → mensuelle',
        '- Option Campagnes (1 000 contacts)\u00a0: 2 → 0',
      ].join('\n'),
    );
    expect(mail.html).toContain('<li>Périodicité de facturation\u00a0: annuelle → mensuelle</li>');
    // A renewal without a scheduled change (or queued before the e-mail said so) says nothing of one.
    const plain = await composeEmail(message('renewal_invoiced', PAYLOADS.renewal_invoiced('fr')), fixtureDeps());
    expect(plain.text).not.toContain('entrée en vigueur');
  });

  it('shows credits negative beside the charges: the credit note’s total and parts, the credit applied', async () => {
    const deps = fixtureDeps([invoice, { ...creditNote, total: 8_000, locale: 'en' }]);
    const mail = await composeEmail(message('change_confirmed', PAYLOADS.change_confirmed('en')), deps);
    expect(mail.text).toContain(
      'Invoice: INV-2026-000012\nTotal: €263.88\nCredit note applied: -€80.00\nAmount due: €183.88',
    );
    expect(mail.text).toContain('Credit note: CN-2026-000004\nTotal: -€80.00\nApplied to invoice: -€80.00');
  });

  it('refuses an unknown kind, a malformed payload or a missing document for good', async () => {
    const deps = fixtureDeps();
    await expect(composeEmail(message('mystery', {}), deps)).rejects.toBeInstanceOf(UndeliverableMailError);
    await expect(composeEmail(message('renewal_invoiced', { invoiceId: 1 }), deps)).rejects.toBeInstanceOf(
      UndeliverableMailError,
    );
    await expect(
      composeEmail(message('renewal_invoiced', { invoiceId: 'gone', locale: 'en' }), deps),
    ).rejects.toBeInstanceOf(UndeliverableMailError);
  });
});
