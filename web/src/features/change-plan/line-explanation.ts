import type { OptionsView } from '@planshift/shared/api';
import { findAddOn, findPlan } from '@planshift/shared/catalog';
import { SECONDS_PER_DAY } from '@planshift/shared/periods';
import type { QuoteLine } from '@planshift/shared/quote';
import type { TFunction } from 'i18next';
import type { CatalogNames } from '../../domain-text/catalog-names';
import type { Formatters } from '../../i18n/format';

export type ExplainedLine = Readonly<{
  /** What the line is: "Credit for unused time: Pro". */
  label: string;
  /** Its arithmetic: "$14.99 × 10 seats × 17.98/30 days". */
  arithmetic: string;
  /** The dates it covers. */
  covers: string;
}>;

function quantityText(t: TFunction, catalog: OptionsView['catalog'], line: QuoteLine): string | null {
  if (line.item.type === 'plan') {
    return findPlan(catalog, line.item.id)?.pricing === 'per_seat'
      ? t('changePlan.line.seats', { count: line.quantity })
      : null;
  }
  const addOn = findAddOn(catalog, line.item.id);
  return addOn && addOn.quantity.max > 1 ? t('changePlan.line.units', { count: line.quantity }) : null;
}

/**
 * The share of the period a line prices, for reading: whole days as counted (`day`
 * granularity), or seconds shown as days to two decimals (`second`); the amount itself is the
 * engine's, exact and rounded once.
 */
function shareText(t: TFunction, format: Formatters, line: QuoteLine): string | null {
  const { numerator, denominator, unit } = line.fraction;
  if (numerator === denominator) return null;
  if (unit === 'day')
    return t('changePlan.line.days', { remaining: numerator, total: denominator, count: denominator });
  const days = new Intl.NumberFormat(format.locale, { maximumFractionDigits: 2 });
  return t('changePlan.line.daysApprox', {
    remaining: days.format(numerator / SECONDS_PER_DAY),
    total: days.format(denominator / SECONDS_PER_DAY),
  });
}

function labelOf(t: TFunction, names: CatalogNames, line: QuoteLine): string {
  const item = names.item(line.item);
  switch (line.kind) {
    case 'credit_unused_time':
      return t('changePlan.line.credit', { item });
    case 'charge_remaining_time':
      return t('changePlan.line.remaining', { item });
    case 'charge_full_period':
      return t('changePlan.line.fullPeriod', { item });
    case 'renewal':
      return item;
  }
}

/** A quote line in words: what it is, its arithmetic, and the dates it covers (product.md §2b). */
export function explainLine(
  t: TFunction,
  format: Formatters,
  names: CatalogNames,
  catalog: OptionsView['catalog'],
  line: QuoteLine,
): ExplainedLine {
  const parts = [format.money(line.unitAmount), quantityText(t, catalog, line), shareText(t, format, line)];
  return {
    label: labelOf(t, names, line),
    arithmetic: parts.filter((part): part is string => part !== null).join(t('changePlan.line.times')),
    covers: t('changePlan.line.covers', { start: format.date(line.covers.start), end: format.date(line.covers.end) }),
  };
}

/** A stable React key for a line of one quote. */
export const lineKey = (line: QuoteLine): string =>
  `${line.kind}:${line.item.type}:${line.item.id}:${line.item.priceId}`;
