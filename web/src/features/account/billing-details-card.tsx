import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useBillingDetails } from '../../api/billing-details';
import { paths } from '../../config/paths';
import { countryName } from '../../i18n/countries';
import { useFormat } from '../../i18n/format';
import { ErrorNotice } from '../../ui/error-notice';
import { Loading } from '../../ui/loading';

/** Who new invoices are issued and e-mailed to, with the way to change it for those who may. */
export function BillingDetailsCard() {
  const { t } = useTranslation();
  const { locale } = useFormat();
  const query = useBillingDetails();
  const headingId = useId();
  const view = query.data;
  const details = view?.billingDetails;
  const address = details?.address;
  return (
    <section className="card" aria-labelledby={headingId}>
      <div className="card-heading">
        <h2 id={headingId}>{t('billingDetails.card.heading')}</h2>
        {view?.canEdit && (
          <Link className="button button-secondary" to={paths.billingDetails}>
            {t('billingDetails.card.edit')}
          </Link>
        )}
      </div>
      {/* Not ui/query-status: on the account page it makes the bundler split Loading into a chunk of its own, one more request on the cold load. */}
      {query.isError && <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />}
      {query.isPending && <Loading />}
      {details && address && (
        <>
          <dl className="facts">
            <div className="fact">
              <dt>{t('billingDetails.fields.name')}</dt>
              <dd>{details.name}</dd>
            </div>
            <div className="fact">
              <dt>{t('billingDetails.fields.address')}</dt>
              <dd>
                <span className="postal-address">
                  {[
                    address.line1,
                    address.line2,
                    `${address.postalCode} ${address.city}`.trim(),
                    address.region,
                    countryName(locale, address.country),
                  ]
                    .filter((part) => part.trim() !== '')
                    .map((part) => (
                      <span key={part}>{part}</span>
                    ))}
                </span>
              </dd>
            </div>
            <div className="fact">
              <dt>{t('billingDetails.fields.taxId')}</dt>
              <dd>{details.taxId ?? t('billingDetails.card.noTaxId')}</dd>
            </div>
            <div className="fact">
              <dt>{t('billingDetails.fields.email')}</dt>
              <dd>{details.email}</dd>
            </div>
          </dl>
          <p className="fact-detail">
            {view.canEdit ? t('billingDetails.card.newDocuments') : t('billingDetails.card.askAdmin')}
          </p>
        </>
      )}
    </section>
  );
}
