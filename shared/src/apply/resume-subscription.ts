import type { Instant } from '../periods/instant';
import type { Actor, ScheduledCancellation, Subscription } from '../subscription/subscription';

export type ResumeResult =
  | Readonly<{ ok: true; subscription: Subscription; resumed: ScheduledCancellation }>
  | Readonly<{ ok: false; reason: 'no_billing_permission' }>
  | Readonly<{ ok: false; reason: 'already_canceled' }>
  | Readonly<{ ok: false; reason: 'no_scheduled_cancellation' }>
  | Readonly<{ ok: false; reason: 'renewal_due'; periodEnd: Instant }>;

/**
 * Withdraws a scheduled cancellation before it takes effect: the subscription renews at the
 * period end as it is now. Once the period has ended the cancellation has taken effect, even
 * before the period-end run has recorded it; an ended subscription is started again instead.
 */
export function resumeSubscription(subscription: Subscription, actor: Actor, now: Instant): ResumeResult {
  if (!actor.canManageBilling) return { ok: false, reason: 'no_billing_permission' };
  if (subscription.status === 'canceled') return { ok: false, reason: 'already_canceled' };
  const pending = subscription.pendingChange;
  if (pending?.kind !== 'cancellation') return { ok: false, reason: 'no_scheduled_cancellation' };
  if (now >= pending.effectiveAt) return { ok: false, reason: 'renewal_due', periodEnd: pending.effectiveAt };
  return { ok: true, subscription: { ...subscription, pendingChange: null }, resumed: pending };
}
