import type { Catalog } from '../catalog/catalog';
import { findAddOn, findPlan, findPrice } from '../catalog/find-in-catalog';
import type { Instant } from '../periods/instant';
import { periodAt } from '../periods/period-boundary';
import { remainingFraction } from '../periods/remaining-fraction';
import type { AddOnItem, PlanItem, Subscription, SubscriptionItem, TargetState } from '../subscription/subscription';
import { currentPeriod } from '../subscription/subscription-state';
import { chargeLine, creditLine, type LineContext } from './price-line';
import type { LineItem, QuoteLine, SubscriptionAfter } from './quote';

/** The lines a change makes now, and the subscription's schedule and items after it. */
export type PricedNow = Readonly<{
  lines: readonly QuoteLine[];
  schedule: Pick<SubscriptionAfter, 'interval' | 'anchor' | 'periodIndex'>;
  plan: PlanItem;
  addOns: readonly AddOnItem[];
}>;

type Held = Readonly<{ id: string; item: SubscriptionItem }>;
type Wanted = Readonly<{ id: string; quantity: number }>;

function unitPriceOf(
  catalog: Catalog,
  subscription: Subscription,
  type: LineItem['type'],
  id: string,
  target: TargetState,
) {
  const product = type === 'plan' ? findPlan(catalog, id) : findAddOn(catalog, id);
  const price = product && findPrice(product, target.interval, subscription.currency);
  // Validation guarantees a price for every wanted item; reaching this is an engine bug.
  if (!price) throw new Error(`no ${subscription.currency} price for ${type} ${id}`);
  return price;
}

const billedItem = (priceId: string, unitAmount: number, quantity: number, charged: number): SubscriptionItem => ({
  priceId,
  unitAmount,
  quantity,
  billedInPeriod: charged,
  creditedInPeriod: 0,
});

/**
 * Prices the move of one item within the current period: a quantity increase on the same item
 * is one charge for the added units at its price; any other change credits the unused time of
 * what is held and charges the remaining time of what is wanted (product.md §2a).
 */
function moveItem(
  context: LineContext,
  catalog: Catalog,
  subscription: Subscription,
  target: TargetState,
  type: LineItem['type'],
  held: Held | null,
  wanted: Wanted | null,
): { lines: QuoteLine[]; item: SubscriptionItem | null } {
  if (held && wanted && held.id === wanted.id) {
    const { item } = held;
    const ref: LineItem = { type, id: held.id, priceId: item.priceId };
    if (wanted.quantity === item.quantity) return { lines: [], item };
    if (wanted.quantity > item.quantity) {
      const line = chargeLine(context, 'charge_remaining_time', ref, item.unitAmount, wanted.quantity - item.quantity);
      return {
        lines: [line],
        item: { ...item, quantity: wanted.quantity, billedInPeriod: item.billedInPeriod + line.amount.amount },
      };
    }
    const credit = creditLine(context, ref, item);
    const charge = chargeLine(context, 'charge_remaining_time', ref, item.unitAmount, wanted.quantity);
    return {
      lines: [credit, charge],
      item: {
        ...item,
        quantity: wanted.quantity,
        billedInPeriod: item.billedInPeriod + charge.amount.amount,
        creditedInPeriod: item.creditedInPeriod - credit.amount.amount,
      },
    };
  }
  const lines: QuoteLine[] = [];
  if (held) lines.push(creditLine(context, { type, id: held.id, priceId: held.item.priceId }, held.item));
  if (!wanted) return { lines, item: null };
  const price = unitPriceOf(catalog, subscription, type, wanted.id, target);
  const charge = chargeLine(
    context,
    'charge_remaining_time',
    { type, id: wanted.id, priceId: price.id },
    price.unitAmount,
    wanted.quantity,
  );
  lines.push(charge);
  return { lines, item: billedItem(price.id, price.unitAmount, wanted.quantity, charge.amount.amount) };
}

/** Prices the parts of a change that apply within the current period, at the instant. */
export function priceWithinPeriod(
  catalog: Catalog,
  subscription: Subscription,
  now: TargetState,
  at: Instant,
): PricedNow {
  const period = currentPeriod(subscription);
  const context: LineContext = {
    currency: subscription.currency,
    at,
    period,
    fraction: remainingFraction(period, at, catalog.policies.prorationGranularity),
  };
  const plan = moveItem(
    context,
    catalog,
    subscription,
    now,
    'plan',
    { id: subscription.plan.planId, item: subscription.plan },
    { id: now.planId, quantity: now.quantity },
  );
  const lines = [...plan.lines];
  const addOns: AddOnItem[] = [];
  const ids = new Set([...subscription.addOns.map((a) => a.addOnId), ...now.addOns.map((a) => a.addOnId)]);
  for (const addOnId of [...ids].sort()) {
    const heldItem = subscription.addOns.find((a) => a.addOnId === addOnId);
    const wantedItem = now.addOns.find((a) => a.addOnId === addOnId);
    const moved = moveItem(
      context,
      catalog,
      subscription,
      now,
      'add_on',
      heldItem ? { id: addOnId, item: heldItem } : null,
      wantedItem ? { id: addOnId, quantity: wantedItem.quantity } : null,
    );
    lines.push(...moved.lines);
    if (moved.item) addOns.push({ ...moved.item, addOnId });
  }
  if (!plan.item) throw new Error('a subscription always keeps a plan item');
  return {
    lines,
    schedule: { interval: subscription.interval, anchor: subscription.anchor, periodIndex: subscription.periodIndex },
    plan: { ...plan.item, planId: now.planId },
    addOns,
  };
}

/**
 * Prices a change to a new interval starting now: credits the unused time of every held item
 * and charges the full price of every wanted item for a new period anchored at the instant.
 */
export function priceNewInterval(
  catalog: Catalog,
  subscription: Subscription,
  target: TargetState,
  at: Instant,
): PricedNow {
  const { currency } = subscription;
  const granularity = catalog.policies.prorationGranularity;
  const ending = currentPeriod(subscription);
  const creditContext: LineContext = {
    currency,
    at,
    period: ending,
    fraction: remainingFraction(ending, at, granularity),
  };
  const lines: QuoteLine[] = [
    creditLine(
      creditContext,
      { type: 'plan', id: subscription.plan.planId, priceId: subscription.plan.priceId },
      subscription.plan,
    ),
    ...subscription.addOns.map((item) =>
      creditLine(creditContext, { type: 'add_on', id: item.addOnId, priceId: item.priceId }, item),
    ),
  ];

  const period = periodAt(at, target.interval, 0);
  const chargeContext: LineContext = { currency, at, period, fraction: remainingFraction(period, at, granularity) };
  const charge = (type: LineItem['type'], id: string, quantity: number) => {
    const price = unitPriceOf(catalog, subscription, type, id, target);
    const line = chargeLine(
      chargeContext,
      'charge_full_period',
      { type, id, priceId: price.id },
      price.unitAmount,
      quantity,
    );
    lines.push(line);
    return billedItem(price.id, price.unitAmount, quantity, line.amount.amount);
  };
  const plan: PlanItem = { ...charge('plan', target.planId, target.quantity), planId: target.planId };
  const addOns: AddOnItem[] = target.addOns.map((held) => ({
    ...charge('add_on', held.addOnId, held.quantity),
    addOnId: held.addOnId,
  }));
  return { lines, schedule: { interval: target.interval, anchor: at, periodIndex: 0 }, plan, addOns };
}
