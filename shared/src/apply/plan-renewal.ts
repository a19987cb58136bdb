import type { Catalog } from '../catalog/catalog';
import { findAddOn, findPlan, findPrice } from '../catalog/find-in-catalog';
import type { CurrencyCode } from '../money/currencies';
import { type Money, money } from '../money/money';
import { type BillingInterval, intervalMonths, sameInterval } from '../periods/billing-interval';
import type { Instant } from '../periods/instant';
import { type Period, periodAt } from '../periods/period-boundary';
import { remainingFraction } from '../periods/remaining-fraction';
import { chargeLine, type LineContext } from '../quote/price-line';
import type { LineItem, QuoteLine } from '../quote/quote';
import type {
  AddOnItem,
  PlanItem,
  ScheduledTargetChange,
  Subscription,
  SubscriptionItem,
  TargetState,
} from '../subscription/subscription';
import { addOnItem, planItem } from '../subscription/subscription-items';
import { currentPeriod, currentTarget } from '../subscription/subscription-state';

/** What renewing at the current period's end does: the scheduled change applied, then full-price lines. */
export type RenewalPlan = Readonly<{
  at: Instant;
  appliedChange: ScheduledTargetChange | null;
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
  | Readonly<{ ok: false; reason: 'price_unavailable'; item: Readonly<{ type: LineItem['type']; id: string }> }>
  /** A cancellation takes effect at this period end: there is no renewal, and no next bill. */
  | Readonly<{ ok: false; reason: 'subscription_ends'; endsAt: Instant }>
  /** It has ended: nothing renews until it is started again. */
  | Readonly<{ ok: false; reason: 'subscription_canceled' }>;

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

/** One item billed for a full period at the catalog's price, or at its own if it kept its interval. */
function billItem(
  lines: QuoteLine[],
  context: LineContext,
  catalog: Catalog,
  interval: BillingInterval,
  type: LineItem['type'],
  id: string,
  quantity: number,
  held: Readonly<{ item: SubscriptionItem; interval: BillingInterval }> | undefined,
): SubscriptionItem | null {
  const product = type === 'plan' ? findPlan(catalog, id) : findAddOn(catalog, id);
  const price = product && findPrice(product, interval, context.currency);
  const grandfathered = held && sameInterval(interval, held.interval) ? held.item : undefined;
  const priceId = price?.id ?? grandfathered?.priceId;
  const unitAmount = price?.unitAmount ?? grandfathered?.unitAmount;
  if (priceId === undefined || unitAmount === undefined) return null;
  const line = chargeLine(context, 'renewal', { type, id, priceId }, unitAmount, quantity);
  lines.push(line);
  return { priceId, unitAmount, quantity, billedInPeriod: line.amount.amount, creditedInPeriod: 0 };
}

export type FullPeriodBill = Readonly<{
  plan: PlanItem;
  addOns: readonly AddOnItem[];
  lines: readonly QuoteLine[];
  total: Money;
}>;

export type FullPeriodBillResult =
  | Readonly<{ ok: true; bill: FullPeriodBill }>
  | Readonly<{ ok: false; reason: 'price_unavailable'; item: Readonly<{ type: LineItem['type']; id: string }> }>;

/**
 * The items of a target state billed in full for a period, as at a renewal or a signup. Items
 * the subscription already holds in the same interval keep their price if it left the catalog.
 */
export function billFullPeriod(
  catalog: Catalog,
  currency: CurrencyCode,
  target: TargetState,
  period: Period,
  holder: Subscription | null,
): FullPeriodBillResult {
  const context: LineContext = {
    currency,
    at: period.start,
    period,
    fraction: remainingFraction(period, period.start, catalog.policies.prorationGranularity),
  };
  const heldAs = (item: SubscriptionItem | undefined) =>
    item && holder ? { item, interval: holder.interval } : undefined;

  const lines: QuoteLine[] = [];
  const heldPlan = holder?.plan.planId === target.planId ? holder.plan : undefined;
  const plan = billItem(
    lines,
    context,
    catalog,
    target.interval,
    'plan',
    target.planId,
    target.quantity,
    heldAs(heldPlan),
  );
  if (!plan) return { ok: false, reason: 'price_unavailable', item: { type: 'plan', id: target.planId } };
  const addOns: AddOnItem[] = [];
  for (const wanted of target.addOns) {
    const held = heldAs(holder?.addOns.find((a) => a.addOnId === wanted.addOnId));
    const billed = billItem(lines, context, catalog, target.interval, 'add_on', wanted.addOnId, wanted.quantity, held);
    if (!billed) return { ok: false, reason: 'price_unavailable', item: { type: 'add_on', id: wanted.addOnId } };
    addOns.push(addOnItem(wanted.addOnId, billed));
  }
  let total = 0;
  for (const line of lines) total += line.amount.amount;
  return { ok: true, bill: { plan: planItem(target.planId, plan), addOns, lines, total: money(total, currency) } };
}

/**
 * Plans the renewal at the end of the current period (product.md §2a "Next bill"): the
 * pending change takes effect, and every item is billed in full at the catalog's price for
 * the new period (a held item whose price left the catalog keeps its own). A subscription whose
 * cancellation falls due then is not renewed.
 */
export function planRenewal(
  catalog: Catalog,
  subscription: Subscription,
  ending: Period = currentPeriod(subscription),
): RenewalPlanResult {
  if (subscription.status === 'canceled') return { ok: false, reason: 'subscription_canceled' };
  const at = ending.end;
  const pending = subscription.pendingChange;
  if (pending?.kind === 'cancellation' && pending.effectiveAt <= at) {
    return { ok: false, reason: 'subscription_ends', endsAt: pending.effectiveAt };
  }
  const appliedChange = pending?.kind === 'change' && pending.effectiveAt <= at ? pending : null;
  const target = appliedChange?.target ?? currentTarget(subscription);
  const { anchor, periodIndex } = nextSchedule(subscription, target.interval, at);
  const period = periodAt(anchor, target.interval, periodIndex);
  const billed = billFullPeriod(catalog, subscription.currency, target, period, subscription);
  if (!billed.ok) return billed;
  const { plan, addOns, lines, total } = billed.bill;
  return {
    ok: true,
    renewal: { at, appliedChange, interval: target.interval, anchor, periodIndex, period, plan, addOns, lines, total },
  };
}
