import { useTranslation } from 'react-i18next';

/** The column headings of a quote table, for screen readers: each row already names its item. */
export function ItemAmountHead() {
  const { t } = useTranslation();
  return (
    <thead className="visually-hidden">
      <tr>
        <th scope="col">{t('changePlan.summary.item')}</th>
        <th scope="col">{t('changePlan.summary.amount')}</th>
      </tr>
    </thead>
  );
}

/** A row of a quote table's footer: what the lines come to. */
export function Total({ label, value, strong = false }: Readonly<{ label: string; value: string; strong?: boolean }>) {
  return (
    <tr className={strong ? 'total total-strong' : 'total'}>
      <th scope="row">{label}</th>
      <td className="numeric">{value}</td>
    </tr>
  );
}
