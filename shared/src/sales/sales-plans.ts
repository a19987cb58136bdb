import type { Catalog, QuantityRange } from '../catalog/catalog';
import { findPlan } from '../catalog/find-in-catalog';
import type { LocalNames } from '../catalog/local-names';
import { AVAILABLE, type Availability, unavailable } from '../eligibility/reasons';

/** A plan the account can ask sales about (with its names per language), and whether it is the plan it has. */
export type SalesPlan = Readonly<{
  id: string;
  name: string;
  names?: LocalNames;
  quantity: QuantityRange;
  current: boolean;
}>;

/** Why a plan is not one to ask sales about. */
export type SalesPlanUnavailable =
  | Readonly<{ reason: 'unknown_plan'; planId: string }>
  | Readonly<{ reason: 'not_in_plan_group'; planId: string; group: string }>
  | Readonly<{ reason: 'plan_self_service'; planId: string }>;

/**
 * Whether the account asks sales for a plan: one sold only through sales, within the current
 * plan's group as every choice is; or its own plan when only sales can change it. A plan the
 * customer can choose in the portal needs no salesperson.
 */
export function salesPlanAvailability(
  catalog: Catalog,
  currentPlanId: string,
  planId: string,
): Availability<SalesPlanUnavailable> {
  const plan = findPlan(catalog, planId);
  if (!plan) return unavailable({ reason: 'unknown_plan', planId });
  const current = findPlan(catalog, currentPlanId);
  if (plan.id === currentPlanId) {
    return plan.selfServiceChangeable ? unavailable({ reason: 'plan_self_service', planId }) : AVAILABLE;
  }
  if (current?.group != null && plan.group !== current.group) {
    return unavailable({ reason: 'not_in_plan_group', planId, group: current.group });
  }
  return plan.salesOnly ? AVAILABLE : unavailable({ reason: 'plan_self_service', planId });
}

/** The plans the account can ask sales about, in catalog order. */
export function salesPlans(catalog: Catalog, currentPlanId: string): SalesPlan[] {
  return catalog.plans
    .filter((plan) => salesPlanAvailability(catalog, currentPlanId, plan.id).ok)
    .map((plan) => ({
      id: plan.id,
      name: plan.name,
      ...(plan.names && { names: plan.names }),
      quantity: plan.quantity,
      current: plan.id === currentPlanId,
    }));
}

/** The seats a request starts from: what the account has now, brought within the plan's range. */
export function suggestedSeats(range: QuantityRange, currentQuantity: number): number {
  return Math.min(range.max, Math.max(range.min, currentQuantity));
}
