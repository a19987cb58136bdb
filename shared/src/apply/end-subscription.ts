import type { Instant } from '../periods/instant';
import type { ScheduledCancellation, Subscription } from '../subscription/subscription';

/** A subscription ended by its cancellation: canceled at the period end, not renewed, nothing billed. */
export type Ending = Readonly<{
  endedAt: Instant;
  cancellation: ScheduledCancellation;
  subscription: Subscription;
}>;

export type EndResult =
  | Readonly<{ ok: true; ending: Ending }>
  | Readonly<{ ok: false; reason: 'no_scheduled_cancellation' }>
  | Readonly<{ ok: false; reason: 'period_not_ended'; endsAt: Instant }>;

/**
 * Ends a subscription whose scheduled cancellation has come: its status becomes canceled, no
 * renewal invoice is issued and nothing is refunded. It keeps its last items and account credit
 * (credit is never paid out), which a restart starts from.
 */
export function endSubscription(subscription: Subscription, now: Instant): EndResult {
  const pending = subscription.pendingChange;
  if (pending?.kind !== 'cancellation') return { ok: false, reason: 'no_scheduled_cancellation' };
  if (now < pending.effectiveAt) return { ok: false, reason: 'period_not_ended', endsAt: pending.effectiveAt };
  return {
    ok: true,
    ending: {
      endedAt: pending.effectiveAt,
      cancellation: pending,
      subscription: { ...subscription, status: 'canceled', pendingChange: null },
    },
  };
}
