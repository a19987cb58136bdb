import type { BillingDetails } from '@planshift/shared/billing-details';
import type { Instant } from '@planshift/shared/periods';

/** The account's billing details: what documents issued from now on are addressed and sent to. */
export interface BillingDetailsRepository {
  /**
   * Replaces them, audited with who did it. Issued documents keep the details they were issued
   * with; one transaction, so a document issued at the same moment carries the old details or
   * the new, never a mix. False when the account does not exist.
   */
  update(
    input: Readonly<{ accountId: string; userId: string; details: BillingDetails; at: Instant }>,
  ): Promise<boolean>;
}
