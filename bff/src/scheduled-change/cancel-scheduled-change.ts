import type { AppDeps } from '../deps';
import { type Refusal, refusal } from '../refusal';
import { canManageBilling } from '../session/sessions';
import type { UserRecord } from '../store/records';

export type CancelOutcome =
  | Readonly<{ ok: true }>
  | Refusal<'no_billing_permission' | 'no_scheduled_change' | 'change_in_progress' | 'subscription_changed'>;

/** Cancels the account's scheduled change, unless another writer holds or moved the subscription. */
export async function cancelScheduledChange(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  user: UserRecord,
): Promise<CancelOutcome> {
  if (!canManageBilling(user)) {
    return refusal('no_billing_permission', 'Only owners and billing admins can change the subscription.');
  }
  const none = refusal('no_scheduled_change', 'There is no scheduled change.');
  const state = await deps.store.accounts.loadBillingState(user.accountId);
  if (!state?.scheduledChange) return none;
  const outcome = await deps.store.subscriptions.cancelScheduledChange({
    accountId: user.accountId,
    userId: user.id,
    expectedVersion: state.version,
    at: deps.clock.now(),
  });
  switch (outcome) {
    case 'canceled':
      return { ok: true };
    case 'none':
      return none;
    case 'busy':
      return refusal('change_in_progress', 'A change to this subscription is being confirmed.');
    case 'stale':
      return refusal('subscription_changed', 'The subscription changed meanwhile; reload it.');
  }
}
