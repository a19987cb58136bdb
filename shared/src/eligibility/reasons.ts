import type { CurrencyCode } from '../money/currencies';
import type { BillingInterval } from '../periods/billing-interval';
import type { SubscriptionStatus } from '../subscription/subscription';

/** Why the customer cannot change the subscription at all. */
export type ChangeBlocker =
  | Readonly<{ reason: 'no_billing_permission' }>
  | Readonly<{ reason: 'unpaid_invoice'; count: number }>
  | Readonly<{ reason: 'subscription_not_active'; status: SubscriptionStatus }>
  | Readonly<{ reason: 'plan_not_changeable'; planId: string }>;

/** Why a plan, or a plan in an interval, cannot be chosen. */
export type PlanUnavailable =
  | Readonly<{ reason: 'unknown_plan'; planId: string }>
  | Readonly<{ reason: 'not_in_plan_group'; planId: string; group: string }>
  | Readonly<{ reason: 'sales_only'; planId: string }>
  | Readonly<{ reason: 'interval_unavailable'; planId: string; interval: BillingInterval }>
  | Readonly<{ reason: 'currency_unavailable'; planId: string; currency: CurrencyCode }>;

/** Why a quantity of seats or add-on units cannot be chosen. */
export type QuantityUnavailable =
  | Readonly<{ reason: 'quantity_not_integer'; requested: number }>
  | Readonly<{ reason: 'below_min_quantity'; min: number; requested: number }>
  | Readonly<{ reason: 'above_max_quantity'; max: number; requested: number }>
  | Readonly<{ reason: 'quantity_not_adjustable'; quantity: number; requested: number }>;

/** Why an add-on cannot be chosen with the selected plan and interval. */
export type AddOnUnavailable =
  | Readonly<{ reason: 'unknown_addon'; addOnId: string }>
  | Readonly<{ reason: 'addon_duplicate'; addOnId: string }>
  | Readonly<{ reason: 'addon_incompatible'; addOnId: string; planId: string }>
  | Readonly<{ reason: 'addon_interval_unavailable'; addOnId: string; interval: BillingInterval }>
  | Readonly<{ reason: 'addon_other_interval_held'; addOnId: string; heldInterval: BillingInterval }>
  | Readonly<{ reason: 'addon_interval_differs_from_plan'; addOnId: string; planInterval: BillingInterval }>;

export type Availability<R> = Readonly<{ ok: true }> | (Readonly<{ ok: false }> & R);

export const AVAILABLE = { ok: true } as const;

export function unavailable<R extends object>(reason: R): Readonly<{ ok: false }> & R {
  return { ok: false, ...reason };
}
