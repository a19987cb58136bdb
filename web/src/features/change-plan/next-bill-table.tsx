import type { OptionsView } from '@planshift/shared/api';
import { asCredit } from '@planshift/shared/documents';
import type { NextBill } from '@planshift/shared/quote';
import { useTranslation } from 'react-i18next';
import type { CatalogNames } from '../../domain-text/catalog-names';
import { useFormat } from '../../i18n/format';
import { explainLine, lineKey } from './line-explanation';
import { ItemAmountHead, Total } from './quote-table-parts';

type Props = Readonly<{ nextBill: NextBill; catalog: OptionsView['catalog']; names: CatalogNames }>;

/** The next bill: its date, every item at full price as it will be then, the credit applied first, the amount due. */
export function NextBillTable({ nextBill, catalog, names }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <table className="quote-table">
      <caption>{t('changePlan.summary.nextBillCaption', { date: format.date(nextBill.date) })}</caption>
      <ItemAmountHead />
      <tbody>
        {nextBill.lines.map((line) => {
          const explained = explainLine(t, format, names, catalog, line);
          return (
            <tr key={lineKey(line)} className="line">
              <th scope="row">
                <span className="line-label">{explained.label}</span>
                <span className="line-detail">{explained.arithmetic}</span>
              </th>
              <td className="numeric">{format.money(line.amount)}</td>
            </tr>
          );
        })}
      </tbody>
      <tfoot>
        {nextBill.creditApplied.amount > 0 && (
          <>
            <Total label={t('changePlan.summary.nextBillTotal')} value={format.money(nextBill.total)} />
            <Total
              label={t('changePlan.summary.creditApplied')}
              value={format.money(asCredit(nextBill.creditApplied))}
            />
          </>
        )}
        <Total label={t('changePlan.summary.nextBillDue')} value={format.money(nextBill.amountDue)} strong />
      </tfoot>
    </table>
  );
}
