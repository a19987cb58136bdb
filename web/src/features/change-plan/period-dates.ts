import type { Instant } from '@planshift/shared/periods';

const yearOf = (instant: Instant): number => new Date(instant * 1000).getUTCFullYear();

/**
 * Whether short dates ("1 Mar") need their year to be read right: when they span years (an annual
 * period) or any is not in the current year, `now` being the system clock the SPA prices at.
 */
export function datesNeedYear(dates: readonly Instant[], now: Instant): boolean {
  const current = yearOf(now);
  return dates.some((date) => yearOf(date) !== current);
}

/** A short date format for the picture's marks: day and month, with the year when it is needed. */
export function shortDateFormat(locale: string, withYear: boolean): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  });
}
