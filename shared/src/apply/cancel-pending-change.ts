import type { Subscription } from '../subscription/subscription';

export type CancelResult =
  | Readonly<{ ok: true; subscription: Subscription }>
  | Readonly<{ ok: false; reason: 'no_pending_change' }>;

/**
 * The subscription with its scheduled change cancelled: it renews as it is now. A scheduled
 * cancellation is not a change to cancel; `resumeSubscription` withdraws it.
 */
export function cancelPendingChange(subscription: Subscription): CancelResult {
  if (subscription.pendingChange?.kind !== 'change') return { ok: false, reason: 'no_pending_change' };
  return { ok: true, subscription: { ...subscription, pendingChange: null } };
}
