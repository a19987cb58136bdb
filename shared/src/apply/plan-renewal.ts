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
import { addOnItem, planItem } from '../subscription/subscription-items';
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

/** One renewed item at the catalog's price for the new interval, or its own price if it kept its interval. */
function renewItem(
  lines: QuoteLine[],
  context: LineContext,
  catalog: Catalog,
  subscription: Subscription,
  interval: BillingInterval,
  type: LineItem['type'],
  id: string,
  quantity: number,
  held: SubscriptionItem | undefined,
): SubscriptionItem | null {
  const product = type === 'plan' ? findPlan(catalog, id) : findAddOn(catalog, id);
  const price = product && findPrice(product, interval, subscription.currency);
  const grandfathered = held && sameInterval(interval, subscription.interval) ? held : undefined;
  const priceId = price?.id ?? grandfathered?.priceId;
  const unitAmount = price?.unitAmount ?? grandfathered?.unitAmount;
  if (priceId === undefined || unitAmount === undefined) return null;
  const line = chargeLine(context, 'renewal', { type, id, priceId }, unitAmount, quantity);
  lines.push(line);
  return { priceId, unitAmount, quantity, billedInPeriod: line.amount.amount, creditedInPeriod: 0 };
}

/**
 * Plans the renewal at the end of the current period (product.md §2a "Next bill"): the
 * pending change takes effect, and every item is billed in full at the catalog's price for
 * the new period (a held item whose price left the catalog keeps its own).
 */
export function planRenewal(
  catalog: Catalog,
  subscription: Subscription,
  ending: Period = currentPeriod(subscription),
): RenewalPlanResult {
  const at = ending.end;
  const pending = subscription.pendingChange;
  const appliedChange = pending && pending.effectiveAt <= at ? pending : null;
  const target = appliedChange?.target ?? currentTarget(subscription);
  const { anchor, periodIndex } = nextSchedule(subscription, target.interval, at);
  const period = periodAt(anchor, target.interval, periodIndex);
  const context: LineContext = {
    currency: subscription.currency,
    at: period.start,
    period,
    fraction: remainingFraction(period, period.start, catalog.policies.prorationGranularity),
  };

  const lines: QuoteLine[] = [];
  const heldPlan = subscription.plan.planId === target.planId ? subscription.plan : undefined;
  const plan = renewItem(
    lines,
    context,
    catalog,
    subscription,
    target.interval,
    'plan',
    target.planId,
    target.quantity,
    heldPlan,
  );
  if (!plan) return { ok: false, reason: 'price_unavailable', item: { type: 'plan', id: target.planId } };
  const addOns: AddOnItem[] = [];
  for (const wanted of target.addOns) {
    const held = subscription.addOns.find((a) => a.addOnId === wanted.addOnId);
    const renewed = renewItem(
      lines,
      context,
      catalog,
      subscription,
      target.interval,
      'add_on',
      wanted.addOnId,
      wanted.quantity,
      held,
    );
    if (!renewed) return { ok: false, reason: 'price_unavailable', item: { type: 'add_on', id: wanted.addOnId } };
    addOns.push(addOnItem(wanted.addOnId, renewed));
  }
  let total = 0;
  for (const line of lines) total += line.amount.amount;
  return {
    ok: true,
    renewal: {
      at,
      appliedChange,
      interval: target.interval,
      anchor,
      periodIndex,
      period,
      plan: planItem(target.planId, plan),
      addOns,
      lines,
      total: money(total, subscription.currency),
    },
  };
}
