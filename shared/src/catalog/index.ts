export {
  type AddOn,
  type Catalog,
  type CatalogPolicies,
  type ChangeTiming,
  DEFAULT_POLICIES,
  type LimitValue,
  type Plan,
  type Price,
  type QuantityRange,
} from './catalog';
export {
  addOnSchema,
  catalogIdSchema,
  catalogPoliciesSchema,
  catalogSchema,
  entitlementsSchema,
  planSchema,
  priceSchema,
} from './catalog-schema';
export { classifyPlanChange, type PricedPlanItem } from './classify-plan-change';
export { type Entitlements, entitlementsFor, sameEntitlements } from './entitlements';
export { findAddOn, findPlan, findPrice, isAddOnCompatible, itemNames } from './find-in-catalog';
export {
  compareLimit,
  type LimitComparison,
  type PlanDifference,
  type PlanDifferences,
  type PlanLimit,
  planDifferences,
} from './plan-differences';
