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
  localNamesSchema,
  planSchema,
  priceSchema,
} from './catalog-schema';
export { classifyPlanChange, type PricedPlanItem } from './classify-plan-change';
export { type Entitlements, entitlementsFor, sameEntitlements } from './entitlements';
export { findAddOn, findPlan, findPrice, isAddOnCompatible } from './find-in-catalog';
export { itemNames, type LocalNames, type Named, namedItems, nameIn } from './local-names';
export {
  compareLimit,
  type LimitComparison,
  type PlanDifference,
  type PlanDifferences,
  type PlanLimit,
  planDifferences,
} from './plan-differences';
