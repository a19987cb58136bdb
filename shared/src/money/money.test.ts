import { describe, expect, it } from 'vitest';
import { CURRENCY_CODES, minorUnitExponent } from './currencies';
import { formatMoney, toDecimalString } from './format-money';
import { addMoney, money, negateMoney, subtractMoney, sumMoney } from './money';
import { MoneyError } from './money-error';
import { divideRoundHalfAwayFromZero, prorate } from './prorate';

const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2212/g, '-');

describe('currencies', () => {
  it('pins ISO 4217 minor units: 0 decimals for JPY, KRW, CLP; 3 for KWD, BHD, OMR, TND, JOD', () => {
    expect(['JPY', 'KRW', 'CLP'].map((c) => minorUnitExponent(c as 'JPY'))).toEqual([0, 0, 0]);
    expect(['KWD', 'BHD', 'OMR', 'TND', 'JOD'].map((c) => minorUnitExponent(c as 'KWD'))).toEqual([3, 3, 3, 3, 3]);
    expect(minorUnitExponent('EUR')).toBe(2);
  });

  it('agrees with Intl for every currency Planshift bills in, so formatting never hides a digit', () => {
    for (const currency of CURRENCY_CODES) {
      const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits;
      expect([currency, digits]).toEqual([currency, minorUnitExponent(currency)]);
    }
  });
});

describe('money arithmetic', () => {
  it('adds, subtracts and sums in one currency', () => {
    expect(addMoney(money(150, 'EUR'), money(250, 'EUR'))).toEqual(money(400, 'EUR'));
    expect(subtractMoney(money(150, 'EUR'), money(250, 'EUR'))).toEqual(money(-100, 'EUR'));
    expect(sumMoney('KWD', [money(1, 'KWD'), money(2, 'KWD'), money(-3, 'KWD')])).toEqual(money(0, 'KWD'));
    expect(negateMoney(money(0, 'USD')).amount).toBe(0);
    expect(Object.is(negateMoney(money(0, 'USD')).amount, -0)).toBe(false);
  });

  it('refuses to mix currencies with a typed error', () => {
    const mixed = () => addMoney(money(1, 'EUR'), money(1, 'USD') as never);
    expect(mixed).toThrow(MoneyError);
    try {
      mixed();
    } catch (error) {
      expect((error as MoneyError).code).toBe('currency_mismatch');
    }
    expect(() => sumMoney('EUR', [money(1, 'EUR'), money(1, 'SEK') as never])).toThrow(/SEK/);
  });

  it('refuses fractions of a minor unit and amounts beyond the exact integer range', () => {
    expect(() => money(1.5, 'USD')).toThrow(MoneyError);
    expect(() => money(2 ** 53, 'USD')).toThrow(MoneyError);
    expect(() => money(Number.NaN, 'USD')).toThrow(MoneyError);
  });
});

describe('rounding half away from zero ("half up on the absolute amount")', () => {
  it.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [1n, 2n, 1n],
    [-1n, 2n, -1n],
    [1n, 3n, 0n],
    [2n, 3n, 1n],
    [-2n, 3n, -1n],
    [0n, 7n, 0n],
  ])('%i / %i → %i', (n, d, expected) => {
    expect(divideRoundHalfAwayFromZero(n, d)).toBe(expected);
  });

  it('prorates a line once, exactly, at any size', () => {
    expect(prorate(2000, 3, { numerator: 14, denominator: 30 })).toBe(2800);
    expect(prorate(999, 1, { numerator: 1, denominator: 2 })).toBe(500); // 499.5 JPY → 500
    expect(prorate(-999, 1, { numerator: 1, denominator: 2 })).toBe(-500);
    expect(prorate(1001, 1, { numerator: 1, denominator: 2 })).toBe(501); // 0.5005 KWD → 0.501
    // Annual enterprise price × thousands of seats × a year of seconds takes the BigInt path.
    expect(prorate(500_000_000, 5_000, { numerator: 31_535_999, denominator: 31_536_000 })).toBe(2_499_999_920_726);
  });
});

describe('formatting', () => {
  it('writes the exact decimal of the minor units', () => {
    expect(toDecimalString(money(-123450, 'EUR'))).toBe('-1234.50');
    expect(toDecimalString(money(5, 'KWD'))).toBe('0.005');
    expect(toDecimalString(money(1234, 'JPY'))).toBe('1234');
  });

  it('formats with Intl for the locale without rounding (JPY no decimals, KWD three)', () => {
    expect(spaces(formatMoney(money(1005, 'KWD'), 'en-US'))).toBe('KWD 1.005');
    expect(spaces(formatMoney(money(123456, 'JPY'), 'en-US'))).toBe('¥123,456');
    expect(spaces(formatMoney(money(-123450, 'EUR'), 'fr-FR'))).toBe('-1 234,50 €');
    expect(spaces(formatMoney(money(-123450, 'SEK'), 'sv-SE'))).toBe('-1 234,50 kr');
    expect(spaces(formatMoney(money(-123450, 'RON'), 'ro-RO'))).toBe('-1.234,50 RON');
    expect(spaces(formatMoney(money(15000, 'CAD'), 'fr-CA'))).toBe('150,00 $');
  });
});
