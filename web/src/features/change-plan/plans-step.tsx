import { findPlan, planDifferences } from '@planshift/shared/catalog';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { featureLabel } from '../../i18n/labels';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useChangeFlow } from './change-flow-context';
import { CycleToggle } from './cycle-toggle';
import { PlanCard } from './plan-card';
import { PlanComparison } from './plan-comparison';
import { optionsFor } from './plan-options';
import { StepActions } from './step-actions';

/** Step 1: the plans of the customer's plan group, the billing cycle, and how the choices compare. */
export function PlansStep() {
  const { t } = useTranslation();
  useDocumentTitle(t('changePlan.stepTitle', { step: t('changePlan.steps.plan') }));
  const format = useFormat();
  const flow = useChangeFlow();
  const { options, selection, names } = flow;
  const ids = { heading: useId(), radios: useId() };
  const choices = useMemo(() => optionsFor(options, selection), [options, selection]);
  const { offered, otherFamilies, current, differences } = useMemo(() => {
    const inFamily = options.options.plans.filter(
      (option) => option.availability.ok || option.availability.reason !== 'not_in_plan_group',
    );
    const held = findPlan(options.catalog, options.subscription.plan.planId);
    return {
      offered: inFamily,
      otherFamilies: options.options.plans.filter((option) => !inFamily.includes(option)),
      current: held,
      // A rule of the catalog, not of the screen: which features every plan shares, what each adds.
      differences: planDifferences(
        inFamily.flatMap((option) => findPlan(options.catalog, option.planId) ?? []),
        held,
      ),
    };
  }, [options]);

  return (
    <section aria-labelledby={ids.heading} className="change-step">
      <h2 id={ids.heading} tabIndex={-1}>
        {t('changePlan.plansHeading')}
      </h2>
      <CycleToggle intervals={choices.intervals} />
      {differences.plans.length > 1 && differences.shared.length > 0 && (
        <p className="muted">
          {t('planCard.shared', {
            features: new Intl.ListFormat(format.locale).format(differences.shared.map((id) => featureLabel(t, id))),
          })}
        </p>
      )}
      <fieldset className="plan-fieldset">
        <legend className="visually-hidden">{t('changePlan.plan.legend')}</legend>
        <ul className="plan-list">
          {offered.map((option) => {
            const plan = findPlan(options.catalog, option.planId);
            return (
              plan && (
                <PlanCard
                  key={plan.id}
                  plan={plan}
                  option={option}
                  difference={differences.plans.find((each) => each.planId === plan.id)}
                  radioName={ids.radios}
                />
              )
            );
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
      <StepActions step="plan" />
    </section>
  );
}
