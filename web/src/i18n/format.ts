import { formatMoney, type Money } from '@planshift/shared/money';
import type { Instant } from '@planshift/shared/periods';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export type Formatters = Readonly<{
  locale: string;
  money: (value: Money) => string;
  /** An instant (Unix seconds) as a date, in UTC like every billing date. */
  date: (instant: Instant) => string;
  /** An instant's time of day in UTC, with the zone named ("10:00 UTC"). */
  time: (instant: Instant) => string;
  /** A card's expiry month ("12/2029" in English). */
  monthYear: (year: number, month: number) => string;
  number: (value: number) => string;
  /** A wait in seconds as words ("45 seconds", "3 minutes"), rounded up to whole minutes past one. */
  wait: (seconds: number) => string;
}>;

/** Formatters for the portal's current language: money through the engine, dates through Intl in UTC. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const locale = i18n.language;
  return useMemo(() => {
    const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const times = new Intl.DateTimeFormat(locale, {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'UTC',
      timeZoneName: 'short',
    });
    const months = new Intl.DateTimeFormat(locale, { month: '2-digit', year: 'numeric', timeZone: 'UTC' });
    const numbers = new Intl.NumberFormat(locale);
    return {
      locale,
      money: (value) => formatMoney(value, locale),
      date: (instant) => dates.format(instant * 1000),
      time: (instant) => times.format(instant * 1000),
      monthYear: (year, month) => months.format(Date.UTC(year, month - 1, 1)),
      number: (value) => numbers.format(value),
      wait: (seconds) => {
        const minutes = seconds > 60;
        return new Intl.NumberFormat(locale, {
          style: 'unit',
          unit: minutes ? 'minute' : 'second',
          unitDisplay: 'long',
        }).format(minutes ? Math.ceil(seconds / 60) : Math.max(1, Math.ceil(seconds)));
      },
    };
  }, [locale]);
}
