import type { AddOn, Plan } from '../catalog/catalog';
import { findPrice, isAddOnCompatible } from '../catalog/find-in-catalog';
import type { CurrencyCode } from '../money/currencies';
import { type BillingInterval, sameInterval } from '../periods/billing-interval';
import type { Subscription } from '../subscription/subscription';
import {
  type AddOnUnavailable,
  AVAILABLE,
  type Availability,
  type PlanUnavailable,
  type QuantityUnavailable,
  unavailable,
} from './reasons';

/**
 * Whether the customer may choose the plan: the current plan always; another only within the
 * current plan's group (when it has one), not sold only through sales, and priced in the
 * account's currency. Starting an ended subscription again (`restart`), its old plan is no
 * longer held: it is chosen like any other, so a sales-only plan needs sales.
 */
export function planAvailability(
  plan: Plan,
  current: Plan | undefined,
  currency: CurrencyCode,
  restart = false,
): Availability<PlanUnavailable> {
  if (restart || plan.id !== current?.id) {
    if (current?.group != null && plan.group !== current.group) {
      return unavailable({ reason: 'not_in_plan_group', planId: plan.id, group: current.group });
    }
    if (plan.salesOnly) return unavailable({ reason: 'sales_only', planId: plan.id });
  }
  if (!plan.prices.some((price) => price.currency === currency)) {
    return unavailable({ reason: 'currency_unavailable', planId: plan.id, currency });
  }
  return AVAILABLE;
}

/** Whether the plan is sold in the interval, in the account's currency. */
export function intervalAvailability(
  plan: Plan,
  interval: BillingInterval,
  currency: CurrencyCode,
): Availability<PlanUnavailable> {
  return findPrice(plan, interval, currency)
    ? AVAILABLE
    : unavailable({ reason: 'interval_unavailable', planId: plan.id, interval });
}

/** Whether a total quantity is within the range; a range of one value is not adjustable. */
export function quantityAvailability(
  range: Readonly<{ min: number; max: number }>,
  requested: number,
): Availability<QuantityUnavailable> {
  // Units are whole: a fraction of a seat has no price, and exact proration needs integers.
  if (!Number.isSafeInteger(requested)) return unavailable({ reason: 'quantity_not_integer', requested });
  if (range.min === range.max && requested !== range.min) {
    return unavailable({ reason: 'quantity_not_adjustable', quantity: range.min, requested });
  }
  if (requested < range.min) return unavailable({ reason: 'below_min_quantity', min: range.min, requested });
  if (requested > range.max) return unavailable({ reason: 'above_max_quantity', max: range.max, requested });
  return AVAILABLE;
}

/** The quantity range of a plan: seats for per-seat plans, exactly one for flat plans. */
export function planQuantityRange(plan: Plan): Readonly<{ min: number; max: number }> {
  return plan.pricing === 'flat' ? { min: 1, max: 1 } : plan.quantity;
}

/**
 * Whether an add-on can be had with a plan in an interval. Add-ons bill on the plan's interval,
 * and the same add-on cannot be held in two billing cycles at once.
 */
export function addOnAvailability(
  addOn: AddOn,
  planId: string,
  planInterval: BillingInterval,
  subscription: Subscription,
  requestedInterval: BillingInterval = planInterval,
): Availability<AddOnUnavailable> {
  if (!isAddOnCompatible(addOn, planId))
    return unavailable({ reason: 'addon_incompatible', addOnId: addOn.id, planId });
  if (!sameInterval(requestedInterval, planInterval)) {
    const held = subscription.addOns.some((item) => item.addOnId === addOn.id);
    return held
      ? unavailable({ reason: 'addon_other_interval_held', addOnId: addOn.id, heldInterval: subscription.interval })
      : unavailable({ reason: 'addon_interval_differs_from_plan', addOnId: addOn.id, planInterval });
  }
  if (!findPrice(addOn, planInterval, subscription.currency)) {
    return unavailable({ reason: 'addon_interval_unavailable', addOnId: addOn.id, interval: planInterval });
  }
  return AVAILABLE;
}
