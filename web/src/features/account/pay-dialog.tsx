import type { DocumentSummaryView } from '@planshift/shared/api';
import { subtractMoney } from '@planshift/shared/money';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../config/paths';
import { useFormat } from '../../i18n/format';
import { cardName } from '../../ui/cards/card-name';
import { ConfirmDialog } from '../../ui/confirm-dialog';

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
  const amount = invoice ? format.money(subtractMoney(invoice.amountDue, invoice.amountPaid)) : '';
  return (
    <ConfirmDialog
      open={invoice !== null}
      title={invoice ? t('paymentMethods.pay.title', { number: invoice.number }) : ''}
      body={card ? t('paymentMethods.pay.body', { amount, card: cardName(t, card) }) : t('paymentMethods.pay.noCard')}
      keep={t('paymentMethods.pay.keep')}
      onClose={onClose}
    >
      {card ? (
        <button type="button" className="button button-primary" aria-disabled={pending || undefined} onClick={onPay}>
          {pending ? t('account.unpaid.paying') : t('paymentMethods.pay.confirm', { amount })}
        </button>
      ) : (
        <Link to={paths.paymentMethods} className="button button-primary">
          {t('paymentMethods.pay.addCard')}
        </Link>
      )}
    </ConfirmDialog>
  );
}
