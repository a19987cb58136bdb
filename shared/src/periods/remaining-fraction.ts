import type { Fraction } from '../money/prorate';
import { type Instant, SECONDS_PER_DAY } from './instant';
import type { Period } from './period-boundary';

/** The unit in which the remaining share of a period is counted. */
export type Granularity = 'second' | 'day';

/** The share of a period still to run, with the unit its two integers count. */
export type RemainingFraction = Fraction & Readonly<{ unit: Granularity }>;

const utcDay = (instant: Instant): number => Math.floor(instant / SECONDS_PER_DAY);

/**
 * The exact share of [start, end) that remains at the instant: (end − t)/(end − start) in
 * seconds, or in whole UTC days from the start of t's day, the day of the change counting as
 * remaining (product.md §2a).
 */
export function remainingFraction(period: Period, at: Instant, granularity: Granularity): RemainingFraction {
  if (at < period.start || at >= period.end) {
    throw new RangeError(`instant ${at} is outside the period [${period.start}, ${period.end})`);
  }
  if (granularity === 'second') {
    return { numerator: period.end - at, denominator: period.end - period.start, unit: 'second' };
  }
  const endDay = utcDay(period.end);
  return { numerator: endDay - utcDay(at), denominator: endDay - utcDay(period.start), unit: 'day' };
}
