import type { AddOnItem, PlanItem, Subscription, SubscriptionItem } from './subscription';

// Explicit literals rather than object spreads: these run on every quote, and V8 builds a
// literal of known shape far faster than it clones and extends one.

/** The plan item for a plan billed as the item says. */
export function planItem(planId: string, item: SubscriptionItem): PlanItem {
  return {
    planId,
    priceId: item.priceId,
    unitAmount: item.unitAmount,
    quantity: item.quantity,
    billedInPeriod: item.billedInPeriod,
    creditedInPeriod: item.creditedInPeriod,
  };
}

/** The add-on item for an add-on billed as the item says. */
export function addOnItem(addOnId: string, item: SubscriptionItem): AddOnItem {
  return {
    addOnId,
    priceId: item.priceId,
    unitAmount: item.unitAmount,
    quantity: item.quantity,
    billedInPeriod: item.billedInPeriod,
    creditedInPeriod: item.creditedInPeriod,
  };
}

/** The parts of a subscription a change or a renewal replaces. */
export type SubscriptionChanges = Pick<
  Subscription,
  'status' | 'interval' | 'anchor' | 'periodIndex' | 'plan' | 'addOns' | 'pendingChange' | 'creditBalance'
>;

/** The subscription with a change's standing, schedule, items, pending change and credit balance. */
export function withChanges(subscription: Subscription, changes: SubscriptionChanges): Subscription {
  return {
    id: subscription.id,
    currency: subscription.currency,
    status: changes.status,
    interval: changes.interval,
    anchor: changes.anchor,
    periodIndex: changes.periodIndex,
    plan: changes.plan,
    addOns: changes.addOns,
    pendingChange: changes.pendingChange,
    creditBalance: changes.creditBalance,
    unpaidInvoices: subscription.unpaidInvoices,
  };
}
