import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useChangeFlow } from './change-flow-context';
import { type ChangeStep, problemsOf } from './change-steps';

const NEXT = {
  seats: 'changePlan.next.seats',
  'add-ons': 'changePlan.next.addOns',
  review: 'changePlan.next.review',
} as const;
const BACK = { plan: 'changePlan.previous.plan', seats: 'changePlan.previous.seats' } as const;

/**
 * Back and Continue under a step, to the steps this choice goes through (no seats for a flat
 * plan). A step with a problem cannot be passed: Continue is disabled and says why.
 */
export function StepActions({ step }: Readonly<{ step: ChangeStep }>) {
  const { t } = useTranslation();
  const { steps, linkTo, live } = useChangeFlow();
  const reasonId = useId();
  const index = steps.indexOf(step);
  const back = steps[index - 1];
  const next = steps[index + 1];
  const blocked = problemsOf(live, step).length > 0;
  return (
    <div className="step-actions">
      {(back === 'plan' || back === 'seats') && (
        <Link className="button button-secondary" to={linkTo(back)}>
          {t(BACK[back])}
        </Link>
      )}
      {next && next !== 'plan' && (
        <Link
          className="button button-primary"
          to={linkTo(next)}
          aria-disabled={blocked || undefined}
          aria-describedby={blocked ? reasonId : undefined}
          onClick={(event) => {
            if (blocked) event.preventDefault();
          }}
        >
          {t(NEXT[next])}
        </Link>
      )}
      {blocked && (
        <p id={reasonId} className="step-blocked">
          {t('stepStatus.fixFirst')}
        </p>
      )}
    </div>
  );
}
