import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES } from './countries';
import { checkTaxId, EU_VAT_SCHEMES } from './tax-id';

// Per member state: numbers in its format (as people write them, and as they are kept), and
// numbers that miss it by one rule.
const VALID: readonly (readonly [country: string, written: string, kept: string])[] = [
  ['AT', 'ATU12345678', 'ATU12345678'],
  ['AT', 'U12345678', 'ATU12345678'],
  ['BE', 'BE 0123.456.789', 'BE0123456789'],
  ['BE', '1234567890', 'BE1234567890'],
  ['BG', 'BG123456789', 'BG123456789'],
  ['BG', 'BG1234567890', 'BG1234567890'],
  ['CY', 'CY12345678L', 'CY12345678L'],
  ['CZ', 'CZ12345678', 'CZ12345678'],
  ['CZ', 'CZ1234567890', 'CZ1234567890'],
  ['DE', 'de 123 456 789', 'DE123456789'],
  ['DK', 'DK12345678', 'DK12345678'],
  ['EE', 'EE123456789', 'EE123456789'],
  ['GR', 'EL123456789', 'EL123456789'],
  ['GR', '123456789', 'EL123456789'],
  ['ES', 'ESX1234567X', 'ESX1234567X'],
  ['ES', 'ESB12345678', 'ESB12345678'],
  ['ES', '12345678Z', 'ES12345678Z'],
  ['FI', 'FI12345678', 'FI12345678'],
  ['FR', 'FR40303265045', 'FR40303265045'],
  ['FR', 'FR XA 303265045', 'FRXA303265045'],
  ['FR', '40 303 265 045', 'FR40303265045'],
  // A key that is itself the letters FR: unprefixed, it is still read as the key.
  ['FR', 'FR303265045', 'FRFR303265045'],
  ['HR', 'HR12345678901', 'HR12345678901'],
  ['HU', 'HU12345678', 'HU12345678'],
  ['IE', 'IE1234567T', 'IE1234567T'],
  ['IE', 'IE1234567WA', 'IE1234567WA'],
  ['IE', 'IE1A23456T', 'IE1A23456T'],
  ['IT', 'IT12345678901', 'IT12345678901'],
  ['IT', '12345678901', 'IT12345678901'],
  ['LT', 'LT123456789', 'LT123456789'],
  ['LT', 'LT123456789012', 'LT123456789012'],
  ['LU', 'LU12345678', 'LU12345678'],
  ['LV', 'LV12345678901', 'LV12345678901'],
  ['MT', 'MT12345678', 'MT12345678'],
  ['NL', 'NL123456789B01', 'NL123456789B01'],
  ['PL', 'PL-123-456-78-90', 'PL1234567890'],
  ['PT', 'PT123456789', 'PT123456789'],
  ['RO', 'RO12', 'RO12'],
  ['RO', 'RO1234567890', 'RO1234567890'],
  ['RO', '18547290', 'RO18547290'],
  ['SE', 'SE123456789001', 'SE123456789001'],
  ['SI', 'SI12345678', 'SI12345678'],
  ['SK', 'SK1234567890', 'SK1234567890'],
  // Outside the EU: kept as written, upper case.
  ['US', '12-3456789', '12-3456789'],
  ['GB', 'gb 123 4567 89', 'GB 123 4567 89'],
  ['JP', 'T1234567890123', 'T1234567890123'],
];

const INVALID: readonly (readonly [country: string, written: string, why: string])[] = [
  ['AT', 'AT12345678', 'no U'],
  ['BE', 'BE2123456789', 'starts with 2'],
  ['BE', 'BE123456789', '9 digits'],
  ['BG', 'BG12345678', '8 digits'],
  ['CY', 'CY123456789', 'no final letter'],
  ['CZ', 'CZ1234567', '7 digits'],
  ['DE', 'DE12345678', '8 digits'],
  ['DE', 'DE1234567890', '10 digits'],
  ['DK', 'DK1234567', '7 digits'],
  ['EE', 'EE12345678', '8 digits'],
  ['GR', 'GR123456789', 'GR instead of EL'],
  ['GR', 'EL12345678', '8 digits'],
  ['ES', 'ES123456789', 'no letter'],
  ['FI', 'FI123456789', '9 digits'],
  ['FR', 'FR4030326504', '2 + 8 digits'],
  ['FR', 'FRIO303265045', 'I and O are never a key'],
  ['FR', 'FR40303265045X', 'too long'],
  ['HR', 'HR1234567890', '10 digits'],
  ['HU', 'HU123456789', '9 digits'],
  ['IE', 'IE12345678', 'no check letter'],
  ['IT', 'IT1234567890', '10 digits'],
  ['IT', 'IT123456789012', '12 digits'],
  ['LT', 'LT1234567890', '10 digits'],
  ['LU', 'LU1234567', '7 digits'],
  ['LV', 'LV1234567890', '10 digits'],
  ['MT', 'MT123456789', '9 digits'],
  ['NL', 'NL123456789C01', 'C instead of B'],
  ['PL', 'PL123456789', '9 digits'],
  ['PT', 'PT12345678', '8 digits'],
  ['RO', 'RO1', 'one digit'],
  ['RO', 'RO12345678901', '11 digits'],
  ['RO', 'RO0123456', 'a leading zero'],
  ['SE', 'SE123456789012', 'not ending in 01'],
  ['SE', 'SE1234567801', '10 digits'],
  ['SI', 'SI1234567', '7 digits'],
  ['SK', 'SK123456789', '9 digits'],
  ['DE', 'FR40303265045', 'another member state’s number'],
  ['US', 'ab', 'too short'],
  ['US', '12_3456789', 'an underscore'],
  ['JP', 'x'.repeat(41), 'too long'],
];

describe('checkTaxId', () => {
  it.each(VALID)('accepts %s %s, kept as %s', (country, written, kept) => {
    expect(checkTaxId(country, written)).toEqual({ ok: true, taxId: kept });
  });

  it.each(INVALID)('refuses %s %s (%s), showing the format', (country, written) => {
    const example = EU_VAT_SCHEMES[country as keyof typeof EU_VAT_SCHEMES]?.example ?? null;
    expect(checkTaxId(country, written)).toEqual({ ok: false, reason: 'tax_id_invalid', example });
  });

  it('has a scheme for each of the 27 member states, whose example is itself valid', () => {
    const states = Object.keys(EU_VAT_SCHEMES);
    expect(states).toHaveLength(27);
    for (const state of states) {
      expect(COUNTRY_CODES).toContain(state);
      const example = EU_VAT_SCHEMES[state as keyof typeof EU_VAT_SCHEMES]?.example ?? '';
      expect(checkTaxId(state, example), state).toEqual({ ok: true, taxId: example });
    }
  });

  it('covers every member state with valid and invalid numbers', () => {
    const states = Object.keys(EU_VAT_SCHEMES);
    expect(states.filter((s) => !VALID.some(([c]) => c === s))).toEqual([]);
    expect(states.filter((s) => !INVALID.some(([c]) => c === s))).toEqual([]);
  });
});
