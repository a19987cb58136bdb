import type { Catalog, QuantityRange } from '../catalog/catalog';
import { findPlan, findPrice } from '../catalog/find-in-catalog';
import { type Money, money } from '../money/money';
import { type BillingInterval, intervalMonths, MONTHLY } from '../periods/billing-interval';
import type { Actor, Subscription } from '../subscription/subscription';
import { addOnAvailability, intervalAvailability, planAvailability, planQuantityRange } from './availability';
import { changeBlockers } from './change-blockers';
import type { AddOnUnavailable, Availability, ChangeBlocker, PlanUnavailable } from './reasons';

export type PlanOption = Readonly<{
  planId: string;
  current: boolean;
  salesOnly: boolean;
  availability: Availability<PlanUnavailable>;
  quantity: QuantityRange;
}>;

export type IntervalOption = Readonly<{
  interval: BillingInterval;
  availability: Availability<PlanUnavailable>;
  /** The selected plan × seats for one interval, when sold in it. */
  price: Money | null;
  /** What paying this interval saves against paying monthly over the same time. */
  savingVersusMonthly: Money | null;
}>;

export type AddOnOption = Readonly<{
  addOnId: string;
  heldQuantity: number;
  quantity: QuantityRange;
  availability: Availability<AddOnUnavailable>;
  unitPrice: Money | null;
}>;

/** What the customer may choose, and why not where they may not. */
export type ChangeOptions = Readonly<{
  blockers: readonly ChangeBlocker[];
  plans: readonly PlanOption[];
  intervals: readonly IntervalOption[];
  addOns: readonly AddOnOption[];
}>;

/** The plan, quantity and add-on choices being considered; defaults to the current ones. */
export type OptionSelection = Readonly<{ planId: string; interval: BillingInterval; quantity: number }>;

function distinctIntervals(catalog: Catalog): BillingInterval[] {
  const byMonths = new Map<number, BillingInterval>();
  for (const product of [...catalog.plans, ...catalog.addOns]) {
    for (const price of product.prices) byMonths.set(intervalMonths(price.interval), price.interval);
  }
  return [...byMonths.entries()].sort(([a], [b]) => a - b).map(([, interval]) => interval);
}

/**
 * Every plan, interval and add-on the actor may choose for the subscription (for the selected
 * plan and interval), each unavailable one with its reason code and parameters.
 */
export function changeOptions(
  catalog: Catalog,
  subscription: Subscription,
  actor: Actor,
  selection: OptionSelection = {
    planId: subscription.plan.planId,
    interval: subscription.interval,
    quantity: subscription.plan.quantity,
  },
): ChangeOptions {
  const { currency } = subscription;
  const current = findPlan(catalog, subscription.plan.planId);
  const selected = findPlan(catalog, selection.planId) ?? current;

  // An ended subscription holds no plan: starting again, every plan is a new choice.
  const restart = subscription.status === 'canceled';
  const plans = catalog.plans.map((plan) => ({
    planId: plan.id,
    current: !restart && plan.id === current?.id,
    salesOnly: plan.salesOnly,
    availability: planAvailability(plan, current, currency, restart),
    quantity: planQuantityRange(plan),
  }));

  const monthly = selected && findPrice(selected, MONTHLY, currency);
  const intervals = selected
    ? distinctIntervals(catalog).map((interval): IntervalOption => {
        const price = findPrice(selected, interval, currency);
        const perInterval = price ? price.unitAmount * selection.quantity : null;
        const asMonthly = monthly ? monthly.unitAmount * selection.quantity * intervalMonths(interval) : null;
        return {
          interval,
          availability: intervalAvailability(selected, interval, currency),
          price: perInterval === null ? null : money(perInterval, currency),
          savingVersusMonthly:
            perInterval !== null && asMonthly !== null && asMonthly > perInterval
              ? money(asMonthly - perInterval, currency)
              : null,
        };
      })
    : [];

  const addOns = catalog.addOns.map((addOn): AddOnOption => {
    const price = findPrice(addOn, selection.interval, currency);
    return {
      addOnId: addOn.id,
      heldQuantity: subscription.addOns.find((item) => item.addOnId === addOn.id)?.quantity ?? 0,
      quantity: addOn.quantity,
      availability: addOnAvailability(addOn, selection.planId, selection.interval, subscription),
      unitPrice: price ? money(price.unitAmount, currency) : null,
    };
  });

  return { blockers: changeBlockers(catalog, subscription, actor), plans, intervals, addOns };
}
