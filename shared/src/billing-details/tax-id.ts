import type { CountryCode } from './countries';

/**
 * The format of a VAT identification number in one EU member state: its prefix (the country
 * code, except Greece's EL) and what follows it. Format only: whether a number is registered is
 * the tax authority's business (VIES), which the portal does not ask.
 */
export type VatScheme = Readonly<{ prefix: string; body: RegExp; example: string }>;

const scheme = (prefix: string, body: string, example: string): VatScheme => ({
  prefix,
  body: new RegExp(`^(?:${body})$`),
  example,
});

/** The EU member states' VAT number formats, by the country of the billing address. */
export const EU_VAT_SCHEMES: Readonly<Partial<Record<CountryCode, VatScheme>>> = {
  AT: scheme('AT', 'U\\d{8}', 'ATU12345678'),
  BE: scheme('BE', '[01]\\d{9}', 'BE0123456789'),
  BG: scheme('BG', '\\d{9,10}', 'BG123456789'),
  CY: scheme('CY', '\\d{8}[A-Z]', 'CY12345678X'),
  CZ: scheme('CZ', '\\d{8,10}', 'CZ12345678'),
  DE: scheme('DE', '\\d{9}', 'DE123456789'),
  DK: scheme('DK', '\\d{8}', 'DK12345678'),
  EE: scheme('EE', '\\d{9}', 'EE123456789'),
  // Greece uses EL, its ISO 639 code, not GR.
  GR: scheme('EL', '\\d{9}', 'EL123456789'),
  // A letter first or last (or both), digits between: X1234567X, X12345678, 12345678X.
  ES: scheme('ES', '[A-Z]\\d{7}[A-Z0-9]|\\d{8}[A-Z]', 'ESB12345678'),
  FI: scheme('FI', '\\d{8}', 'FI12345678'),
  // A two-character key (digits, or letters other than I and O) and the 9-digit SIREN.
  FR: scheme('FR', '[0-9A-HJ-NP-Z]{2}\\d{9}', 'FR40303265045'),
  HR: scheme('HR', '\\d{11}', 'HR12345678901'),
  HU: scheme('HU', '\\d{8}', 'HU12345678'),
  // The current form (7 digits, a check letter, an optional second letter) and the old one.
  IE: scheme('IE', '\\d{7}[A-W][A-I]?|\\d[A-Z+*]\\d{5}[A-W]', 'IE1234567T'),
  IT: scheme('IT', '\\d{11}', 'IT12345678901'),
  LT: scheme('LT', '\\d{9}|\\d{12}', 'LT123456789'),
  LU: scheme('LU', '\\d{8}', 'LU12345678'),
  LV: scheme('LV', '\\d{11}', 'LV12345678901'),
  MT: scheme('MT', '\\d{8}', 'MT12345678'),
  NL: scheme('NL', '\\d{9}B\\d{2}', 'NL123456789B01'),
  PL: scheme('PL', '\\d{10}', 'PL1234567890'),
  PT: scheme('PT', '\\d{9}', 'PT123456789'),
  // 2 to 10 digits, the first never 0.
  RO: scheme('RO', '[1-9]\\d{1,9}', 'RO1234567'),
  // The 10-digit organisation number followed by 01.
  SE: scheme('SE', '\\d{10}01', 'SE123456789001'),
  SI: scheme('SI', '\\d{8}', 'SI12345678'),
  SK: scheme('SK', '\\d{10}', 'SK1234567890'),
};

/** Elsewhere a tax ID has no format we know: letters and digits, with the separators people write. */
const OTHER_TAX_ID = /^[A-Z0-9][A-Z0-9 ./-]{1,38}[A-Z0-9]$/;

export type TaxIdCheck =
  | Readonly<{ ok: true; taxId: string }>
  | Readonly<{ ok: false; reason: 'tax_id_invalid'; example: string | null }>;

/** The VAT scheme of a country, for an EU member state. */
export function vatSchemeOf(country: string): VatScheme | undefined {
  return EU_VAT_SCHEMES[country as CountryCode];
}

/**
 * Whether a tax ID fits the billing country: an EU VAT number must match its member state's
 * format (with or without its prefix; spaces, dots and hyphens ignored) and is kept compact and
 * prefixed (`fr 40 303265045` → `FR40303265045`); elsewhere any plausible ID is kept as written.
 */
export function checkTaxId(country: string, text: string): TaxIdCheck {
  const written = text.trim().toUpperCase();
  const vat = vatSchemeOf(country);
  if (!vat) {
    return OTHER_TAX_ID.test(written)
      ? { ok: true, taxId: written }
      : { ok: false, reason: 'tax_id_invalid', example: null };
  }
  const compact = written.replace(/[\s.-]/g, '');
  // Prefixed first: a French key may itself be the letters FR, so an unprefixed number is tried second.
  if (compact.startsWith(vat.prefix) && vat.body.test(compact.slice(vat.prefix.length))) {
    return { ok: true, taxId: compact };
  }
  if (vat.body.test(compact)) return { ok: true, taxId: vat.prefix + compact };
  return { ok: false, reason: 'tax_id_invalid', example: vat.example };
}
