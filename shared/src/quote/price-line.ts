import type { CurrencyCode } from '../money/currencies';
import { money } from '../money/money';
import { prorate } from '../money/prorate';
import type { Instant } from '../periods/instant';
import type { Period } from '../periods/period-boundary';
import type { RemainingFraction } from '../periods/remaining-fraction';
import type { SubscriptionItem } from '../subscription/subscription';
import type { LineItem, QuoteLine } from './quote';

/** What every line of one change shares: the currency, the billing period and the share remaining. */
export type LineContext = Readonly<{
  currency: CurrencyCode;
  at: Instant;
  period: Period;
  fraction: RemainingFraction;
}>;

/** A charge of unit price × quantity × the share of the period the context prices. */
export function chargeLine(
  context: LineContext,
  kind: 'charge_remaining_time' | 'charge_full_period' | 'renewal',
  item: LineItem,
  unitAmount: number,
  quantity: number,
): QuoteLine {
  const { currency, at, period, fraction } = context;
  return {
    kind,
    item,
    quantity,
    unitAmount: money(unitAmount, currency),
    covers: { start: Math.max(at, period.start), end: period.end },
    billingPeriod: period,
    fraction,
    amount: money(prorate(unitAmount, quantity, fraction), currency),
    capped: false,
  };
}

/**
 * The credit for an item's unused time, at the unit price it was billed at for this period,
 * capped so that the credits of one item in one period never exceed what was billed for it.
 */
export function creditLine(context: LineContext, item: LineItem, billed: SubscriptionItem): QuoteLine {
  const { currency, at, period, fraction } = context;
  const unused = prorate(billed.unitAmount, billed.quantity, fraction);
  const room = Math.max(0, billed.billedInPeriod - billed.creditedInPeriod);
  const amount = Math.min(unused, room);
  return {
    kind: 'credit_unused_time',
    item,
    quantity: billed.quantity,
    unitAmount: money(billed.unitAmount, currency),
    covers: { start: at, end: period.end },
    billingPeriod: period,
    fraction,
    amount: money(-amount, currency),
    capped: amount < unused,
  };
}
