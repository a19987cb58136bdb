import type { Instant } from '../periods/instant';
import type { Actor, ScheduledCancellation, ScheduledTargetChange, Subscription } from '../subscription/subscription';

export type ResumeResult =
  | Readonly<{
      ok: true;
      subscription: Subscription;
      resumed: ScheduledCancellation;
      /** The change the cancellation had replaced, pending again; null when there was none to bring back. */
      restored: ScheduledTargetChange | null;
    }>
  | Readonly<{ ok: false; reason: 'no_billing_permission' }>
  | Readonly<{ ok: false; reason: 'already_canceled' }>
  | Readonly<{ ok: false; reason: 'no_scheduled_cancellation' }>
  | Readonly<{ ok: false; reason: 'renewal_due'; periodEnd: Instant }>;

/**
 * Withdraws a scheduled cancellation before it takes effect, returning the subscription to where
 * it was before cancelling: the change the cancellation replaced is pending again (while its date
 * is still ahead), and otherwise the subscription renews at the period end as it is now. Once the
 * period has ended the cancellation has taken effect, even before the period-end run has
 * recorded it; an ended subscription is started again instead.
 */
export function resumeSubscription(subscription: Subscription, actor: Actor, now: Instant): ResumeResult {
  if (!actor.canManageBilling) return { ok: false, reason: 'no_billing_permission' };
  if (subscription.status === 'canceled') return { ok: false, reason: 'already_canceled' };
  const pending = subscription.pendingChange;
  if (pending?.kind !== 'cancellation') return { ok: false, reason: 'no_scheduled_cancellation' };
  if (now >= pending.effectiveAt) return { ok: false, reason: 'renewal_due', periodEnd: pending.effectiveAt };
  // A change whose date has passed can no longer wait for it; the renewal would never apply it.
  const restored = pending.replaced && pending.replaced.effectiveAt > now ? pending.replaced : null;
  return { ok: true, subscription: { ...subscription, pendingChange: restored }, resumed: pending, restored };
}
