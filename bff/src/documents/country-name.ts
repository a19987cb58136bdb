import type { Locale } from '@planshift/shared/account';

/** A country's name in the document's language (Intl.DisplayNames); anything but an ISO code prints as written. */
export function countryName(locale: Locale, country: string): string {
  if (!/^[A-Z]{2}$/.test(country)) return country;
  return new Intl.DisplayNames(locale, { type: 'region' }).of(country) ?? country;
}
