import type { Catalog } from '../catalog/catalog';
import { findAddOn, findPlan, findPrice } from '../catalog/find-in-catalog';
import { type Money, money } from '../money/money';
import { type BillingInterval, intervalMonths, sameInterval } from '../periods/billing-interval';
import type { Instant } from '../periods/instant';
import { type Period, periodAt } from '../periods/period-boundary';
import { remainingFraction } from '../periods/remaining-fraction';
import { chargeLine, type LineContext } from '../quote/price-line';
import type { LineItem, QuoteLine } from '../quote/quote';
import type { AddOnItem, PendingChange, PlanItem, Subscription, SubscriptionItem } from '../subscription/subscription';
import { currentPeriod, currentTarget } from '../subscription/subscription-state';

/** What renewing at the current period's end does: the scheduled change applied, then full-price lines. */
export type RenewalPlan = Readonly<{
  at: Instant;
  appliedChange: PendingChange | null;
  interval: BillingInterval;
  anchor: Instant;
  periodIndex: number;
  period: Period;
  plan: PlanItem;
  addOns: readonly AddOnItem[];
  lines: readonly QuoteLine[];
  total: Money;
}>;

export type RenewalPlanResult =
  | Readonly<{ ok: true; renewal: RenewalPlan }>
  | Readonly<{ ok: false; reason: 'price_unavailable'; item: Readonly<{ type: LineItem['type']; id: string }> }>;

/**
 * The schedule after a period that ends at boundary k+1: the same anchor when the new interval
 * still lands on that boundary (so a 31st keeps billing on the 31st), else anchored there.
 */
function nextSchedule(subscription: Subscription, interval: BillingInterval, at: Instant) {
  const elapsedMonths = (subscription.periodIndex + 1) * intervalMonths(subscription.interval);
  const months = intervalMonths(interval);
  return elapsedMonths % months === 0
    ? { anchor: subscription.anchor, periodIndex: elapsedMonths / months }
    : { anchor: at, periodIndex: 0 };
}

/**
 * Plans the renewal at the end of the current period (product.md §2a "Next bill"): the
 * pending change takes effect, and every item is billed in full at the catalog's price for
 * the new period (a held item whose price left the catalog keeps its own).
 */
export function planRenewal(catalog: Catalog, subscription: Subscription): RenewalPlanResult {
  const at = currentPeriod(subscription).end;
  const pending = subscription.pendingChange;
  const appliedChange = pending && pending.effectiveAt <= at ? pending : null;
  const target = appliedChange?.target ?? currentTarget(subscription);
  const schedule = nextSchedule(subscription, target.interval, at);
  const period = periodAt(schedule.anchor, target.interval, schedule.periodIndex);
  const context: LineContext = {
    currency: subscription.currency,
    at: period.start,
    period,
    fraction: remainingFraction(period, period.start, catalog.policies.prorationGranularity),
  };
  const keepsInterval = sameInterval(target.interval, subscription.interval);

  const lines: QuoteLine[] = [];
  const renew = (type: LineItem['type'], id: string, quantity: number, held: SubscriptionItem | undefined) => {
    const product = type === 'plan' ? findPlan(catalog, id) : findAddOn(catalog, id);
    const price = product && findPrice(product, target.interval, subscription.currency);
    const priced = price ?? (held && keepsInterval ? { id: held.priceId, unitAmount: held.unitAmount } : undefined);
    if (!priced) return null;
    const line = chargeLine(context, 'renewal', { type, id, priceId: priced.id }, priced.unitAmount, quantity);
    lines.push(line);
    return {
      priceId: priced.id,
      unitAmount: priced.unitAmount,
      quantity,
      billedInPeriod: line.amount.amount,
      creditedInPeriod: 0,
    };
  };

  const heldPlan = subscription.plan.planId === target.planId ? subscription.plan : undefined;
  const planItem = renew('plan', target.planId, target.quantity, heldPlan);
  if (!planItem) return { ok: false, reason: 'price_unavailable', item: { type: 'plan', id: target.planId } };
  const addOns: AddOnItem[] = [];
  for (const wanted of target.addOns) {
    const held = subscription.addOns.find((item) => item.addOnId === wanted.addOnId);
    const item = renew('add_on', wanted.addOnId, wanted.quantity, held);
    if (!item) return { ok: false, reason: 'price_unavailable', item: { type: 'add_on', id: wanted.addOnId } };
    addOns.push({ ...item, addOnId: wanted.addOnId });
  }
  const total = money(
    lines.reduce((sum, line) => sum + line.amount.amount, 0),
    subscription.currency,
  );
  return {
    ok: true,
    renewal: {
      at,
      appliedChange,
      interval: target.interval,
      ...schedule,
      period,
      plan: { ...planItem, planId: target.planId },
      addOns,
      lines,
      total,
    },
  };
}
