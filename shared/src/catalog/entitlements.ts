import type { Catalog, LimitValue } from './catalog';
import { findAddOn, findPlan } from './find-in-catalog';

/** What a subscription may use: its limits (null = unlimited) and features. */
export type Entitlements = Readonly<{
  limits: Readonly<Record<string, LimitValue>>;
  features: readonly string[];
}>;

function atLeast(current: LimitValue | undefined, value: LimitValue): LimitValue {
  if (current === null || value === null) return null;
  return current === undefined ? value : Math.max(current, value);
}

/**
 * The limits and features of a plan with add-ons: an add-on raises a limit to at least its
 * value and adds its increments per unit; unlimited wins.
 */
export function entitlementsFor(
  catalog: Catalog,
  planId: string,
  addOns: readonly Readonly<{ addOnId: string; quantity: number }>[],
): Entitlements {
  const plan = findPlan(catalog, planId);
  const limits: Record<string, LimitValue> = { ...plan?.limits };
  const features = new Set(plan?.features);
  for (const held of addOns) {
    const addOn = findAddOn(catalog, held.addOnId);
    if (!addOn) continue;
    for (const [key, value] of Object.entries(addOn.limits)) limits[key] = atLeast(limits[key], value);
    for (const [key, step] of Object.entries(addOn.limitIncrements)) {
      const base = limits[key];
      if (base !== null) limits[key] = (base ?? 0) + step * held.quantity;
    }
    for (const feature of addOn.features) features.add(feature);
  }
  return { limits, features: [...features].sort() };
}

/** Whether two sets of entitlements give the same limits and features (order aside). */
export function sameEntitlements(a: Entitlements, b: Entitlements): boolean {
  const limits = Object.keys(a.limits);
  return (
    limits.length === Object.keys(b.limits).length &&
    limits.every((id) => id in b.limits && a.limits[id] === b.limits[id]) &&
    a.features.length === b.features.length &&
    a.features.every((feature) => b.features.includes(feature))
  );
}
