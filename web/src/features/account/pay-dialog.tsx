import type { DocumentSummaryView } from '@planshift/shared/api';
import { subtractMoney } from '@planshift/shared/money';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../config/paths';
import { useFormat } from '../../i18n/format';
import { cardName } from '../../ui/cards/card-name';

type Props = Readonly<{
  /** The invoice to pay, or null while the dialog is closed. */
  invoice: DocumentSummaryView | null;
  /** The card that will be charged (the default), or null when there is none. */
  card: Readonly<{ brand: string; last4: string }> | null;
  pending: boolean;
  onPay: () => void;
  onClose: () => void;
}>;

/** Pay now, confirmed: what is charged, and to which card, before anything is. */
export function PayDialog({ invoice, card, pending, onPay, onClose }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const dialog = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const ids = { title: useId(), body: useId() };

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (invoice && !element.open) {
      element.showModal();
      keep.current?.focus(); // the safe choice has the focus
    }
    if (!invoice && element.open) element.close();
  }, [invoice]);

  const amount = invoice ? format.money(subtractMoney(invoice.amountDue, invoice.amountPaid)) : '';
  return (
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={ids.title}
      aria-describedby={ids.body}
      onClose={() => {
        if (invoice) onClose();
      }}
    >
      {invoice && (
        <>
          <h2 id={ids.title}>{t('paymentMethods.pay.title', { number: invoice.number })}</h2>
          <p id={ids.body}>
            {card ? t('paymentMethods.pay.body', { amount, card: cardName(t, card) }) : t('paymentMethods.pay.noCard')}
          </p>
          <div className="actions">
            {card ? (
              <button
                type="button"
                className="button button-primary"
                aria-disabled={pending || undefined}
                onClick={onPay}
              >
                {pending ? t('account.unpaid.paying') : t('paymentMethods.pay.confirm', { amount })}
              </button>
            ) : (
              <Link to={paths.paymentMethods} className="button button-primary">
                {t('paymentMethods.pay.addCard')}
              </Link>
            )}
            <button type="button" className="button button-secondary" ref={keep} onClick={onClose}>
              {t('paymentMethods.pay.keep')}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
