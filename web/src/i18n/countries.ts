import { COUNTRY_CODES, type CountryCode } from '@planshift/shared/billing-details';

/** A country's name in the reader's language, from the browser's own data (Intl.DisplayNames). */
export function countryName(locale: string, code: string): string {
  return new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(code) ?? code;
}

/** Every country, named and sorted in the reader's language, for a country picker. */
export function countryOptions(locale: string): readonly Readonly<{ code: CountryCode; name: string }>[] {
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  const collator = new Intl.Collator(locale);
  return COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) =>
    collator.compare(a.name, b.name),
  );
}
