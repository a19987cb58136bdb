/** How often an item bills: every `count` months or years. */
export type BillingInterval = Readonly<{ unit: 'month'; count: number }> | Readonly<{ unit: 'year'; count: number }>;

export const MONTHLY: BillingInterval = { unit: 'month', count: 1 };
export const ANNUAL: BillingInterval = { unit: 'year', count: 1 };

/** The interval's length in calendar months (a year is 12). */
export function intervalMonths(interval: BillingInterval): number {
  return interval.unit === 'year' ? interval.count * 12 : interval.count;
}

/** Whether two intervals bill equally often. */
export function sameInterval(a: BillingInterval, b: BillingInterval): boolean {
  return intervalMonths(a) === intervalMonths(b);
}

/** The ISO-8601 duration of the interval (P1M, P3M, P1Y): a stable key for tables and URLs. */
export function intervalKey(interval: BillingInterval): string {
  return `P${interval.count}${interval.unit === 'year' ? 'Y' : 'M'}`;
}
