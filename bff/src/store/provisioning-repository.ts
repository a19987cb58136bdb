import type { Instant } from '@planshift/shared/periods';
import type { ChangeDescriptor } from '@planshift/shared/quote';

export type ProvisioningTask = Readonly<{
  changeId: string;
  accountId: string;
  accountName: string;
  confirmedAt: Instant;
  appliedNow: readonly ChangeDescriptor[];
}>;

/** Changes whose new limits a person activates by hand. */
export interface ProvisioningRepository {
  pending(): Promise<ProvisioningTask[]>;
  /** Activates a change's new limits and e-mails the customer; 'not_pending' when there is nothing to complete. */
  complete(
    input: Readonly<{ changeId: string; operator: string; at: Instant }>,
  ): Promise<'completed' | 'not_pending' | 'busy'>;
}
