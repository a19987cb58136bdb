import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOptions } from '../../api/queries';
import { paths } from '../../app/paths';
import { humanise } from '../../i18n/labels';
import { blockerMessage, planUnavailableMessage } from '../../i18n/reasons';
import { ErrorNotice } from '../../ui/error-notice';
import { Loading } from '../../ui/loading';
import { useDocumentTitle } from '../../ui/use-document-title';

/**
 * The change flow's first step, loaded on demand: the plans the customer may move to, and why
 * not where they may not. Seats, cycle, add-ons and the live quote come next.
 */
export function ChangePlanPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('changePlan.title'));
  const options = useOptions();
  const plansHeading = useId();

  if (options.isPending) return <Loading />;
  if (options.isError) return <ErrorNotice error={options.error} onRetry={() => void options.refetch()} />;

  const { catalog, options: choices } = options.data;
  const planName = (id: string) => catalog.plans.find((plan) => plan.id === id)?.name ?? humanise(id);
  const perSeat = (id: string) => catalog.plans.find((plan) => plan.id === id)?.pricing === 'per_seat';
  const groupName = (id: string) => catalog.groups.find((group) => group.id === id)?.name ?? humanise(id);

  return (
    <div className="change-plan">
      <p>
        <Link to={paths.account}>{t('changePlan.back')}</Link>
      </p>
      <h1>{t('changePlan.title')}</h1>
      <p>{t('changePlan.intro')}</p>
      {choices.blockers.length > 0 && (
        <div className="notice notice-warning">
          <p>{t('changePlan.blocked')}</p>
          <ul>
            {choices.blockers.map((blocker) => (
              <li key={blocker.reason}>{blockerMessage(t, blocker, planName)}</li>
            ))}
          </ul>
        </div>
      )}
      <section className="card" aria-labelledby={plansHeading}>
        <h2 id={plansHeading}>{t('changePlan.plansHeading')}</h2>
        <ul className="plan-list">
          {choices.plans.map((plan) => (
            <li key={plan.planId} className={plan.availability.ok ? 'plan' : 'plan plan-unavailable'}>
              <h3>{planName(plan.planId)}</h3>
              {plan.current && <span className="badge badge-current">{t('changePlan.current')}</span>}
              {perSeat(plan.planId) && (
                <p>{t('changePlan.seatRange', { min: plan.quantity.min, max: plan.quantity.max })}</p>
              )}
              <p>
                {plan.availability.ok
                  ? t('changePlan.available')
                  : planUnavailableMessage(t, plan.availability, groupName)}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
