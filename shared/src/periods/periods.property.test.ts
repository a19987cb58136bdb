import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { BillingInterval } from './billing-interval';
import { intervalMonths } from './billing-interval';
import { instantFromIso } from './instant';
import { periodAt, periodBoundary, periodIndexAt } from './period-boundary';
import { remainingFraction } from './remaining-fraction';

const RUNS = { numRuns: 10_000 };

/** The reference: the anchor's calendar date plus k·n months, clamped as Temporal constrains it. */
function temporalBoundary(anchor: number, interval: BillingInterval, k: number): number {
  const start = Temporal.Instant.fromEpochMilliseconds(anchor * 1000)
    .toZonedDateTimeISO('UTC')
    .toPlainDateTime();
  const moved = start.add({ months: k * intervalMonths(interval) }, { overflow: 'constrain' });
  return moved.toZonedDateTime('UTC').epochMilliseconds / 1000;
}

const interval = fc.oneof(
  fc.integer({ min: 1, max: 12 }).map((count): BillingInterval => ({ unit: 'month', count })),
  fc.integer({ min: 1, max: 3 }).map((count): BillingInterval => ({ unit: 'year', count })),
);

// Anchors from 1990 to 2060, biased towards the month ends that clamping is about.
const anchor = fc.oneof(
  fc.integer({ min: instantFromIso('1990-01-01T00:00:00Z'), max: instantFromIso('2060-01-01T00:00:00Z') }),
  fc
    .record({
      year: fc.integer({ min: 1990, max: 2060 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 28, max: 31 }),
      second: fc.integer({ min: 0, max: 86_399 }),
    })
    .map(({ year, month, day, second }) => {
      const date = Temporal.PlainDate.from({ year, month, day }, { overflow: 'constrain' });
      return date.toZonedDateTime('UTC').epochMilliseconds / 1000 + second;
    }),
);

describe('period properties', () => {
  it('boundary k is the anchor plus k intervals, month-end clamped, for any k up to 1,000', () => {
    fc.assert(
      fc.property(anchor, interval, fc.integer({ min: 0, max: 1000 }), (a, i, k) => {
        expect(periodBoundary(a, i, k)).toBe(temporalBoundary(a, i, k));
      }),
      RUNS,
    );
  });

  it('periods are contiguous and strictly increasing, and periodIndexAt finds the one holding an instant', () => {
    fc.assert(
      fc.property(
        anchor,
        interval,
        fc.integer({ min: 0, max: 1000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (a, i, k, share) => {
          const period = periodAt(a, i, k);
          expect(period.end).toBeGreaterThan(period.start);
          expect(periodAt(a, i, k + 1).start).toBe(period.end);
          const t = period.start + Math.floor(share * (period.end - period.start));
          expect(periodIndexAt(a, i, t)).toBe(k);
        },
      ),
      RUNS,
    );
  });

  it('the remaining share of a period is exact and within [0, 1], by the second or by the day', () => {
    fc.assert(
      fc.property(
        anchor,
        interval,
        fc.integer({ min: 0, max: 1000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (a, i, k, share) => {
          const period = periodAt(a, i, k);
          const t = period.start + Math.floor(share * (period.end - period.start));
          const bySecond = remainingFraction(period, t, 'second');
          expect(bySecond).toEqual({
            numerator: period.end - t,
            denominator: period.end - period.start,
            unit: 'second',
          });
          const byDay = remainingFraction(period, t, 'day');
          expect(byDay.numerator).toBeGreaterThanOrEqual(0);
          expect(byDay.numerator).toBeLessThanOrEqual(byDay.denominator);
          const days = Math.floor(period.end / 86_400) - Math.floor(period.start / 86_400);
          expect(byDay.denominator).toBe(days);
        },
      ),
      RUNS,
    );
  });

  it('1,000 consecutive periods from month-end anchors never drift', () => {
    for (const iso of [
      '2024-01-31T00:00:00Z',
      '2024-02-29T12:30:00Z',
      '2023-03-30T23:59:59Z',
      '2020-08-31T06:00:00Z',
    ]) {
      const a = instantFromIso(iso);
      const anchorDay = Number(iso.slice(8, 10));
      for (const i of [
        { unit: 'month', count: 1 },
        { unit: 'month', count: 3 },
        { unit: 'year', count: 1 },
      ] as const) {
        let previous = periodBoundary(a, i, 0);
        for (let k = 1; k <= 1000; k++) {
          const boundary = periodBoundary(a, i, k);
          expect(boundary).toBe(temporalBoundary(a, i, k));
          const date = Temporal.Instant.fromEpochMilliseconds(boundary * 1000).toZonedDateTimeISO('UTC');
          expect(date.day).toBe(Math.min(anchorDay, date.daysInMonth));
          expect(boundary).toBeGreaterThan(previous);
          previous = boundary;
        }
      }
    }
  });
});
