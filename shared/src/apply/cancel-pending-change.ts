import type { Subscription } from '../subscription/subscription';

export type CancelResult =
  | Readonly<{ ok: true; subscription: Subscription }>
  | Readonly<{ ok: false; reason: 'no_pending_change' }>;

/** The subscription with its scheduled change cancelled: it renews as it is now. */
export function cancelPendingChange(subscription: Subscription): CancelResult {
  if (!subscription.pendingChange) return { ok: false, reason: 'no_pending_change' };
  return { ok: true, subscription: { ...subscription, pendingChange: null } };
}
