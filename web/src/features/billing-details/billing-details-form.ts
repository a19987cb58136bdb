import type { BillingDetails, CountryCode } from '@planshift/shared/billing-details';

/** The form's fields: where the API names them, their label key, autocomplete token and longest value. */
export const TEXT_FIELDS = [
  { path: 'name', label: 'name', autoComplete: 'organization', max: 200, optional: false },
  { path: 'address.line1', label: 'line1', autoComplete: 'address-line1', max: 200, optional: false },
  { path: 'address.line2', label: 'line2', autoComplete: 'address-line2', max: 200, optional: true },
  { path: 'address.postalCode', label: 'postalCode', autoComplete: 'postal-code', max: 20, optional: true },
  { path: 'address.city', label: 'city', autoComplete: 'address-level2', max: 100, optional: false },
  { path: 'address.region', label: 'region', autoComplete: 'address-level1', max: 100, optional: true },
] as const;

export type TextFieldPath = (typeof TEXT_FIELDS)[number]['path'];

/** What the form holds: every text as typed, the country as chosen. */
export type Draft = Readonly<Record<TextFieldPath | 'taxId' | 'email', string> & { country: CountryCode }>;

export function draftOf(details: BillingDetails): Draft {
  const { address } = details;
  return {
    name: details.name,
    'address.line1': address.line1,
    'address.line2': address.line2,
    'address.postalCode': address.postalCode,
    'address.city': address.city,
    'address.region': address.region,
    country: address.country,
    taxId: details.taxId ?? '',
    email: details.email,
  };
}

/** The PUT body: the server trims and checks it; an empty tax ID is none. */
export function bodyOf(draft: Draft) {
  return {
    name: draft.name,
    address: {
      line1: draft['address.line1'],
      line2: draft['address.line2'],
      city: draft['address.city'],
      postalCode: draft['address.postalCode'],
      region: draft['address.region'],
      country: draft.country,
    },
    taxId: draft.taxId.trim() === '' ? null : draft.taxId,
    email: draft.email.trim(),
  };
}
