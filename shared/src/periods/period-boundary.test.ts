import { describe, expect, it } from 'vitest';
import { ANNUAL, intervalKey, MONTHLY } from './billing-interval';
import { instantFromIso, instantToIso } from './instant';
import { periodAt, periodBoundary, periodIndexAt } from './period-boundary';
import { remainingFraction } from './remaining-fraction';

const at = instantFromIso;
const boundaries = (anchor: string, interval: typeof MONTHLY, count: number) =>
  Array.from({ length: count }, (_, k) => instantToIso(periodBoundary(at(anchor), interval, k)));

describe('period boundaries from the anchor, month-end clamped', () => {
  it('bills a 31 January anchor on 29 February, 31 March, 30 April (2024)', () => {
    expect(boundaries('2024-01-31T10:00:00Z', MONTHLY, 4)).toEqual([
      '2024-01-31T10:00:00Z',
      '2024-02-29T10:00:00Z',
      '2024-03-31T10:00:00Z',
      '2024-04-30T10:00:00Z',
    ]);
  });

  it('bills a 29 February yearly anchor on 28 February until the next leap year', () => {
    expect(boundaries('2024-02-29T00:00:00Z', ANNUAL, 5)).toEqual([
      '2024-02-29T00:00:00Z',
      '2025-02-28T00:00:00Z',
      '2026-02-28T00:00:00Z',
      '2027-02-28T00:00:00Z',
      '2028-02-29T00:00:00Z',
    ]);
  });

  it('never drifts: boundary 13 of a 31st anchor is a 31st again', () => {
    expect(instantToIso(periodBoundary(at('2024-01-31T23:59:59Z'), MONTHLY, 12))).toBe('2025-01-31T23:59:59Z');
    expect(instantToIso(periodBoundary(at('2024-01-31T23:59:59Z'), MONTHLY, 1000))).toBe('2107-05-31T23:59:59Z');
  });

  it('supports n-month intervals and periods before the anchor', () => {
    const quarterly = { unit: 'month', count: 3 } as const;
    expect(boundaries('2023-11-30T00:00:00Z', quarterly, 3)).toEqual([
      '2023-11-30T00:00:00Z',
      '2024-02-29T00:00:00Z',
      '2024-05-30T00:00:00Z',
    ]);
    expect(instantToIso(periodBoundary(at('2024-03-31T00:00:00Z'), MONTHLY, -1))).toBe('2024-02-29T00:00:00Z');
    expect(intervalKey(quarterly)).toBe('P3M');
  });

  it('finds the period that contains an instant, its start included and its end excluded', () => {
    const anchor = at('2024-01-31T10:00:00Z');
    expect(periodIndexAt(anchor, MONTHLY, at('2024-02-29T09:59:59Z'))).toBe(0);
    expect(periodIndexAt(anchor, MONTHLY, at('2024-02-29T10:00:00Z'))).toBe(1);
    expect(periodIndexAt(anchor, MONTHLY, at('2024-03-31T09:00:00Z'))).toBe(1);
    expect(periodIndexAt(anchor, MONTHLY, at('2023-12-31T10:00:00Z'))).toBe(-1);
    expect(periodAt(anchor, MONTHLY, 1)).toEqual({
      start: at('2024-02-29T10:00:00Z'),
      end: at('2024-03-31T10:00:00Z'),
    });
  });
});

describe('the share of a period remaining', () => {
  const april = periodAt(at('2026-04-01T00:00:00Z'), MONTHLY, 0);

  it('counts seconds by default: (end − t) / (end − start)', () => {
    expect(remainingFraction(april, at('2026-04-17T00:00:00Z'), 'second')).toEqual({
      numerator: 14 * 86_400,
      denominator: 30 * 86_400,
      unit: 'second',
    });
  });

  it('counts whole UTC days, the day of the change counting as remaining', () => {
    expect(remainingFraction(april, at('2026-04-17T23:59:59Z'), 'day')).toEqual({
      numerator: 14,
      denominator: 30,
      unit: 'day',
    });
    expect(remainingFraction(april, at('2026-04-01T00:00:00Z'), 'day')).toEqual({
      numerator: 30,
      denominator: 30,
      unit: 'day',
    });
    const afternoon = periodAt(at('2026-03-01T10:00:00Z'), MONTHLY, 0);
    expect(remainingFraction(afternoon, at('2026-03-18T15:00:00Z'), 'day')).toEqual({
      numerator: 14,
      denominator: 31,
      unit: 'day',
    });
  });

  it('refuses an instant outside the period', () => {
    expect(() => remainingFraction(april, april.end, 'second')).toThrow(RangeError);
  });
});
