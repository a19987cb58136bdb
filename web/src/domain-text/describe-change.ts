import type { BillingInterval } from '@planshift/shared/periods';
import type { ChangeDescriptor } from '@planshift/shared/quote';
import type { TFunction } from 'i18next';
import type { CatalogNames } from './catalog-names';

/** "Monthly", "Annual", "Every 3 months". */
export const cycleName = (t: TFunction, interval: BillingInterval): string =>
  interval.unit === 'year' ? t('cycle.year', { count: interval.count }) : t('cycle.month', { count: interval.count });

/** "$149.90 per month", "$1,499.00 per year". */
export const perCycle = (t: TFunction, price: string, interval: BillingInterval): string =>
  interval.unit === 'year'
    ? t('price.perYear', { price, count: interval.count })
    : t('price.perMonth', { price, count: interval.count });

/** One part of a change in words: "Plan: Pro → Business (upgrade)". */
export function describeChange(
  t: TFunction,
  names: Pick<CatalogNames, 'plan' | 'addOn'>,
  change: ChangeDescriptor,
): string {
  switch (change.kind) {
    case 'plan_change':
      return t(`changePlan.changes.plan.${change.direction}`, {
        from: names.plan(change.fromPlanId),
        to: names.plan(change.toPlanId),
      });
    case 'quantity_change':
      return t('changePlan.changes.seats', { from: change.from, to: change.to });
    case 'interval_change':
      return t('changePlan.changes.cycle', { from: cycleName(t, change.from), to: cycleName(t, change.to) });
    case 'add_on_change': {
      const name = names.addOn(change.addOnId);
      if (change.to === 0) return t('changePlan.changes.addOnRemoved', { name });
      if (change.from === 0) return t('changePlan.changes.addOnAdded', { name, count: change.to });
      return t('changePlan.changes.addOn', { name, from: change.from, to: change.to });
    }
    case 'restart':
      return t('cancellation.changes.restart', {
        plan: names.plan(change.planId),
        count: change.quantity,
        cycle: cycleName(t, change.interval),
      });
  }
}

/** A stable React key for a change descriptor. */
export const changeKey = (change: ChangeDescriptor): string =>
  change.kind === 'add_on_change' ? `${change.kind}:${change.addOnId}` : change.kind;
