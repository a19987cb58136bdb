import type { BillingDetails } from '@planshift/shared/billing-details';
import type { AccountRecord } from './records';

/**
 * The account's billing details as they stand: what a document issued now is addressed to (its
 * customer snapshot) and what the billing details page shows. Without a billing name of its own,
 * documents carry the account's name.
 */
export function billingDetailsOf(account: Omit<AccountRecord, 'paymentMethod'>): BillingDetails {
  return {
    name: account.billingName ?? account.name,
    address: account.billingAddress,
    taxId: account.taxId,
    email: account.billingEmail,
  };
}
