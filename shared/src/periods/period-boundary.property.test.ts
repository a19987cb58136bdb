import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { instantIn, offsetArb } from '../fixtures/arbitraries';
import { type BillingInterval, intervalMonths } from './billing-interval';
import type { Instant } from './instant';
import { periodAt, periodBoundary, periodIndexAt } from './period-boundary';

const RUNS = { numRuns: 10_000 };

// vitest's expect costs microseconds a call; these run it only when a check fails, so that
// 10,000 runs of several checks stay fast and a failure still reads like an expect.
const is = (actual: unknown, expected: unknown) => {
  if (actual !== expected) expect(actual).toBe(expected);
};
const below = (actual: number, bound: number) => {
  if (!(actual < bound)) expect(actual).toBeLessThan(bound);
};

const toPlainDateTime = (instant: Instant): Temporal.PlainDateTime =>
  Temporal.Instant.fromEpochMilliseconds(instant * 1000)
    .toZonedDateTimeISO('UTC')
    .toPlainDateTime();

const toInstant = (dateTime: Temporal.PlainDateTime): Instant =>
  dateTime.toZonedDateTime('UTC').epochMilliseconds / 1000;

/** The reference: the anchor's wall-clock date-time in UTC plus k·n months, clamped as Temporal constrains it. */
function temporalBoundary(anchor: Instant, interval: BillingInterval, k: number): Instant {
  const start = toPlainDateTime(anchor);
  return toInstant(start.add({ months: k * intervalMonths(interval) }, { overflow: 'constrain' }));
}

const intervalArb: fc.Arbitrary<BillingInterval> = fc.oneof(
  fc.integer({ min: 1, max: 12 }).map((count): BillingInterval => ({ unit: 'month', count })),
  fc.integer({ min: 1, max: 3 }).map((count): BillingInterval => ({ unit: 'year', count })),
);

const timeOfDayArb = fc.record({
  hour: fc.integer({ min: 0, max: 23 }),
  minute: fc.integer({ min: 0, max: 59 }),
  second: fc.integer({ min: 0, max: 59 }),
});

/** Anchors from 1970 to 2100: any date, the 29th–31st of a month (clamped), or 29 February of a leap year. */
const anchorArb: fc.Arbitrary<Instant> = fc.oneof(
  fc
    .record({
      year: fc.integer({ min: 1970, max: 2100 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
      time: timeOfDayArb,
    })
    .map(({ year, month, day, time }) =>
      toInstant(Temporal.PlainDateTime.from({ year, month, day, ...time }, { overflow: 'constrain' })),
    ),
  fc
    .record({
      year: fc.integer({ min: 1970, max: 2100 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 29, max: 31 }),
      time: timeOfDayArb,
    })
    .map(({ year, month, day, time }) =>
      toInstant(Temporal.PlainDateTime.from({ year, month, day, ...time }, { overflow: 'constrain' })),
    ),
  fc
    .record({ leap: fc.integer({ min: 0, max: 31 }), time: timeOfDayArb })
    .map(({ leap, time }) =>
      toInstant(Temporal.PlainDateTime.from({ year: 1972 + 4 * leap, month: 2, day: 29, ...time })),
    ),
);

const indexArb = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 1000 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1, 11, 12, 48, 1000) },
);

describe('billing periods, as properties', { timeout: 30_000 }, () => {
  it('boundary k is anchor + k·interval computed from the anchor with month-end clamping (Temporal constrain), for k in 0..1000', () => {
    fc.assert(
      fc.property(anchorArb, intervalArb, indexArb, (anchor, interval, k) => {
        is(periodBoundary(anchor, interval, k), temporalBoundary(anchor, interval, k));
      }),
      RUNS,
    );
  });

  it('periods are strictly increasing and contiguous, and periodIndexAt gives i for every instant inside period i', () => {
    fc.assert(
      fc.property(anchorArb, intervalArb, indexArb, offsetArb, (anchor, interval, i, offset) => {
        const period = periodAt(anchor, interval, i);
        const next = periodAt(anchor, interval, i + 1);
        below(period.start, period.end);
        is(next.start, period.end);
        below(next.start, next.end);
        is(periodIndexAt(anchor, interval, instantIn(period, offset)), i);
        is(periodIndexAt(anchor, interval, period.end), i + 1);
      }),
      RUNS,
    );
  });

  it('walking all 1,000 periods from month-end and leap-day anchors never drifts from the anchor', () => {
    const anchors = [
      '2024-01-31T00:00:00',
      '2024-02-29T12:30:00',
      '2023-03-30T23:59:59',
      '2021-05-29T06:00:00',
      '1999-12-31T23:00:00',
    ];
    const intervals: readonly BillingInterval[] = [
      { unit: 'month', count: 1 },
      { unit: 'month', count: 5 },
      { unit: 'year', count: 1 },
      { unit: 'year', count: 3 },
    ];
    for (const iso of anchors) {
      const start = Temporal.PlainDateTime.from(iso);
      const anchor = toInstant(start);
      for (const interval of intervals) {
        let previous = anchor;
        is(periodBoundary(anchor, interval, 0), anchor);
        for (let k = 1; k <= 1000; k += 1) {
          const boundary = periodBoundary(anchor, interval, k);
          const date = toPlainDateTime(boundary);
          is(boundary, temporalBoundary(anchor, interval, k));
          // The anchor's day of month, clamped to the month's length, and its time of day.
          is(date.day, Math.min(start.day, date.daysInMonth));
          is(date.toPlainTime().equals(start.toPlainTime()), true);
          below(previous, boundary);
          is(periodIndexAt(anchor, interval, previous), k - 1);
          is(periodIndexAt(anchor, interval, boundary - 1), k - 1);
          previous = boundary;
        }
      }
    }
  });
});
