import { findPlan } from '@planshift/shared/catalog';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../i18n/format';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useChangeFlow } from './change-flow-context';
import { CycleToggle } from './cycle-toggle';
import { PlanCard } from './plan-card';
import { PlanComparison } from './plan-comparison';
import { optionsFor } from './plan-options';

/** Step 1: the plans of the customer's plan group, the billing cycle, and how the choices compare. */
export function PlansStep() {
  const { t } = useTranslation();
  useDocumentTitle(t('changePlan.stepTitle', { step: t('changePlan.steps.plan') }));
  const format = useFormat();
  const flow = useChangeFlow();
  const { options, selection, names, linkTo } = flow;
  const ids = { heading: useId(), radios: useId() };
  const choices = useMemo(() => optionsFor(options, selection), [options, selection]);
  const offered = options.options.plans.filter(
    (option) => option.availability.ok || option.availability.reason !== 'not_in_plan_group',
  );
  const otherFamilies = options.options.plans.filter(
    (option) => !option.availability.ok && option.availability.reason === 'not_in_plan_group',
  );
  const current = findPlan(options.catalog, options.subscription.plan.planId);
  const perSeat = findPlan(options.catalog, selection.planId)?.pricing === 'per_seat';

  return (
    <section aria-labelledby={ids.heading} className="change-step">
      <h2 id={ids.heading} tabIndex={-1}>
        {t('changePlan.plansHeading')}
      </h2>
      <CycleToggle intervals={choices.intervals} />
      <fieldset className="plan-fieldset">
        <legend className="visually-hidden">{t('changePlan.plan.legend')}</legend>
        <ul className="plan-list">
          {offered.map((option) => {
            const plan = findPlan(options.catalog, option.planId);
            return plan && <PlanCard key={plan.id} plan={plan} option={option} radioName={ids.radios} />;
          })}
        </ul>
      </fieldset>
      {otherFamilies.length > 0 && current?.group && (
        <p className="muted">
          {t('changePlan.plan.otherFamilies', {
            plans: new Intl.ListFormat(format.locale).format(otherFamilies.map((option) => names.plan(option.planId))),
            group: names.group(current.group),
          })}
        </p>
      )}
      <PlanComparison />
      <div className="step-actions">
        <Link className="button button-primary" to={linkTo(perSeat ? 'seats' : 'add-ons')}>
          {perSeat ? t('changePlan.next.seats') : t('changePlan.next.addOns')}
        </Link>
      </div>
    </section>
  );
}
