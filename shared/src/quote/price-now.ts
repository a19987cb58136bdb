import type { Catalog, Price } from '../catalog/catalog';
import { findAddOn, findPlan, findPrice } from '../catalog/find-in-catalog';
import type { Instant } from '../periods/instant';
import { type Period, periodAt } from '../periods/period-boundary';
import { remainingFraction } from '../periods/remaining-fraction';
import type { AddOnItem, PlanItem, Subscription, SubscriptionItem, TargetState } from '../subscription/subscription';
import { addOnItem, planItem } from '../subscription/subscription-items';
import { chargeLine, creditLine, type LineContext } from './price-line';
import type { LineItem, QuoteLine, SubscriptionAfter } from './quote';

/** The lines a change makes now, and the subscription's schedule and items after it. */
export type PricedNow = Readonly<{
  lines: readonly QuoteLine[];
  schedule: Pick<SubscriptionAfter, 'interval' | 'anchor' | 'periodIndex'>;
  plan: PlanItem;
  addOns: readonly AddOnItem[];
}>;

function wantedPrice(
  catalog: Catalog,
  subscription: Subscription,
  type: LineItem['type'],
  id: string,
  target: TargetState,
): Price {
  const product = type === 'plan' ? findPlan(catalog, id) : findAddOn(catalog, id);
  const price = product && findPrice(product, target.interval, subscription.currency);
  // Validation guarantees a price for every wanted item; reaching this is an engine bug.
  if (!price) throw new Error(`no ${subscription.currency} price for ${type} ${id}`);
  return price;
}

function item(
  priceId: string,
  unitAmount: number,
  quantity: number,
  billed: number,
  credited: number,
): SubscriptionItem {
  return { priceId, unitAmount, quantity, billedInPeriod: billed, creditedInPeriod: credited };
}

/**
 * Prices the move of one item within the current period, adding its lines: a quantity increase
 * on the same item is one charge for the added units at its price, a decrease one credit for the
 * removed units; any other change credits the unused time of what is held and charges the
 * remaining time of what is wanted (product.md §2a).
 * Returns the item as it is afterwards, or null when it is gone.
 */
function moveItem(
  lines: QuoteLine[],
  context: LineContext,
  type: LineItem['type'],
  held: Readonly<{ id: string; item: SubscriptionItem }> | null,
  wanted: Readonly<{ id: string; quantity: number; price: () => Price }> | null,
): SubscriptionItem | null {
  if (held && wanted && held.id === wanted.id) {
    const current = held.item;
    const ref: LineItem = { type, id: held.id, priceId: current.priceId };
    if (wanted.quantity === current.quantity) return current;
    if (wanted.quantity > current.quantity) {
      const added = wanted.quantity - current.quantity;
      const charge = chargeLine(context, 'charge_remaining_time', ref, current.unitAmount, added);
      lines.push(charge);
      const billed = current.billedInPeriod + charge.amount.amount;
      return item(current.priceId, current.unitAmount, wanted.quantity, billed, current.creditedInPeriod);
    }
    // The mirror of an increase: one credit for the removed units only, so that removing units
    // and adding them back in the same instant nets to exactly zero (docs/decisions/004).
    const removed = current.quantity - wanted.quantity;
    const credit = creditLine(context, ref, { ...current, quantity: removed });
    lines.push(credit);
    return item(
      current.priceId,
      current.unitAmount,
      wanted.quantity,
      current.billedInPeriod,
      current.creditedInPeriod - credit.amount.amount,
    );
  }
  if (held) lines.push(creditLine(context, { type, id: held.id, priceId: held.item.priceId }, held.item));
  if (!wanted) return null;
  const price = wanted.price();
  const charge = chargeLine(
    context,
    'charge_remaining_time',
    { type, id: wanted.id, priceId: price.id },
    price.unitAmount,
    wanted.quantity,
  );
  lines.push(charge);
  return item(price.id, price.unitAmount, wanted.quantity, charge.amount.amount, 0);
}

