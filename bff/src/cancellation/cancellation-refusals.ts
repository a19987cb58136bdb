import type { Instant } from '@planshift/shared/periods';
import { type Refusal, refusal } from '../refusal';

/** What the engine refuses about cancelling and resuming, as the API says it. */
export type EngineRefusal =
  | Readonly<{ reason: 'no_billing_permission' }>
  | Readonly<{ reason: 'already_canceled' }>
  | Readonly<{ reason: 'subscription_not_active'; status: string }>
  | Readonly<{ reason: 'cancellation_already_scheduled'; effectiveAt: Instant }>
  | Readonly<{ reason: 'no_scheduled_cancellation' }>
  | Readonly<{ reason: 'renewal_due'; periodEnd: Instant }>;

export type CancellationRefusal = Refusal<EngineRefusal['reason'] | 'change_in_progress' | 'subscription_changed'>;

// English for logs and API consumers; the SPA translates from the code and its details.
export function engineRefusal(refused: EngineRefusal): CancellationRefusal {
  switch (refused.reason) {
    case 'no_billing_permission':
      return refusal(refused.reason, 'Only owners and billing admins can cancel or resume the subscription.');
    case 'already_canceled':
      return refusal(refused.reason, 'The subscription has ended; start it again from the change flow.');
    case 'subscription_not_active':
      return refusal(refused.reason, `The subscription is ${refused.status}.`, null, { status: refused.status });
    case 'cancellation_already_scheduled':
      return refusal(refused.reason, 'The subscription is already set to end at the period end.', null, {
        effectiveAt: refused.effectiveAt,
      });
    case 'no_scheduled_cancellation':
      return refusal(refused.reason, 'No cancellation is scheduled.');
    case 'renewal_due':
      return refusal(refused.reason, 'The billing period has ended; the period-end run must run first.', null, {
        periodEnd: refused.periodEnd,
      });
  }
}

/** What the store answered when the subscription was not as the engine read it. */
export function storeRefusal(outcome: 'stale' | 'busy'): CancellationRefusal {
  return outcome === 'busy'
    ? refusal('change_in_progress', 'A change to this subscription is being confirmed; try again in a moment.')
    : refusal('subscription_changed', 'The subscription changed meanwhile; reload it.');
}
