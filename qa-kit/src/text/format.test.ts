import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, formatShare } from './format';

describe('money as the portal shows it', () => {
  it('uses the currency’s own minor unit', () => {
    expect(formatMoney({ amount: 14_990, currency: 'USD' })).toBe('$149.90');
    expect(formatMoney({ amount: 3300, currency: 'JPY' })).toBe('¥3,300');
    expect(formatMoney({ amount: 4500, currency: 'KWD' })).toBe('KWD\u00a04.500');
    expect(formatMoney({ amount: -2800, currency: 'USD' })).toBe('-$28.00');
  });

  it('writes it in the language asked for', () => {
    expect(formatMoney({ amount: 12_345, currency: 'EUR' }, 'el')).toBe('123,45\u00a0€');
    expect(formatMoney({ amount: 123_456, currency: 'SEK' }, 'sv')).toBe('1\u00a0234,56\u00a0kr');
  });

  it('refuses what is not money', () => {
    expect(() => formatMoney({ amount: 1.5, currency: 'USD' })).toThrow('whole minor units');
    expect(() => formatMoney({ amount: 100, currency: 'XYZ' })).toThrow('XYZ is not a currency');
  });
});

describe('dates and shares as the portal shows them', () => {
  it('gives a billing date in UTC', () => {
    expect(formatDate(Date.UTC(2026, 10, 30, 23, 30) / 1000)).toBe('Nov 30, 2026');
    expect(formatDate(Date.UTC(2026, 10, 30) / 1000, 'fr')).toBe('30 nov. 2026');
  });

  it('gives a share of a period exactly', () => {
    expect(formatShare({ numerator: 23, denominator: 30, unit: 'day' })).toBe('23/30 days');
    expect(formatShare({ numerator: 14 * 86_400, denominator: 30 * 86_400, unit: 'second' })).toBe('14/30 days');
    const left = 17 * 86_400 + 23 * 3600 + 30 * 60;
    expect(formatShare({ numerator: left, denominator: 30 * 86_400, unit: 'second' })).toBe('17d 23h 30m/30 days');
    expect(formatShare({ numerator: 3600 + 5, denominator: 31 * 86_400, unit: 'second' })).toBe('1h 5s/31 days');
  });
});
