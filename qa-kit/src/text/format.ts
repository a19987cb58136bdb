import { formatMoney as formatMoneyOf, isCurrencyCode } from '@planshift/shared/money';

/** An amount as the API writes it: whole minor units of an ISO currency (`{ amount: 12345, currency: 'EUR' }`). */
export type MoneyLike = Readonly<{ amount: number; currency: string }>;

/**
 * Money as the portal shows it in a language: Intl with the currency's own minor unit (JPY none,
 * KWD three), through the same formatter as the SPA.
 */
export function formatMoney(value: MoneyLike, locale = 'en'): string {
  const { amount, currency } = value;
  if (!isCurrencyCode(currency)) throw new Error(`${currency} is not a currency the portal bills in.`);
  if (!Number.isSafeInteger(amount)) throw new Error(`Money is whole minor units: ${amount} is not.`);
  return formatMoneyOf({ amount, currency }, locale);
}

/** A billing date as the portal shows it: medium date style, in UTC. `instant` is Unix seconds, as the API counts. */
export function formatDate(instant: number, locale = 'en'): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(instant * 1000);
}

const DAY = 86_400;

/** The share of a period a document line prices, as its `fraction` says it. */
export type PeriodShare = Readonly<{ numerator: number; denominator: number; unit: string }>;

/**
 * A share of a period as the quote shows it, exactly: whole days over whole days, or the time
 * remaining to the second ("17d 23h 30m") over the period's days.
 */
export function formatShare(fraction: PeriodShare): string {
  const { numerator: n, denominator: d } = fraction;
  if (fraction.unit === 'day') return `${n}/${d} days`;
  if (n % DAY === 0 && d % DAY === 0) return `${n / DAY}/${d / DAY} days`;
  const parts: [number, string][] = [
    [Math.floor(n / DAY), 'd'],
    [Math.floor((n % DAY) / 3600), 'h'],
    [Math.floor((n % 3600) / 60), 'm'],
    [n % 60, 's'],
  ];
  const remaining = parts.filter(([value]) => value !== 0).map(([value, unit]) => `${value}${unit}`);
  return `${remaining.join(' ')}/${d / DAY} days`;
}
