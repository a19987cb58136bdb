import type { Ending, Renewal } from '@planshift/shared/apply';
import type { Instant } from '@planshift/shared/periods';
import type { BillingState } from './records';

export type RenewalCursor = Readonly<{ periodEnd: Instant; subscriptionId: string }>;

/** What the engine decided for a subscription whose period ended: its renewals, then its end if it was cancelled. */
export type PeriodEnds = Readonly<{ renewals: readonly Renewal[]; ending: Ending | null }>;

/** Period ends: renewing the subscriptions whose period has ended. */
export interface RenewalRepository {
  /**
   * Renews (or ends, when cancelled), in one transaction, up to `limit` subscriptions whose period has ended by `now`,
   * after `cursor` in the order of their period end: `renew` is the engine deciding from the state
   * read inside that transaction. The cursor it answers continues the walk; null when done.
   */
  renewDue(
    input: Readonly<{
      now: Instant;
      limit: number;
      cursor: RenewalCursor | null;
      renew: (state: BillingState) => PeriodEnds;
    }>,
  ): Promise<
    Readonly<{ renewed: number; ended: number; invoices: number; skipped: number; cursor: RenewalCursor | null }>
  >;
}
