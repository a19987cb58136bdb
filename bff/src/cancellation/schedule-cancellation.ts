import type { CancellationRequest, CancellationView } from '@planshift/shared/api';
import { scheduleCancellation as scheduleInEngine } from '@planshift/shared/apply';
import type { AppDeps } from '../deps';
import { uuidV7 } from '../ids';
import { notFound, type Refusal } from '../refusal';
import { canManageBilling } from '../session/sessions';
import type { UserRecord } from '../store/records';
import { type CancellationRefusal, engineRefusal, storeRefusal } from './cancellation-refusals';
import { cancellationView } from './cancellation-view';

export type ScheduleOutcome =
  | Readonly<{ ok: true; cancellation: CancellationView }>
  | CancellationRefusal
  | Refusal<'not_found'>;

/**
 * Cancels the subscription at the end of its period, as the engine rules (replacing a change
 * scheduled for then), with the reason the customer gave; unless another writer holds or moved it.
 */
export async function scheduleCancellation(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  user: UserRecord,
  request: CancellationRequest,
): Promise<ScheduleOutcome> {
  const now = deps.clock.now();
  const state = await deps.store.accounts.loadBillingState(user.accountId);
  if (!state) return notFound('subscription');
  const decided = scheduleInEngine(state.subscription, { canManageBilling: canManageBilling(user) }, now);
  if (!decided.ok) return engineRefusal(decided);
  const cancellation = {
    id: uuidV7(),
    effectiveAt: decided.cancellation.effectiveAt,
    reason: request.reason ?? null,
    // An empty comment says nothing: it is not kept as one.
    comment: request.comment ? request.comment : null,
  };
  const written = await deps.store.cancellations.schedule({
    accountId: user.accountId,
    userId: user.id,
    expectedVersion: state.version,
    at: now,
    cancellation,
  });
  if (written !== 'scheduled') return storeRefusal(written);
  return {
    ok: true,
    cancellation: cancellationView({
      ...cancellation,
      status: 'pending',
      createdAt: now,
      // The engine replaced the pending change the state holds, and the store found it so at the same version.
      replaced: decided.cancellation.replaced ? state.scheduledChange : null,
    }),
  };
}
