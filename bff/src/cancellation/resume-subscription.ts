import { resumeSubscription as resumeInEngine } from '@planshift/shared/apply';
import type { AppDeps } from '../deps';
import { notFound, type Refusal } from '../refusal';
import { canManageBilling } from '../session/sessions';
import type { UserRecord } from '../store/records';
import { type CancellationRefusal, engineRefusal, storeRefusal } from './cancellation-refusals';

export type ResumeOutcome = Readonly<{ ok: true }> | CancellationRefusal | Refusal<'not_found'>;

/** Withdraws the scheduled cancellation, as the engine rules; unless another writer holds or moved the subscription. */
export async function resumeSubscription(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  user: UserRecord,
): Promise<ResumeOutcome> {
  const now = deps.clock.now();
  const state = await deps.store.accounts.loadBillingState(user.accountId);
  if (!state) return notFound('subscription');
  const decided = resumeInEngine(state.subscription, { canManageBilling: canManageBilling(user) }, now);
  if (!decided.ok) return engineRefusal(decided);
  // The engine found a pending cancellation, so the state holds its record.
  const cancellationId = state.cancellation?.status === 'pending' ? state.cancellation.id : null;
  if (!cancellationId) return storeRefusal('stale');
  const written = await deps.store.cancellations.resume({
    accountId: user.accountId,
    userId: user.id,
    expectedVersion: state.version,
    at: now,
    cancellationId,
  });
  return written === 'resumed' ? { ok: true } : storeRefusal(written);
}
