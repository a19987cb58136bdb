import type { SalesRequestView } from '@planshift/shared/api';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { usePlanName } from './use-plan-name';

/** A request as sent: plan, seats, message and contact. */
export function SalesRequestFacts({ request }: Readonly<{ request: SalesRequestView }>) {
  const { t } = useTranslation();
  const format = useFormat();
  const planName = usePlanName();
  const rows: [string, string][] = [
    [t('contactSales.fields.plan'), planName(request.plan)],
    [t('contactSales.fields.seats'), format.number(request.seats)],
    [t('contactSales.fields.message'), request.message || t('contactSales.sent.noMessage')],
    [t('contactSales.sent.contact'), `${request.contactName} <${request.contactEmail}>`],
    [t('contactSales.sent.date'), format.date(request.createdAt)],
  ];
  return (
    <dl className="facts">
      {rows.map(([term, value]) => (
        <div key={term} className="fact">
          <dt>{term}</dt>
          <dd className="pre-line">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
