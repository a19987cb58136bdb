import type { Instant } from '@planshift/shared/periods';
import type { ConfirmedChangeSummary } from './records';

/** A subscription's scheduled change, and its confirmed changes as e-mails describe them. */
export interface SubscriptionRepository {
  cancelScheduledChange(
    input: Readonly<{ accountId: string; userId: string; expectedVersion: number; at: Instant }>,
  ): Promise<'canceled' | 'none' | 'stale' | 'busy'>;
  findChangeSummary(accountId: string, changeId: string): Promise<ConfirmedChangeSummary | null>;
}
