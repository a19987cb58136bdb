import type { ResumeView } from '@planshift/shared/api';
import { resumeSubscription as resumeInEngine } from '@planshift/shared/apply';
import type { AppDeps } from '../deps';
import { notFound, type Refusal } from '../refusal';
import { canManageBilling } from '../session/sessions';
import type { UserRecord } from '../store/records';
import { type CancellationRefusal, engineRefusal, storeRefusal } from './cancellation-refusals';
import { scheduledChangeView } from './cancellation-view';

export type ResumeOutcome = Readonly<{ ok: true; resumed: ResumeView }> | CancellationRefusal | Refusal<'not_found'>;

/**
 * Withdraws the scheduled cancellation, as the engine rules, bringing back the change it replaced;
 * unless another writer holds or moved the subscription.
 */
export async function resumeSubscription(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  user: UserRecord,
): Promise<ResumeOutcome> {
  const now = deps.clock.now();
  const state = await deps.store.accounts.loadBillingState(user.accountId);
  if (!state) return notFound('subscription');
  const decided = resumeInEngine(state.subscription, { canManageBilling: canManageBilling(user) }, now);
  if (!decided.ok) return engineRefusal(decided);
  // The engine found a pending cancellation, so the state holds its record, and the change it replaced.
  const cancellation = state.cancellation?.status === 'pending' ? state.cancellation : null;
  if (!cancellation) return storeRefusal('stale');
  const restored = decided.restored && cancellation.replaced;
  const written = await deps.store.cancellations.resume({
    accountId: user.accountId,
    userId: user.id,
    expectedVersion: state.version,
    at: now,
    cancellationId: cancellation.id,
    restoreScheduledChangeId: restored ? restored.id : null,
  });
  if (written !== 'resumed') return storeRefusal(written);
  return {
    ok: true,
    resumed: { renewsAt: decided.resumed.effectiveAt, restoredChange: restored ? scheduledChangeView(restored) : null },
  };
}
