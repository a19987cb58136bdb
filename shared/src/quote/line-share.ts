import { SECONDS_PER_DAY } from '../periods/instant';
import type { RemainingFraction } from '../periods/remaining-fraction';

/** A span of time in whole days, hours, minutes and seconds. */
export type Span = Readonly<{ days: number; hours: number; minutes: number; seconds: number }>;

/**
 * The share of its period a line prices, exactly as the engine counted it, so a reader can
 * recompute the line's amount to the minor unit: nothing (the whole period), whole days over
 * whole days, or the time remaining to the second over the period's length.
 */
export type LineShare =
  | Readonly<{ kind: 'whole' }>
  | Readonly<{ kind: 'days'; remaining: number; total: number }>
  | Readonly<{ kind: 'span'; remaining: Span; total: Span }>;

function span(totalSeconds: number): Span {
  const days = Math.floor(totalSeconds / SECONDS_PER_DAY);
  const rest = totalSeconds - days * SECONDS_PER_DAY;
  return { days, hours: Math.floor(rest / 3600), minutes: Math.floor((rest % 3600) / 60), seconds: rest % 60 };
}

/** Seconds in a span: what the engine divides by. */
export function spanSeconds({ days, hours, minutes, seconds }: Span): number {
  return days * SECONDS_PER_DAY + hours * 3600 + minutes * 60 + seconds;
}

/**
 * The exact share a line prices, in the largest units that keep it exact: a share counted in
 * seconds that falls on whole days reads as days, any other as days, hours, minutes and seconds.
 */
export function lineShare(fraction: RemainingFraction): LineShare {
  const { numerator, denominator, unit } = fraction;
  if (numerator === denominator) return { kind: 'whole' };
  if (unit === 'day') return { kind: 'days', remaining: numerator, total: denominator };
  if (numerator % SECONDS_PER_DAY === 0 && denominator % SECONDS_PER_DAY === 0) {
    return { kind: 'days', remaining: numerator / SECONDS_PER_DAY, total: denominator / SECONDS_PER_DAY };
  }
  return { kind: 'span', remaining: span(numerator), total: span(denominator) };
}

const UNITS = [
  ['days', 'day'],
  ['hours', 'hour'],
  ['minutes', 'minute'],
  ['seconds', 'second'],
] as const;

// Intl formatters are costly to build and the quote prints its lines on every keystroke.
const numberFormats = new Map<string, Intl.NumberFormat>();
const listFormats = new Map<string, Intl.ListFormat>();

/** A number in a language, in a unit (`day`, `hour`…) or, with none, plain. */
function unitFormat(locale: string, unit: string | null, style: 'narrow' | 'long'): Intl.NumberFormat {
  const key = `${locale}|${unit}|${style}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, unit ? { style: 'unit', unit, unitDisplay: style } : {});
    numberFormats.set(key, format);
  }
  return format;
}

function listFormat(locale: string, style: 'narrow' | 'long'): Intl.ListFormat {
  const key = `${locale}|${style}`;
  let format = listFormats.get(key);
  if (!format) {
    format = new Intl.ListFormat(locale, { type: 'unit', style });
    listFormats.set(key, format);
  }
  return format;
}

/** A span in a language through Intl alone (no word lists), leaving out the parts that are zero. */
function spanText(value: Span, locale: string, style: 'narrow' | 'long'): string {
  const parts = UNITS.filter(([field]) => value[field] !== 0).map(([field, unit]) =>
    unitFormat(locale, unit, style).format(value[field]),
  );
  return listFormat(locale, style).format(parts);
}

/**
 * The exact share as every surface prints it (the quote, the review, the PDF): `18/30 days`,
 * or `17d 23h 30m/30 days` for a share counted in seconds; null for the whole period, which
 * multiplies by one.
 */
export function shareText(fraction: RemainingFraction, locale: string): string | null {
  const share = lineShare(fraction);
  switch (share.kind) {
    case 'whole':
      return null;
    case 'days':
      return `${unitFormat(locale, null, 'long').format(share.remaining)}/${unitFormat(locale, 'day', 'long').format(share.total)}`;
    case 'span':
      return `${spanText(share.remaining, locale, 'narrow')}/${spanText(share.total, locale, 'long')}`;
  }
}
