import type { Catalog } from '../catalog/catalog';
import { classifyPlanChange } from '../catalog/classify-plan-change';
import { findPlan, findPrice } from '../catalog/find-in-catalog';
import { type BillingInterval, sameInterval } from '../periods/billing-interval';
import type { Subscription } from '../subscription/subscription';

type PlanChoice = Readonly<{ planId: string; quantity: number; interval: BillingInterval }>;

/** What one unit of a plan costs the customer: the held item's billed price, else the catalog's. */
export function planUnitAmount(catalog: Catalog, subscription: Subscription, choice: PlanChoice): number {
  if (choice.planId === subscription.plan.planId && sameInterval(choice.interval, subscription.interval)) {
    return subscription.plan.unitAmount;
  }
  const plan = findPlan(catalog, choice.planId);
  return (plan && findPrice(plan, choice.interval, subscription.currency)?.unitAmount) ?? 0;
}

/** Whether moving between two plan choices is an upgrade or a downgrade (product.md §2). */
export function planChangeDirection(
  catalog: Catalog,
  subscription: Subscription,
  from: PlanChoice,
  to: PlanChoice,
): 'upgrade' | 'downgrade' {
  const rank = (planId: string) => findPlan(catalog, planId)?.rank ?? 0;
  return classifyPlanChange(
    {
      unitAmount: planUnitAmount(catalog, subscription, from),
      quantity: from.quantity,
      interval: from.interval,
      rank: rank(from.planId),
    },
    {
      unitAmount: planUnitAmount(catalog, subscription, to),
      quantity: to.quantity,
      interval: to.interval,
      rank: rank(to.planId),
    },
  );
}
