import { type BillingInterval, intervalMonths } from '../periods/billing-interval';

/** A plan item as priced for comparison: what one unit costs per interval, how many, the plan's rank. */
export type PricedPlanItem = Readonly<{
  unitAmount: number;
  quantity: number;
  interval: BillingInterval;
  rank: number;
}>;

/**
 * An upgrade when the plan item's recurring amount per normalised month (unit price × seats)
 * goes up, or stays equal on a higher-ranked plan; otherwise a downgrade (product.md §2).
 */
export function classifyPlanChange(from: PricedPlanItem, to: PricedPlanItem): 'upgrade' | 'downgrade' {
  // Compare from/monthsFrom with to/monthsTo by cross-multiplying, exactly.
  const fromPerMonth = BigInt(from.unitAmount) * BigInt(from.quantity) * BigInt(intervalMonths(to.interval));
  const toPerMonth = BigInt(to.unitAmount) * BigInt(to.quantity) * BigInt(intervalMonths(from.interval));
  if (toPerMonth !== fromPerMonth) return toPerMonth > fromPerMonth ? 'upgrade' : 'downgrade';
  return to.rank > from.rank ? 'upgrade' : 'downgrade';
}
