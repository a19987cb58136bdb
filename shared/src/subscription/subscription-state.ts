import { type Period, periodAt } from '../periods/period-boundary';
import type { Subscription, SubscriptionItem, TargetState } from './subscription';

/** The subscription's current billing period. */
export function currentPeriod(subscription: Subscription): Period {
  return periodAt(subscription.anchor, subscription.interval, subscription.periodIndex);
}

/** The subscription as it is now, in the shape of a requested target. */
export function currentTarget(subscription: Subscription): TargetState {
  return {
    planId: subscription.plan.planId,
    interval: subscription.interval,
    quantity: subscription.plan.quantity,
    addOns: subscription.addOns.map(({ addOnId, quantity }) => ({ addOnId, quantity })),
  };
}

/** One item's share of the price per cycle: unit price × quantity. */
export type CyclePricePart = Readonly<{
  item: Readonly<{ type: 'plan' | 'add_on'; id: string }>;
  unitAmount: number;
  quantity: number;
  amount: number;
}>;

const part = (type: 'plan' | 'add_on', id: string, item: SubscriptionItem): CyclePricePart => ({
  item: { type, id },
  unitAmount: item.unitAmount,
  quantity: item.quantity,
  amount: item.unitAmount * item.quantity,
});

/** What each item (the plan, then every add-on) costs per cycle at the price it was billed at. */
export function pricePerCycleParts(subscription: Subscription): CyclePricePart[] {
  return [
    part('plan', subscription.plan.planId, subscription.plan),
    ...subscription.addOns.map((addOn) => part('add_on', addOn.addOnId, addOn)),
  ];
}

/** What the subscription costs per cycle at the prices it was billed at: the sum of its parts. */
export function pricePerCycle(subscription: Subscription): number {
  return pricePerCycleParts(subscription).reduce((sum, each) => sum + each.amount, 0);
}
