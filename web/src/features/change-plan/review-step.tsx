import { findPlan } from '@planshift/shared/catalog';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { cycleName } from '../../domain-text/describe-change';
import { useFormat } from '../../i18n/format';
import { useDocumentTitle } from '../../ui/use-document-title';
import { useChangeFlow } from './change-flow-context';
import type { ChangeStep } from './change-steps';
import { ConfirmPanel } from './confirm-panel';
import { LossList } from './loss-list';
import { quoteProblem } from './quote-problem';
import { ReviewChanges } from './review-changes';

function Choice({
  term,
  step,
  edit,
  children,
}: Readonly<{ term: string; step: ChangeStep; edit: string; children: React.ReactNode }>) {
  const { linkTo } = useChangeFlow();
  return (
    <div className="choice">
      <dt>{term}</dt>
      <dd>
        <span>{children}</span>
        <Link to={linkTo(step)}>{edit}</Link>
      </dd>
    </div>
  );
}

/** Step 4: the choice with an Edit link to each step, the server's price, then Confirm / Place order. */
export function ReviewStep() {
  const { t } = useTranslation();
  useDocumentTitle(t('changePlan.stepTitle', { step: t('changePlan.steps.review') }));
  const format = useFormat();
  const { options, selection, names, live, request } = useChangeFlow();
  const headingId = useId();
  const plan = findPlan(options.catalog, selection.planId);

  return (
    <section aria-labelledby={headingId} className="change-step">
      <h2 id={headingId} tabIndex={-1}>
        {t('changePlan.review.heading')}
      </h2>
      <dl className="choices">
        <Choice term={t('changePlan.review.plan')} step="plan" edit={t('changePlan.review.editPlan')}>
          {names.plan(selection.planId)}
        </Choice>
        <Choice term={t('changePlan.review.cycle')} step="plan" edit={t('changePlan.review.editCycle')}>
          {cycleName(t, selection.interval)}
        </Choice>
        {plan?.pricing === 'per_seat' && (
          <Choice term={t('changePlan.review.seats')} step="seats" edit={t('changePlan.review.editSeats')}>
            {Number.isSafeInteger(request.quantity)
              ? t('changePlan.line.seats', { count: request.quantity })
              : selection.seats || t('changePlan.review.notSet')}
          </Choice>
        )}
        <Choice term={t('changePlan.review.addOns')} step="add-ons" edit={t('changePlan.review.editAddOns')}>
          {request.addOns.length === 0
            ? t('changePlan.review.noAddOns')
            : new Intl.ListFormat(format.locale).format(
                request.addOns.map((held) =>
                  t('changePlan.review.addOn', { name: names.addOn(held.addOnId), count: held.quantity }),
                ),
              )}
        </Choice>
      </dl>
      {!live.ok ? (
        <div className="notice notice-warning" role="alert">
          <p>{t('changePlan.review.fix')}</p>
          <ul className="plain-list">
            {live.errors.map((problem) => (
              <li key={`${problem.reason}:${problem.field}`}>{quoteProblem(t, names, problem, request)}</li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          <ReviewChanges quote={live.quote} />
          <LossList />
          <ConfirmPanel />
        </>
      )}
    </section>
  );
}
