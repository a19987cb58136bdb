import type { CurrencyCode } from '../money/currencies';
import type { BillingInterval } from '../periods/billing-interval';
import type { Granularity } from '../periods/remaining-fraction';
import type { LocalNames } from './local-names';

/** What one unit of a plan or add-on costs per billing interval in one currency. */
export type Price = Readonly<{
  id: string;
  interval: BillingInterval;
  currency: CurrencyCode;
  /** Minor units per unit (seat, licence, package) per interval. */
  unitAmount: number;
}>;

/** A limit's value: a number, or null for unlimited. */
export type LimitValue = number | null;

export type QuantityRange = Readonly<{ min: number; max: number }>;

export type Plan = Readonly<{
  id: string;
  /** The English name, and the fallback for a language `names` leaves out. */
  name: string;
  names?: LocalNames;
  /** The plan group (family): a customer on a grouped plan may only move within it. */
  group: string | null;
  /** Order within the group; breaks ties between plans of equal price (higher = upgrade). */
  rank: number;
  /** Per seat (price × seats) or flat (quantity is always 1). */
  pricing: 'per_seat' | 'flat';
  quantity: QuantityRange;
  prices: readonly Price[];
  /** Sold only through sales: shown as "Contact sales", never self-service. */
  salesOnly: boolean;
  /** Whether customers on this plan may change it themselves. */
  selfServiceChangeable: boolean;
  limits: Readonly<Record<string, LimitValue>>;
  features: readonly string[];
  /** A person must finish provisioning before the plan is fully active. */
  needsManualProvisioning: boolean;
}>;

export type AddOn = Readonly<{
  id: string;
  /** The English name, and the fallback for a language `names` leaves out. */
  name: string;
  names?: LocalNames;
  /** The plans the add-on can be bought with, or every plan. */
  compatiblePlanIds: readonly string[] | 'all';
  /** A range with max 1 means the add-on is bought once, without a quantity. */
  quantity: QuantityRange;
  /** One price per interval and currency it is sold in. */
  prices: readonly Price[];
  /** Limits the add-on raises to at least this value, whatever the quantity. */
  limits: Readonly<Record<string, LimitValue>>;
  /** Limits the add-on increases by this much per unit bought. */
  limitIncrements: Readonly<Record<string, number>>;
  features: readonly string[];
  needsManualProvisioning: boolean;
}>;

/** When a kind of change takes effect. */
export type ChangeTiming = 'immediate' | 'period_end';

/** The catalog's rules for changes (product.md §2); defaults in DEFAULT_POLICIES. */
export type CatalogPolicies = Readonly<{
  /** Upgrades and increases of seats or add-ons. */
  upgradeTiming: ChangeTiming;
  /** Downgrades, and every reduction: fewer seats, add-ons removed or reduced. */
  downgradeTiming: ChangeTiming;
  /** Moving to a shorter interval (annual → monthly). A longer one always applies now. */
  annualToMonthlyTiming: ChangeTiming;
  prorationGranularity: Granularity;
  /**
   * What happens to credit left over after paying the change's charges: kept as account
   * credit for future invoices, or not given (no refund and no credit). Never cash.
   */
  creditBehaviour: 'account_credit' | 'none';
}>;

export const DEFAULT_POLICIES: CatalogPolicies = {
  upgradeTiming: 'immediate',
  downgradeTiming: 'period_end',
  annualToMonthlyTiming: 'period_end',
  prorationGranularity: 'second',
  creditBehaviour: 'account_credit',
};

export type Catalog = Readonly<{
  /** Changes whenever a price or rule changes, so a quote can tell it is stale. */
  version: string;
  plans: readonly Plan[];
  addOns: readonly AddOn[];
  policies: CatalogPolicies;
}>;
