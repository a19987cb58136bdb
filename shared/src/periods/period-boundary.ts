import type { BillingInterval } from './billing-interval';
import { intervalMonths } from './billing-interval';
import { type Instant, SECONDS_PER_DAY } from './instant';

/** A billing period [start, end): start included, end excluded. */
export type Period = Readonly<{ start: Instant; end: Instant }>;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, monthIndex: number): number {
  if (monthIndex !== 1) return DAYS_IN_MONTH[monthIndex] ?? 31;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return leap ? 29 : 28;
}

/**
 * Boundary k of a schedule: anchor + k·interval, keeping the anchor's day of month and time of
 * day, clamped to the last day of a shorter month. Always computed from the anchor, never by
 * stepping from the previous boundary, so 31 Jan → 29 Feb → 31 Mar never drifts to the 29th.
 */
export function periodBoundary(anchor: Instant, interval: BillingInterval, k: number): Instant {
  const date = new Date(anchor * 1000);
  const months = date.getUTCMonth() + k * intervalMonths(interval);
  const year = date.getUTCFullYear() + Math.floor(months / 12);
  const month = months - Math.floor(months / 12) * 12;
  const day = Math.min(date.getUTCDate(), daysInMonth(year, month));
  const timeOfDay = anchor - Math.floor(anchor / SECONDS_PER_DAY) * SECONDS_PER_DAY;
  return Date.UTC(year, month, day) / 1000 + timeOfDay;
}

/** Period k of a schedule: [boundary k, boundary k+1). */
export function periodAt(anchor: Instant, interval: BillingInterval, k: number): Period {
  return { start: periodBoundary(anchor, interval, k), end: periodBoundary(anchor, interval, k + 1) };
}

/** The index of the period that contains the instant (negative before the anchor). */
export function periodIndexAt(anchor: Instant, interval: BillingInterval, instant: Instant): number {
  const a = new Date(anchor * 1000);
  const t = new Date(instant * 1000);
  const monthsApart = (t.getUTCFullYear() - a.getUTCFullYear()) * 12 + t.getUTCMonth() - a.getUTCMonth();
  let k = Math.floor(monthsApart / intervalMonths(interval));
  while (periodBoundary(anchor, interval, k) > instant) k -= 1;
  while (periodBoundary(anchor, interval, k + 1) <= instant) k += 1;
  return k;
}
