import type { Catalog, LimitValue } from '../catalog/catalog';
import { type Entitlements, entitlementsFor } from '../catalog/entitlements';
import { compareLimit } from '../catalog/plan-differences';
import type { Instant } from '../periods/instant';
import type { Subscription } from '../subscription/subscription';
import { currentTarget } from '../subscription/subscription-state';
import type { ChangeDescriptor, Quote } from './quote';

export type LimitLoss = Readonly<{
  id: string;
  from: LimitValue;
  /** The lower value, or `removed` when the limit is no longer given at all. */
  to: number | 'removed';
}>;

export type AddOnLoss = Readonly<{ addOnId: string; from: number; to: number }>;

/** What a customer stops having: limits lowered, features and add-ons removed (or fewer of an add-on). */
export type Losses = Readonly<{
  limits: readonly LimitLoss[];
  features: readonly string[];
  addOns: readonly AddOnLoss[];
}>;

/** When a change's losses happen: what goes now, and what goes at the scheduled date. */
export type QuoteLosses = Readonly<{
  now: Losses;
  scheduled: Readonly<{ effectiveAt: Instant; losses: Losses }> | null;
}>;

/** Whether there is nothing to lose. */
export const losesNothing = (losses: Losses): boolean =>
  losses.limits.length === 0 && losses.features.length === 0 && losses.addOns.length === 0;

/** Limits lowered (unlimited above every number; a limit no longer given is lost) and features removed. */
export function entitlementLosses(before: Entitlements, after: Entitlements): Pick<Losses, 'limits' | 'features'> {
  const limits = Object.entries(before.limits).flatMap(([id, from]): LimitLoss[] => {
    const to = after.limits[id];
    if (to === undefined) return from === 0 ? [] : [{ id, from, to: 'removed' }];
    return to !== null && compareLimit(to, from) === 'less' ? [{ id, from, to }] : [];
  });
  const kept = new Set(after.features);
  return { limits, features: before.features.filter((feature) => !kept.has(feature)) };
}

/** The add-ons a change removes or reduces, from its descriptors. */
export function addOnLosses(changes: readonly ChangeDescriptor[]): AddOnLoss[] {
  return changes.flatMap((change) =>
    change.kind === 'add_on_change' && change.direction === 'decrease'
      ? [{ addOnId: change.addOnId, from: change.from, to: change.to }]
      : [],
  );
}

/**
 * What confirming a quote takes away (product.md §5: a downgrade lists what will be lost before
 * confirming): now, against the subscription as it is, and at the scheduled date, against what
 * the customer has from now on.
 */
export function quoteLosses(catalog: Catalog, subscription: Subscription, quote: Quote): QuoteLosses {
  const held = currentTarget(subscription);
  const before = entitlementsFor(catalog, held.planId, held.addOns);
  const { fromNow, afterScheduled } = quote.entitlements;
  return {
    now: { ...entitlementLosses(before, fromNow), addOns: addOnLosses(quote.appliedNow) },
    scheduled:
      quote.scheduled && afterScheduled
        ? {
            effectiveAt: quote.scheduled.effectiveAt,
            losses: { ...entitlementLosses(fromNow, afterScheduled), addOns: addOnLosses(quote.scheduled.changes) },
          }
        : null,
  };
}
