import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { paths } from '../../config/paths';
import { useFormat } from '../../i18n/format';
import { QueryStatus } from '../../ui/query-status';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useSalesRequest } from './api/sales-requests';
import { SalesRequestFacts } from './sales-request-facts';

/** Where a request sent to sales lands: what was sent, and where the answer will come. */
export function SalesRequestSentPage() {
  const { t } = useTranslation();
  const format = useFormat();
  useDocumentTitle(t('contactSales.sent.title'));
  const { salesRequestId = '' } = useParams();
  const repeat = (useLocation().state as { repeat?: unknown } | null)?.repeat === true;
  const query = useSalesRequest(salesRequestId);
  const heading = useRef<HTMLHeadingElement>(null);
  // The form that was used has gone: the heading takes the focus, so the news is read first.
  useEffect(() => heading.current?.focus(), []);
  const request = query.data;
  return (
    <div className="account">
      <h1 ref={heading} tabIndex={-1}>
        {t('contactSales.sent.title')}
      </h1>
      <QueryStatus query={query} />
      {request && (
        <section className="card" aria-label={t('contactSales.sent.summary')}>
          {repeat && (
            <p className="notice notice-warning">
              {t('contactSales.sent.repeat', { date: format.date(request.createdAt) })}
            </p>
          )}
          <p>{t('contactSales.sent.body', { email: request.contactEmail })}</p>
          <SalesRequestFacts request={request} />
        </section>
      )}
      <p>
        <Link to={paths.account}>{t('contactSales.backToAccount')}</Link>
      </p>
    </div>
  );
}
