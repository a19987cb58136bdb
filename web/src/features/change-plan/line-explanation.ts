import type { OptionsView } from '@planshift/shared/api';
import { findAddOn, findPlan } from '@planshift/shared/catalog';
import { lineArithmetic, type QuoteLine } from '@planshift/shared/quote';
import type { TFunction } from 'i18next';
import type { CatalogNames } from '../../domain-text/catalog-names';
import type { Formatters } from '../../i18n/format';

export type ExplainedLine = Readonly<{
  /** What the line is: "Credit for unused time: Pro". */
  label: string;
  /** Its arithmetic, the exact share the engine priced: "$14.99 × 10 seats × 17d 23h 30m/30 days". */
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

/**
 * A quote line in words: what it is, its arithmetic, and the dates it covers (product.md §2b).
 * The arithmetic is the engine's, as the documents print it, so the amount can be recomputed.
 */
export function explainLine(
  t: TFunction,
  format: Formatters,
  names: CatalogNames,
  catalog: OptionsView['catalog'],
  line: QuoteLine,
): ExplainedLine {
  return {
    label: labelOf(t, names, line),
    arithmetic: lineArithmetic(line, format.locale, quantityText(t, catalog, line)),
    covers: t('changePlan.line.covers', { start: format.date(line.covers.start), end: format.date(line.covers.end) }),
  };
}

/** A stable React key for a line of one quote. */
export const lineKey = (line: QuoteLine): string =>
  `${line.kind}:${line.item.type}:${line.item.id}:${line.item.priceId}`;
