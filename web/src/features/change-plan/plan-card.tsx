import { findPrice, type Plan, type PlanDifference } from '@planshift/shared/catalog';
import { intervalAvailability, type PlanOption } from '@planshift/shared/eligibility';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { contactSalesPath } from '../../config/paths';
import { perCycle } from '../../domain-text/describe-change';
import { useFormat } from '../../i18n/format';
import { planUnavailableMessage } from '../../i18n/reasons';
import { useChangeFlow } from './change-flow-context';
import { PlanDifferenceList } from './plan-difference-list';

type Props = Readonly<{ plan: Plan; option: PlanOption; difference: PlanDifference | undefined; radioName: string }>;

/**
 * One plan: its price in the chosen cycle, seats range, its limits against the current plan's and
 * the features that set it apart (those every plan shares are said once, above the cards); a
 * radio to choose it, "Contact sales" for a plan sold by sales, or disabled with the reason.
 */
export function PlanCard({ plan, option, difference, radioName }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const { options, selection, select, names } = useChangeFlow();
  const ids = { name: useId(), price: useId(), reason: useId() };
  const { currency } = options.subscription;
  const price = findPrice(plan, selection.interval, currency);
  const inCycle = intervalAvailability(plan, selection.interval, currency);
  const availability = !option.availability.ok ? option.availability : inCycle;
  const checked = selection.planId === plan.id;

  return (
    <li className={availability.ok ? (checked ? 'plan plan-selected' : 'plan') : 'plan plan-unavailable'}>
      <div className="plan-heading">
        <h3 id={ids.name}>{names.plan(plan.id)}</h3>
        {option.current && <span className="badge badge-current">{t('changePlan.current')}</span>}
      </div>
      <p id={ids.price} className="plan-price">
        {price
          ? perCycle(
              t,
              plan.pricing === 'per_seat'
                ? t('changePlan.plan.perSeat', { price: format.money({ amount: price.unitAmount, currency }) })
                : format.money({ amount: price.unitAmount, currency }),
              selection.interval,
            )
          : t('changePlan.plan.noPrice')}
        {plan.pricing === 'per_seat' && (
          <span className="plan-detail">
            {t('changePlan.seatRange', { min: option.quantity.min, max: option.quantity.max })}
          </span>
        )}
      </p>
      {difference && <PlanDifferenceList difference={difference} current={option.current} />}
      {option.salesOnly && !option.current ? (
        <p className="contact-sales">
          <Link className="button button-secondary" to={contactSalesPath(plan.id)} aria-describedby={ids.reason}>
            {t('changePlan.plan.contactSales')}
          </Link>
          <span id={ids.reason} className="plan-detail">
            {t('changePlan.plan.salesOnly', { plan: names.plan(plan.id) })}
          </span>
        </p>
      ) : (
        <div className="plan-choice">
          <input
            id={`${ids.name}-radio`}
            type="radio"
            name={radioName}
            value={plan.id}
            checked={checked}
            disabled={!availability.ok}
            aria-labelledby={ids.name}
            aria-describedby={availability.ok ? ids.price : `${ids.price} ${ids.reason}`}
            onChange={() => select({ planId: plan.id }, { replace: true })}
          />
          <label htmlFor={`${ids.name}-radio`}>
            {checked ? t('changePlan.plan.selected') : t('changePlan.plan.select')}
          </label>
          {!availability.ok && (
            <span id={ids.reason} className="plan-reason">
              {planUnavailableMessage(t, availability, names.group)}
            </span>
          )}
        </div>
      )}
    </li>
  );
}
