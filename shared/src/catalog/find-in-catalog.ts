import type { CurrencyCode } from '../money/currencies';
import { type BillingInterval, sameInterval } from '../periods/billing-interval';
import type { AddOn, Catalog, Plan, Price } from './catalog';

/** The plan with this id, if the catalog has it. */
export function findPlan(catalog: Catalog, planId: string): Plan | undefined {
  return catalog.plans.find((plan) => plan.id === planId);
}

/** The add-on with this id, if the catalog has it. */
export function findAddOn(catalog: Catalog, addOnId: string): AddOn | undefined {
  return catalog.addOns.find((addOn) => addOn.id === addOnId);
}

/** The price of a plan or add-on for an interval and currency, if it is sold so. */
export function findPrice(product: Plan | AddOn, interval: BillingInterval, currency: CurrencyCode): Price | undefined {
  return product.prices.find((price) => price.currency === currency && sameInterval(price.interval, interval));
}

/** Whether an add-on can be bought with a plan. */
export function isAddOnCompatible(addOn: AddOn, planId: string): boolean {
  return addOn.compatiblePlanIds === 'all' || addOn.compatiblePlanIds.includes(planId);
}
