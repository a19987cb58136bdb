import { minorUnitExponent } from './currencies';
import type { Money } from './money';

/** The exact decimal text of an amount in major units ("-1234.50" for −123450 cents). */
export function toDecimalString(value: Money): string {
  const exponent = minorUnitExponent(value.currency);
  const digits = Math.abs(value.amount)
    .toString()
    .padStart(exponent + 1, '0');
  const sign = value.amount < 0 ? '-' : '';
  if (exponent === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(locale: string, value: Money, display: 'symbol' | 'code'): Intl.NumberFormat {
  const key = `${locale}|${value.currency}|${display}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const exponent = minorUnitExponent(value.currency);
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: value.currency,
      currencyDisplay: display,
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Money formatted for a locale with Intl. The amount is passed as an exact decimal string, so
 * formatting can never round it (a float such as 1.005 would).
 */
export function formatMoney(value: Money, locale: string, display: 'symbol' | 'code' = 'symbol'): string {
  const decimal = toDecimalString(value) as `${number}`;
  return formatterFor(locale, value, display).format(decimal);
}
