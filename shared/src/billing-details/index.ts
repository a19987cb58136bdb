export type { BillingAddress, BillingDetails } from './billing-details';
export {
  type BillingDetailsInput,
  billingDetailsInputSchema,
  billingDetailsSchema,
  countryCodeSchema,
  TAX_ID_INVALID,
  toBillingDetails,
} from './billing-details-schema';
export { COUNTRY_CODES, type CountryCode, isCountryCode } from './countries';
export { checkTaxId, EU_VAT_SCHEMES, type TaxIdCheck, type VatScheme, vatSchemeOf } from './tax-id';
