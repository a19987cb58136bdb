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

/** What the subscription costs per cycle at the prices it was billed at. */
export function pricePerCycle(subscription: Subscription): number {
  const items: readonly SubscriptionItem[] = [subscription.plan, ...subscription.addOns];
  return items.reduce((sum, item) => sum + item.unitAmount * item.quantity, 0);
}
