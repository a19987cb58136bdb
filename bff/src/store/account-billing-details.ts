import { type BillingDetails, isCountryCode } from '@planshift/shared/billing-details';
import type { AccountRecord } from './records';

/**
 * The account's billing details as they stand: what a document issued now is addressed to (its
 * customer snapshot) and what the billing details page shows. Without a billing name of its own,
 * documents carry the account's name.
 */
export function billingDetailsOf(account: Omit<AccountRecord, 'paymentMethod'>): BillingDetails {
  const address = account.billingAddress;
  if (!isCountryCode(address.country)) throw new Error(`account ${account.id} has no valid billing country`);
  return {
    name: account.billingName ?? account.name,
    address: {
      line1: address.line1,
      line2: address.line2 ?? '',
      city: address.city,
      postalCode: address.postalCode,
      region: address.region ?? '',
      country: address.country,
    },
    taxId: account.taxId,
    email: account.billingEmail,
  };
}
