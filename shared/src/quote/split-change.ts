import type { Catalog } from '../catalog/catalog';
import { findAddOn, findPlan, findPrice, isAddOnCompatible } from '../catalog/find-in-catalog';
import { intervalMonths, sameInterval } from '../periods/billing-interval';
import { addOnQuantity, sameTarget } from '../subscription/same-target';
import type { Subscription, TargetState } from '../subscription/subscription';
import { currentTarget } from '../subscription/subscription-state';
import { planChangeDirection } from './plan-direction';

/** A requested target split into what takes effect now and what waits for the period end. */
export type ChangeSplit = Readonly<{
  /** What takes effect at once. */
  immediate: TargetState;
  scheduled: TargetState | null;
  /** A new interval starting now ends the current period for every item. */
  intervalChangesNow: boolean;
}>;

/**
 * Decides the timing of each part of a change (product.md §2): a longer interval applies now
 * (a shorter one by policy) and takes the whole target with it; otherwise upgrades and increases
 * apply now and downgrades and reductions by policy, each add-on judged on its own.
 */
export function splitChange(catalog: Catalog, subscription: Subscription, target: TargetState): ChangeSplit {
  const { policies } = catalog;
  const current = currentTarget(subscription);
  if (!sameInterval(target.interval, current.interval)) {
    const longer = intervalMonths(target.interval) > intervalMonths(current.interval);
    if (longer || policies.annualToMonthlyTiming === 'immediate') {
      return { immediate: target, scheduled: null, intervalChangesNow: true };
    }
  }
  const immediately = (increase: boolean) =>
    (increase ? policies.upgradeTiming : policies.downgradeTiming) === 'immediate';

  let planId = current.planId;
  let quantity = current.quantity;
  if (target.planId === current.planId) {
    if (immediately(target.quantity > current.quantity)) quantity = target.quantity;
  } else {
    const targetPlan = findPlan(catalog, target.planId);
    // A plan not sold in the current interval can only start with the new interval.
    const pricedNow = targetPlan && findPrice(targetPlan, current.interval, subscription.currency);
    const to = { planId: target.planId, quantity: target.quantity, interval: current.interval };
    if (pricedNow && immediately(planChangeDirection(catalog, subscription, current, to) === 'upgrade')) {
      planId = target.planId;
      quantity = target.quantity;
    }
  }

  const ids = new Set([...current.addOns, ...target.addOns].map((held) => held.addOnId));
  const addOns = [...ids].sort().flatMap((addOnId) => {
    const addOn = findAddOn(catalog, addOnId);
    const held = addOnQuantity(current, addOnId);
    const wanted = addOnQuantity(target, addOnId);
    const compatible = addOn !== undefined && isAddOnCompatible(addOn, planId);
    // An add-on that depends on a plan being left now goes with it.
    if (held > 0 && !compatible) return [];
    let quantityNow = held;
    if (wanted > held) {
      const sellable = compatible && findPrice(addOn, current.interval, subscription.currency) !== undefined;
      if (sellable && immediately(true)) quantityNow = wanted;
    } else if (wanted < held && immediately(false)) {
      quantityNow = wanted;
    }
    return quantityNow > 0 ? [{ addOnId, quantity: quantityNow }] : [];
  });

  const immediate: TargetState = { planId, interval: current.interval, quantity, addOns };
  return { immediate, scheduled: sameTarget(immediate, target) ? null : target, intervalChangesNow: false };
}
