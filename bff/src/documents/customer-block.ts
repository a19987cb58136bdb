import type { Locale } from '@planshift/shared/account';
import { vatSchemeOf } from '@planshift/shared/billing-details';
import type { Customer } from '../store/records';
import { countryName } from './country-name';
import type { DocumentLabels } from './document-labels';

/**
 * The "Billed to" block's lines, from the billing details the document was issued with: name,
 * address (its optional parts only where given), country in the document's language, the VAT
 * number (a tax ID outside the EU) and the e-mail. Documents issued before details were editable
 * carry no tax ID, and print none.
 */
export function customerLines(
  customer: Customer,
  locale: Locale,
  labels: DocumentLabels,
  field: (label: string, value: string) => string,
): string[] {
  const { address } = customer;
  const present = (text: string | undefined): text is string => Boolean(text?.trim());
  const taxLabel = vatSchemeOf(address.country) ? labels.vatId : labels.taxId;
  return [
    customer.name,
    address.line1,
    address.line2,
    `${address.postalCode} ${address.city}`.trim(),
    address.region,
    countryName(locale, address.country),
    customer.taxId ? field(taxLabel, customer.taxId) : undefined,
    field(labels.email, customer.email),
  ].filter(present);
}