/** Prices the parts of a change that apply within the current period, at the instant. */
export function priceWithinPeriod(
  catalog: Catalog,
  subscription: Subscription,
  period: Period,
  immediate: TargetState,
  at: Instant,
): PricedNow {
  const context: LineContext = {
    currency: subscription.currency,
    at,
    period,
    fraction: remainingFraction(period, at, catalog.policies.prorationGranularity),
  };
  const lines: QuoteLine[] = [];
  const plan = moveItem(
    lines,
    context,
    'plan',
    { id: subscription.plan.planId, item: subscription.plan },
    {
      id: immediate.planId,
      quantity: immediate.quantity,
      price: () => wantedPrice(catalog, subscription, 'plan', immediate.planId, immediate),
    },
  );
  if (!plan) throw new Error('a subscription always keeps a plan item');

  const ids = new Set<string>();
  for (const held of subscription.addOns) ids.add(held.addOnId);
  for (const wanted of immediate.addOns) ids.add(wanted.addOnId);
  const addOns: AddOnItem[] = [];
  for (const addOnId of [...ids].sort()) {
    const heldItem = subscription.addOns.find((a) => a.addOnId === addOnId);
    const wantedItem = immediate.addOns.find((a) => a.addOnId === addOnId);
    const moved = moveItem(
      lines,
      context,
      'add_on',
      heldItem ? { id: addOnId, item: heldItem } : null,
      wantedItem
        ? {
            id: addOnId,
            quantity: wantedItem.quantity,
            price: () => wantedPrice(catalog, subscription, 'add_on', addOnId, immediate),
          }
        : null,
    );
    if (moved) addOns.push(addOnItem(addOnId, moved));
  }
  return {
    lines,
    schedule: { interval: subscription.interval, anchor: subscription.anchor, periodIndex: subscription.periodIndex },
    plan: planItem(immediate.planId, plan),
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
  ending: Period,
  target: TargetState,
  at: Instant,
): PricedNow {
  const creditContext: LineContext = {
    currency: subscription.currency,
    at,
    period: ending,
    fraction: remainingFraction(ending, at, catalog.policies.prorationGranularity),
  };
  const credits: QuoteLine[] = [
    creditLine(
      creditContext,
      { type: 'plan', id: subscription.plan.planId, priceId: subscription.plan.priceId },
      subscription.plan,
    ),
  ];
  for (const held of subscription.addOns) {
    credits.push(creditLine(creditContext, { type: 'add_on', id: held.addOnId, priceId: held.priceId }, held));
  }
  const charged = priceNewPeriod(catalog, subscription, target, at);
  return { ...charged, lines: [...credits, ...charged.lines] };
}

/**
 * Charges the full price of every wanted item for a new period anchored at the instant, and
 * credits nothing: how an ended subscription starts again (docs/decisions/015).
 */
export function priceNewPeriod(
  catalog: Catalog,
  subscription: Subscription,
  target: TargetState,
  at: Instant,
): PricedNow {
  const { currency } = subscription;
  const period = periodAt(at, target.interval, 0);
  const fraction = remainingFraction(period, at, catalog.policies.prorationGranularity);
  const chargeContext: LineContext = { currency, at, period, fraction };
  const lines: QuoteLine[] = [];
  const fullPeriod = (type: LineItem['type'], id: string, quantity: number): SubscriptionItem => {
    const price = wantedPrice(catalog, subscription, type, id, target);
    const line = chargeLine(
      chargeContext,
      'charge_full_period',
      { type, id, priceId: price.id },
      price.unitAmount,
      quantity,
    );
    lines.push(line);
    return item(price.id, price.unitAmount, quantity, line.amount.amount, 0);
  };
  const plan = planItem(target.planId, fullPeriod('plan', target.planId, target.quantity));
  const addOns = target.addOns.map((held) =>
    addOnItem(held.addOnId, fullPeriod('add_on', held.addOnId, held.quantity)),
  );
  return { lines, schedule: { interval: target.interval, anchor: at, periodIndex: 0 }, plan, addOns };
}
