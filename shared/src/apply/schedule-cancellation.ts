import type { Instant } from '../periods/instant';
import type { Actor, ScheduledCancellation, Subscription, SubscriptionStatus } from '../subscription/subscription';
import { currentPeriod } from '../subscription/subscription-state';

export type ScheduleCancellationResult =
  | Readonly<{ ok: true; subscription: Subscription; cancellation: ScheduledCancellation }>
  | Readonly<{ ok: false; reason: 'no_billing_permission' }>
  | Readonly<{ ok: false; reason: 'already_canceled' }>
  | Readonly<{ ok: false; reason: 'subscription_not_active'; status: SubscriptionStatus }>
  | Readonly<{ ok: false; reason: 'cancellation_already_scheduled'; effectiveAt: Instant }>
  | Readonly<{ ok: false; reason: 'renewal_due'; periodEnd: Instant }>;

/**
 * Schedules the end of the subscription at the end of its current period: it stays active (with
 * every limit, feature and add-on) until then, is not renewed, and nothing is refunded. It
 * replaces a change waiting for that period end, as any later change does, and keeps it as
 * `replaced`, so that resuming brings it back. Sales-only plans and past-due subscriptions may be
 * cancelled too: leaving needs nobody's approval, and open invoices stay due.
 */
export function scheduleCancellation(
  subscription: Subscription,
  actor: Actor,
  now: Instant,
): ScheduleCancellationResult {
  if (!actor.canManageBilling) return { ok: false, reason: 'no_billing_permission' };
  if (subscription.status === 'canceled') return { ok: false, reason: 'already_canceled' };
  if (subscription.status === 'paused') return { ok: false, reason: 'subscription_not_active', status: 'paused' };
  const pending = subscription.pendingChange;
  if (pending?.kind === 'cancellation') {
    return { ok: false, reason: 'cancellation_already_scheduled', effectiveAt: pending.effectiveAt };
  }
  const periodEnd = currentPeriod(subscription).end;
  // The ended period must be renewed (or ended) first: a cancellation always ends a period still running.
  if (now >= periodEnd) return { ok: false, reason: 'renewal_due', periodEnd };
  const cancellation: ScheduledCancellation = { kind: 'cancellation', effectiveAt: periodEnd, replaced: pending };
  return { ok: true, subscription: { ...subscription, pendingChange: cancellation }, cancellation };
}
