import { findPlan } from '@planshift/shared/catalog';
import { planQuantityRange } from '@planshift/shared/eligibility';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useChangeFlow } from './change-flow-context';
import { problemsOf } from './change-steps';
import { FieldProblems } from './field-problems';
import { StepActions } from './step-actions';

/**
 * Step 2: the TOTAL seats wanted (not the difference), within the plan's minimum and maximum;
 * a total out of range is refused inline with the reason, as the engine gives it.
 */
export function SeatsStep() {
  const { t } = useTranslation();
  useDocumentTitle(t('changePlan.stepTitle', { step: t('changePlan.steps.seats') }));
  const { options, selection, select, names, live } = useChangeFlow();
  const ids = { heading: useId(), input: useId(), hint: useId(), error: useId() };
  const plan = findPlan(options.catalog, selection.planId);
  const range = plan ? planQuantityRange(plan) : { min: 1, max: 1 };
  const problems = problemsOf(live, 'seats');
  const held = options.subscription.plan.quantity;

  return (
    <section aria-labelledby={ids.heading} className="change-step">
      <h2 id={ids.heading} tabIndex={-1}>
        {t('changePlan.seats.heading')}
      </h2>
      <div className="field seats-field">
        <label htmlFor={ids.input}>{t('changePlan.seats.label')}</label>
        <input
          id={ids.input}
          type="number"
          inputMode="numeric"
          min={range.min}
          max={range.max}
          step={1}
          value={selection.seats}
          aria-invalid={problems.length > 0 || undefined}
          aria-describedby={problems.length > 0 ? `${ids.error} ${ids.hint}` : ids.hint}
          onChange={(event) => select({ seats: event.target.value }, { replace: true })}
        />
        <p id={ids.hint} className="muted">
          {t('changePlan.seats.hint', {
            plan: names.plan(selection.planId),
            min: range.min,
            max: range.max,
            count: held,
          })}
        </p>
        <FieldProblems id={ids.error} problems={problems} />
      </div>
      <StepActions step="seats" />
    </section>
  );
}
