import type { DocumentSummaryView } from '@planshift/shared/api';
import { subtractMoney } from '@planshift/shared/money';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiFailure } from '../../api/api-failure';
import { useFormat } from '../../i18n/format';
import { AnotherCard } from '../../ui/cards/another-card';
import { ErrorNotice } from '../../ui/error-notice';
import { PayDialog } from './pay-dialog';

type Card = Readonly<{ brand: string; last4: string }>;

type Props = Readonly<{
  count: number;
  invoices: readonly DocumentSummaryView[];
  canPay: boolean;
  /** The default card, which Pay now charges. */
  card: Card | null;
  pay: Readonly<{
    run: (invoiceId: string, onPaid: () => void) => void;
    pendingId: string | null;
    failed: { id: string; error: unknown } | null;
  }>;
}>;

/**
 * Open invoices, each with Pay now: a dialog says what is charged to which card before it is.
 * A decline says why and offers another card (one on file, or a new one), then the same payment
 * again with it.
 */
export function UnpaidInvoices({ count, invoices, canPay, card, pay }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const [confirming, setConfirming] = useState<{ invoiceId: string; card: Card | null } | null>(null);
  const [choosingFor, setChoosingFor] = useState<string | null>(null);
  const confirmingInvoice = invoices.find((invoice) => invoice.id === confirming?.invoiceId) ?? null;
  const declined = pay.failed && isApiFailure(pay.failed.error, 'payment_declined') ? pay.failed.id : null;

  return (
    <section className="banner banner-warning" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('account.unpaid.heading')}</h2>
      <p>{t('account.unpaid.intro', { count })}</p>
      <ul className="invoice-list">
        {invoices.map((invoice) => (
          <li key={invoice.id}>
            <span>
              {t('account.unpaid.invoice', {
                number: invoice.number,
                amount: format.money(subtractMoney(invoice.amountDue, invoice.amountPaid)),
                date: format.date(invoice.issuedAt),
              })}
            </span>
            {canPay && (
              <button
                type="button"
                className="button button-primary"
                disabled={pay.pendingId !== null}
                onClick={() => {
                  setChoosingFor(null);
                  setConfirming({ invoiceId: invoice.id, card: null });
                }}
              >
                {pay.pendingId === invoice.id ? t('account.unpaid.paying') : t('account.unpaid.payNow')}
                <span className="visually-hidden"> {invoice.number}</span>
              </button>
            )}
            {pay.failed?.id === invoice.id && <ErrorNotice error={pay.failed.error} />}
            {canPay && declined === invoice.id && choosingFor !== invoice.id && (
              <button type="button" className="button button-secondary" onClick={() => setChoosingFor(invoice.id)}>
                {t('paymentMethods.another.button')}
                <span className="visually-hidden"> {invoice.number}</span>
              </button>
            )}
            {choosingFor === invoice.id && (
              <AnotherCard
                onCancel={() => setChoosingFor(null)}
                onChosen={(chosen) => {
                  setChoosingFor(null);
                  // The same payment again, now with the chosen card: confirmed in the dialog as before.
                  setConfirming({ invoiceId: invoice.id, card: chosen });
                }}
              />
            )}
          </li>
        ))}
      </ul>
      {!canPay && <p>{t('account.unpaid.askAdmin')}</p>}
      <PayDialog
        invoice={confirmingInvoice}
        card={confirming?.card ?? card}
        pending={pay.pendingId !== null}
        onClose={() => setConfirming(null)}
        onPay={() => {
          if (!confirmingInvoice || pay.pendingId !== null) return;
          pay.run(confirmingInvoice.id, () => setConfirming(null));
        }}
      />
    </section>
  );
}
