import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { instantIn, offsetArb } from '../fixtures/arbitraries';
import type { BillingInterval } from './billing-interval';
import type { Instant } from './instant';
import { periodAt } from './period-boundary';
import { remainingFraction } from './remaining-fraction';

const RUNS = { numRuns: 10_000 };

// vitest's expect costs microseconds a call; these run it only when a check fails, so that
// 10,000 runs of several checks stay fast and a failure still reads like an expect.
const is = (actual: unknown, expected: unknown) => {
  if (actual !== expected) expect(actual).toBe(expected);
};
const atMost = (actual: number, bound: number) => {
  if (!(actual <= bound)) expect(actual).toBeLessThanOrEqual(bound);
};
const below = (actual: number, bound: number) => {
  if (!(actual < bound)) expect(actual).toBeLessThan(bound);
};

const utcDate = (instant: Instant): Temporal.PlainDate =>
  Temporal.Instant.fromEpochMilliseconds(instant * 1000)
    .toZonedDateTimeISO('UTC')
    .toPlainDate();

const intervalArb: fc.Arbitrary<BillingInterval> = fc.oneof(
  fc.integer({ min: 1, max: 12 }).map((count): BillingInterval => ({ unit: 'month', count })),
  fc.integer({ min: 1, max: 3 }).map((count): BillingInterval => ({ unit: 'year', count })),
);

// Any second from 1970 to 2100, or one on a month end (where day counts are most irregular).
const anchorArb: fc.Arbitrary<Instant> = fc.oneof(
  fc.integer({ min: 0, max: 4_102_444_800 }),
  fc
    .record({
      year: fc.integer({ min: 1970, max: 2099 }),
      month: fc.integer({ min: 0, max: 11 }),
      day: fc.integer({ min: 28, max: 31 }),
      second: fc.integer({ min: 0, max: 86_399 }),
    })
    .map(({ year, month, day, second }) => {
      const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
      return Date.UTC(year, month, Math.min(day, last)) / 1000 + second;
    }),
);

describe('remaining share of a period, as a property', { timeout: 30_000 }, () => {
  it('by the second and by the day the remaining share is in [0, 1], numerator ≤ denominator, and by the day the denominator is the number of days in the period', () => {
    fc.assert(
      fc.property(
        anchorArb,
        intervalArb,
        fc.integer({ min: 0, max: 1000 }),
        offsetArb,
        (anchor, interval, k, offset) => {
          const period = periodAt(anchor, interval, k);
          const t = instantIn(period, offset);

          const bySecond = remainingFraction(period, t, 'second');
          is(bySecond.unit, 'second');
          is(bySecond.denominator, period.end - period.start);
          is(bySecond.numerator, period.end - t);
          below(0, bySecond.numerator);
          atMost(bySecond.numerator, bySecond.denominator);

          const byDay = remainingFraction(period, t, 'day');
          is(byDay.unit, 'day');
          const days = utcDate(period.start).until(utcDate(period.end), { largestUnit: 'day' }).days;
          is(byDay.denominator, days);
          below(0, byDay.denominator);
          is(byDay.numerator, utcDate(t).until(utcDate(period.end), { largestUnit: 'day' }).days);
          atMost(0, byDay.numerator);
          atMost(byDay.numerator, byDay.denominator);
          // The whole period remains at its first second, at both granularities.
          if (t === period.start) {
            is(bySecond.numerator, bySecond.denominator);
            is(byDay.numerator, byDay.denominator);
          }
        },
      ),
      RUNS,
    );
  });
});
