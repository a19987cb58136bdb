import type { CountryCode } from './countries';

/** Where documents are addressed: empty strings for the parts an address does not have. */
export type BillingAddress = Readonly<{
  line1: string;
  line2: string;
  city: string;
  postalCode: string;
  region: string;
  country: CountryCode;
}>;

/**
 * Who the account's documents are issued to and sent to: the name and address printed on them,
 * the VAT or tax ID (compact, prefixed for EU VAT numbers), and the e-mail they go to. Each
 * document keeps the details it was issued with.
 */
export type BillingDetails = Readonly<{
  name: string;
  address: BillingAddress;
  taxId: string | null;
  email: string;
}>;
