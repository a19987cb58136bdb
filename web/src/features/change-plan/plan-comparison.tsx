import { findPlan, findPrice } from '@planshift/shared/catalog';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { cycleName } from '../../domain-text/describe-change';
import { useFormat } from '../../i18n/format';
import { useChangeFlow } from './change-flow-context';
import { priceLocallyTimed } from './price-locally';
import { quoteProblem } from './quote-problem';
import { requestFor } from './selection';

/** The User Timing measure around pricing the comparison's rows. */
export const COMPARISON_MEASURE = 'planshift:plan-comparison';

/**
 * What each plan the customer may choose would cost today and on the next bill, with the same
 * seats, cycle and add-ons: every row priced by the engine in the browser (product.md §2b).
 */
export function PlanComparison() {
  const { t } = useTranslation();
  const format = useFormat();
  const { options, selection, names, now } = useChangeFlow();
  const rows = useMemo(() => {
    const { currency } = options.subscription;
    return options.options.plans
      .filter((option) => option.availability.ok)
      .flatMap((option) => {
        const plan = findPlan(options.catalog, option.planId);
        if (!plan || !findPrice(plan, selection.interval, currency)) return [];
        const { request } = requestFor({ ...selection, planId: plan.id }, options.catalog);
        return [{ plan, request, result: priceLocallyTimed(options, request, now(), COMPARISON_MEASURE) }];
      });
  }, [options, selection, now]);
  if (rows.length < 2) return null;

  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-scroll" tabIndex={0} aria-label={t('changePlan.compare.region')}>
      <table className="compare-table">
        <caption>
          {t('changePlan.compare.caption')}
          <span className="plan-detail">
            {t('changePlan.compare.basis', { cycle: cycleName(t, selection.interval).toLocaleLowerCase() })}
          </span>
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('changePlan.compare.plan')}</th>
            <th scope="col" className="numeric">
              {t('changePlan.compare.dueNow')}
            </th>
            <th scope="col" className="numeric">
              {t('changePlan.compare.nextBill')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ plan, request, result }) => (
            <tr key={plan.id} className={plan.id === selection.planId ? 'compare-selected' : undefined}>
              <th scope="row">
                {names.plan(plan.id)}
                {plan.id === selection.planId && (
                  <span className="plan-detail">{t('changePlan.compare.yourChoice')}</span>
                )}
              </th>
              {result.ok ? (
                <>
                  <td className="numeric">{format.money(result.quote.dueNow)}</td>
                  <td className="numeric">
                    {format.money(result.quote.nextBill.amountDue)}
                    <span className="plan-detail">{format.date(result.quote.nextBill.date)}</span>
                  </td>
                </>
              ) : (
                <td colSpan={2}>{result.errors[0] && quoteProblem(t, names, result.errors[0], request)}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
