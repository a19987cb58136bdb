import type { DocumentSummaryView } from '@planshift/shared/api';
import { subtractMoney } from '@planshift/shared/money';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { ErrorNotice } from '../../ui/error-notice';

type Props = Readonly<{
  count: number;
  invoices: readonly DocumentSummaryView[];
  canPay: boolean;
  pay: Readonly<{
    run: (invoiceId: string) => void;
    pendingId: string | null;
    failed: { id: string; error: unknown } | null;
  }>;
}>;

/** Open invoices, each with Pay now (the card on file is charged; a decline says why). */
export function UnpaidInvoices({ count, invoices, canPay, pay }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
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
                onClick={() => pay.run(invoice.id)}
              >
                {pay.pendingId === invoice.id ? t('account.unpaid.paying') : t('account.unpaid.payNow')}
                <span className="visually-hidden"> {invoice.number}</span>
              </button>
            )}
            {pay.failed?.id === invoice.id && <ErrorNotice error={pay.failed.error} />}
          </li>
        ))}
      </ul>
      {!canPay && <p>{t('account.unpaid.askAdmin')}</p>}
    </section>
  );
}
