import type { CurrencyCode } from '../money/currencies';
import type { BillingInterval } from '../periods/billing-interval';
import type { Instant } from '../periods/instant';

/**
 * A subscription's standing: past due while a renewal invoice is unpaid; paused blocks changes;
 * canceled once its cancellation took effect at a period end (it is not renewed, and a change
 * starts it again).
 */
export const SUBSCRIPTION_STATUSES = ['active', 'past_due', 'paused', 'canceled'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** One priced line of a subscription, as billed for the current period. */
export type SubscriptionItem = Readonly<{
  priceId: string;
  /** The unit price this item was billed at for the current period: the base of any credit. */
  unitAmount: number;
  quantity: number;
  /** Minor units billed for this item in the current period, and credited back since. */
  billedInPeriod: number;
  creditedInPeriod: number;
}>;

export type PlanItem = SubscriptionItem & Readonly<{ planId: string }>;
export type AddOnItem = SubscriptionItem & Readonly<{ addOnId: string }>;

/** A subscription as the customer wants it: plan, interval, total seats and add-ons. */
export type TargetState = Readonly<{
  planId: string;
  interval: BillingInterval;
  quantity: number;
  addOns: readonly Readonly<{ addOnId: string; quantity: number }>[];
}>;

/** A change that takes effect at a period end (a downgrade, fewer seats, an add-on removed…). */
export type ScheduledTargetChange = Readonly<{
  kind: 'change';
  effectiveAt: Instant;
  target: TargetState;
}>;

/**
 * The subscription ends at the period end: it stays active until then, is not renewed, nothing
 * more is billed. It remembers the change it replaced (one scheduled for the same period end), so
 * that resuming gives the customer back exactly what they had before cancelling.
 */
export type ScheduledCancellation = Readonly<{
  kind: 'cancellation';
  effectiveAt: Instant;
  replaced: ScheduledTargetChange | null;
}>;

/**
 * What waits for the period end: a change, or the end of the subscription. There is one at a
 * time, so whichever the customer confirms last replaces the other.
 */
export type PendingChange = ScheduledTargetChange | ScheduledCancellation;

/**
 * The state the engine prices and changes. Every item bills on the subscription's one interval
 * from its one anchor, so the whole subscription renews on one date.
 */
export type Subscription = Readonly<{
  id: string;
  currency: CurrencyCode;
  status: SubscriptionStatus;
  interval: BillingInterval;
  /** Period k is [anchor + k·interval, anchor + (k+1)·interval). */
  anchor: Instant;
  periodIndex: number;
  plan: PlanItem;
  /** Sorted by add-on id; at most one item per add-on. */
  addOns: readonly AddOnItem[];
  pendingChange: PendingChange | null;
  /** Account credit in minor units, never negative: applied to the next charges. */
  creditBalance: number;
  unpaidInvoices: number;
}>;

/** The person asking for the change. */
export type Actor = Readonly<{ canManageBilling: boolean }>;
