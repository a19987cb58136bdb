import type { BillingInterval } from '@planshift/shared/periods';
import type { ChangeDescriptor } from '@planshift/shared/quote';
import type { TargetState } from '@planshift/shared/subscription';
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

/** One part of a change in words, with a key stable among the parts of one change. */
export type ChangePart = Readonly<{ key: string; text: string }>;

/**
 * Every part of a change in words, one line each: "Plan: Pro → Business (upgrade)", and when the
 * seats change with the plan, "Seats: 10 → 12" too, so no part of a change goes unsaid.
 */
export function describeChange(
  t: TFunction,
  names: Pick<CatalogNames, 'plan' | 'addOn'>,
  change: ChangeDescriptor,
): ChangePart[] {
  switch (change.kind) {
    case 'plan_change': {
      const plan: ChangePart = {
        key: change.kind,
        text: t(`changePlan.changes.plan.${change.direction}`, {
          from: names.plan(change.fromPlanId),
          to: names.plan(change.toPlanId),
        }),
      };
      if (change.fromQuantity === change.toQuantity) return [plan];
      const seats = t('changePlan.changes.seats', { from: change.fromQuantity, to: change.toQuantity });
      return [plan, { key: 'plan_change:seats', text: seats }];
    }
    case 'quantity_change':
      return [{ key: change.kind, text: t('changePlan.changes.seats', { from: change.from, to: change.to }) }];
    case 'interval_change':
      return [
        {
          key: change.kind,
          text: t('changePlan.changes.cycle', { from: cycleName(t, change.from), to: cycleName(t, change.to) }),
        },
      ];
    case 'add_on_change': {
      const name = names.addOn(change.addOnId);
      const key = `${change.kind}:${change.addOnId}`;
      if (change.to === 0) return [{ key, text: t('changePlan.changes.addOnRemoved', { name }) }];
      if (change.from === 0) return [{ key, text: t('changePlan.changes.addOnAdded', { name, count: change.to }) }];
      return [{ key, text: t('changePlan.changes.addOn', { name, from: change.from, to: change.to }) }];
    }
    case 'restart':
      return [
        {
          key: change.kind,
          text: t('cancellation.changes.restart', {
            plan: names.plan(change.planId),
            count: change.quantity,
            cycle: cycleName(t, change.interval),
          }),
        },
      ];
  }
}

/** Every part of every change, in words. */
export const describeChanges = (
  t: TFunction,
  names: Pick<CatalogNames, 'plan' | 'addOn'>,
  changes: readonly ChangeDescriptor[],
): ChangePart[] => changes.flatMap((change) => describeChange(t, names, change));

/**
 * What a scheduled change leads to: "Advanced × 3 seats", or just "Advanced" for a flat price
 * bought once. Seats are named when the subscription is priced per seat or has several.
 */
export const targetName = (
  t: TFunction,
  names: Pick<CatalogNames, 'plan'>,
  target: Pick<TargetState, 'planId' | 'quantity'>,
  pricing: 'per_seat' | 'flat',
): string => {
  const plan = names.plan(target.planId);
  return pricing === 'per_seat' || target.quantity > 1
    ? t('account.scheduled.targetSeats', { plan, count: target.quantity })
    : t('account.scheduled.targetFlat', { plan });
};
