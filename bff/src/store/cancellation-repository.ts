import type { CancellationReason } from '@planshift/shared/api';
import type { Instant } from '@planshift/shared/periods';

/** Who writes, when, and the subscription version the engine decided from. */
export type CancellationWriter = Readonly<{ accountId: string; userId: string; expectedVersion: number; at: Instant }>;

/**
 * Cancelling at the period end and resuming: each one transaction that writes only if the
 * subscription is still at the version the engine decided from and nobody holds it (decision
 * 006), with the confirmation e-mail and the audit event.
 */
export interface CancellationRepository {
  /** Records the cancellation, ending a pending scheduled change it replaces (and naming it, for a resume). */
  schedule(
    input: CancellationWriter &
      Readonly<{
        cancellation: Readonly<{
          id: string;
          effectiveAt: Instant;
          reason: CancellationReason | null;
          comment: string | null;
        }>;
      }>,
  ): Promise<'scheduled' | 'stale' | 'busy'>;
  /**
   * Withdraws the pending cancellation, and makes the scheduled change it replaced pending again
   * when the engine restored it (`restoreScheduledChangeId`); otherwise the subscription renews as it is.
   */
  resume(
    input: CancellationWriter & Readonly<{ cancellationId: string; restoreScheduledChangeId: string | null }>,
  ): Promise<'resumed' | 'stale' | 'busy'>;
}
