import type { OptionsView } from '@planshift/shared/api';
import { findAddOn, findPlan, isAddOnCompatible } from '@planshift/shared/catalog';
import type { ChangeRequest } from '@planshift/shared/eligibility';
import { type BillingInterval, intervalKey } from '@planshift/shared/periods';
import { byAddOnId } from '@planshift/shared/subscription';

type Catalog = OptionsView['catalog'];
type Subscription = OptionsView['subscription'];

/**
 * What the customer is choosing, as it lives in the URL (`?plan=business&cycle=P1M&seats=12&addons=campaigns:2`)
 * so that Back, Forward and reload keep it. Seats and add-on quantities stay as typed: a field
 * being edited may hold "" or "9" on its way to "90", and the engine says what is wrong with it.
 */
export type Selection = Readonly<{
  planId: string;
  interval: BillingInterval;
  seats: string;
  addOns: readonly Readonly<{ addOnId: string; quantity: string }>[];
}>;

const INTERVAL = /^P([1-9]\d{0,2})([MY])$/;

/** `P1M` → monthly, `P1Y` → annual; null for anything else. */
export function parseInterval(key: string | null): BillingInterval | null {
  const match = key ? INTERVAL.exec(key) : null;
  if (!match) return null;
  return { unit: match[2] === 'Y' ? 'year' : 'month', count: Number(match[1]) };
}

function parseAddOns(text: string): Selection['addOns'] {
  const seen = new Set<string>();
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .flatMap((part) => {
      const [addOnId = '', quantity = '1'] = part.split(':');
      if (!addOnId || seen.has(addOnId)) return [];
      seen.add(addOnId);
      return [{ addOnId, quantity }];
    });
}

/**
 * The selection in the URL; whatever it does not say is the subscription as it will be: with a
 * change scheduled, its target (so the flow opens on "nothing changes", and only a choice of
 * something else replaces the scheduled change), otherwise (a scheduled cancellation included) the
 * subscription as it is.
 */
export function readSelection(params: URLSearchParams, subscription: Subscription): Selection {
  const pending = subscription.pendingChange;
  const base =
    pending?.kind === 'change'
      ? pending.target
      : {
          planId: subscription.plan.planId,
          interval: subscription.interval,
          quantity: subscription.plan.quantity,
          addOns: subscription.addOns,
        };
  const addOns = params.get('addons');
  return {
    planId: params.get('plan') || base.planId,
    interval: parseInterval(params.get('cycle')) ?? base.interval,
    seats: params.get('seats') ?? String(base.quantity),
    addOns:
      addOns === null
        ? base.addOns.map((held) => ({ addOnId: held.addOnId, quantity: String(held.quantity) }))
        : parseAddOns(addOns),
  };
}

/** The selection as URL search parameters, every part explicit. */
export function selectionSearch(selection: Selection): string {
  const params = new URLSearchParams({
    plan: selection.planId,
    cycle: intervalKey(selection.interval),
    seats: selection.seats,
    addons: selection.addOns.map((held) => `${held.addOnId}:${held.quantity}`).join(','),
  });
  return `?${params.toString()}`;
}

/** A typed quantity as a number: whole digits only, anything else NaN (the engine names the problem). */
export function quantityOf(text: string): number {
  return /^\s*\d{1,7}\s*$/.test(text) ? Number(text) : Number.NaN;
}

export type RequestFor = Readonly<{
  request: ChangeRequest;
  /** Wanted add-ons the chosen plan cannot have: left out of the request, and said so. */
  dropped: readonly string[];
}>;

/**
 * The change request a selection makes: a flat plan has one unit, add-ons come in id order (so
 * equal choices make equal requests), and add-ons the plan cannot have are dropped, not refused.
 */
export function requestFor(selection: Selection, catalog: Catalog): RequestFor {
  const plan = findPlan(catalog, selection.planId);
  const dropped: string[] = [];
  const addOns = [...selection.addOns]
    .sort(byAddOnId)
    .filter((held) => {
      const addOn = findAddOn(catalog, held.addOnId);
      if (!addOn || !plan || isAddOnCompatible(addOn, plan.id)) return true;
      dropped.push(held.addOnId);
      return false;
    })
    .map((held) => ({ addOnId: held.addOnId, quantity: quantityOf(held.quantity) }));
  return {
    request: {
      planId: selection.planId,
      interval: selection.interval,
      quantity: plan?.pricing === 'flat' ? 1 : quantityOf(selection.seats),
      addOns,
    },
    dropped,
  };
}

/** The same request for another plan, interval or seats: the comparison's rows. */
export function withPlan(selection: Selection, planId: string, interval = selection.interval): Selection {
  return { ...selection, planId, interval };
}
