import type { BillingDetailsView } from '@planshift/shared/api';
import { type BillingDetailsInput, toBillingDetails } from '@planshift/shared/billing-details';
import type { AppDeps } from '../deps';
import { notFound, type Refusal, refusal } from '../refusal';
import { canManageBilling } from '../session/sessions';
import type { UserRecord } from '../store/records';

export type UpdateOutcome =
  | Readonly<{ ok: true; view: BillingDetailsView }>
  | Refusal<'no_billing_permission' | 'not_found'>;

/**
 * Changes the account's billing details for the documents issued from now on. Documents already
 * issued keep theirs (each holds a copy), so no subscription or document is touched and no claim
 * is needed: the write is one transaction, which a document is issued before or after.
 */
export async function updateBillingDetails(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  user: UserRecord,
  input: BillingDetailsInput,
): Promise<UpdateOutcome> {
  if (!canManageBilling(user)) {
    return refusal('no_billing_permission', 'Only owners and billing admins can change the billing details.');
  }
  const details = toBillingDetails(input);
  const updated = await deps.store.billingDetails.update({
    accountId: user.accountId,
    userId: user.id,
    details,
    at: deps.clock.now(),
  });
  if (!updated) return notFound('account');
  return { ok: true, view: { billingDetails: details, canEdit: true } };
}
