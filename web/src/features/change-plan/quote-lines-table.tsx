import type { OptionsView } from '@planshift/shared/api';
import { asCredit } from '@planshift/shared/documents';
import type { Quote } from '@planshift/shared/quote';
import { useTranslation } from 'react-i18next';
import type { CatalogNames } from '../../domain-text/catalog-names';
import { useFormat } from '../../i18n/format';
import { explainLine, lineKey } from './line-explanation';
import { ItemAmountHead, Total } from './quote-table-parts';

type Props = Readonly<{ quote: Quote; catalog: OptionsView['catalog']; names: CatalogNames }>;

/**
 * Today's lines, each explained (credit for unused time, charge for the remaining time), and
 * what they come to: due now before and after existing credit, and the credit left. Credits,
 * and credit applied or added, are negative beside the charges (docs/decisions/014); the
 * credit left is the balance held, an amount.
 */
export function QuoteLinesTable({ quote, catalog, names }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const { creditBalance } = quote;
  return (
    <table className="quote-table">
      <caption>{t('changePlan.summary.todayCaption')}</caption>
      <ItemAmountHead />
      <tbody>
        {quote.lines.length === 0 && (
          <tr>
            <td colSpan={2}>{t('changePlan.summary.noLines')}</td>
          </tr>
        )}
        {quote.lines.map((line) => {
          const explained = explainLine(t, format, names, catalog, line);
          const credit = line.amount.amount < 0;
          return (
            <tr key={lineKey(line)} className={credit ? 'line line-credit' : 'line'}>
              <th scope="row">
                <span className="line-label">{explained.label}</span>
                <span className="line-detail">{explained.arithmetic}</span>
                <span className="line-detail">{explained.covers}</span>
              </th>
              <td className="numeric">
                {format.money(line.amount)}
                {credit && <span className="line-detail">{t('changePlan.summary.credit')}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        {quote.totals.credits.amount !== 0 && (
          <>
            <Total label={t('changePlan.summary.charges')} value={format.money(quote.totals.charges)} />
            <Total label={t('changePlan.summary.credits')} value={format.money(quote.totals.credits)} />
          </>
        )}
        <Total label={t('changePlan.summary.dueBeforeCredit')} value={format.money(quote.dueNowBeforeCredit)} />
        {creditBalance.before.amount > 0 && (
          <Total label={t('changePlan.summary.creditApplied')} value={format.money(asCredit(creditBalance.applied))} />
        )}
        <Total label={t('changePlan.summary.dueNow')} value={format.money(quote.dueNow)} strong />
        {creditBalance.added.amount > 0 && (
          <Total label={t('changePlan.summary.creditAdded')} value={format.money(asCredit(creditBalance.added))} />
        )}
        <Total label={t('changePlan.summary.creditLeft')} value={format.money(creditBalance.after)} />
      </tfoot>
    </table>
  );
}
