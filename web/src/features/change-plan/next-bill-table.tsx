import type { OptionsView } from '@planshift/bff/api-types';
import type { NextBill } from '@planshift/shared/quote';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import type { CatalogNames } from './catalog-names';
import { explainLine, lineKey } from './line-explanation';

type Props = Readonly<{ nextBill: NextBill; catalog: OptionsView['catalog']; names: CatalogNames }>;

/** The next bill: its date, every item at full price as it will be then, the credit applied first, the amount due. */
export function NextBillTable({ nextBill, catalog, names }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <table className="quote-table">
      <caption>{t('changePlan.summary.nextBillCaption', { date: format.date(nextBill.date) })}</caption>
      <thead className="visually-hidden">
        <tr>
          <th scope="col">{t('changePlan.summary.item')}</th>
          <th scope="col">{t('changePlan.summary.amount')}</th>
        </tr>
      </thead>
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
            <tr className="total">
              <th scope="row">{t('changePlan.summary.nextBillTotal')}</th>
              <td className="numeric">{format.money(nextBill.total)}</td>
            </tr>
            <tr className="total">
              <th scope="row">{t('changePlan.summary.creditApplied')}</th>
              <td className="numeric">{format.money(nextBill.creditApplied)}</td>
            </tr>
          </>
        )}
        <tr className="total total-strong">
          <th scope="row">{t('changePlan.summary.nextBillDue')}</th>
          <td className="numeric">{format.money(nextBill.amountDue)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
