import { DEFAULT_POLICIES } from '@planshift/shared/catalog';
import type { CurrencyCode } from '@planshift/shared/money';
import type { ScenarioInput } from '../scenarios/scenario-schema';

type CatalogInput = ScenarioInput['catalogs'][number];
type AccountInput = ScenarioInput['accounts'][number];
type PlanInput = CatalogInput['catalog']['plans'][number];

const MONTHLY = { unit: 'month', count: 1 } as const;

/** A per-seat monthly plan in group `team`, priced in the currencies given (minor units). */
export function teamPlan(id: string, rank: number, amounts: Partial<Record<CurrencyCode, number>>): PlanInput {
  return {
    id,
    name: id,
    group: 'team',
    rank,
    pricing: 'per_seat',
    quantity: { min: 1, max: 100_000 },
    prices: Object.entries(amounts).map(([currency, unitAmount]) => ({
      id: `${id}-${currency.toLowerCase()}-m`,
      interval: MONTHLY,
      currency: currency as CurrencyCode,
      unitAmount,
    })),
    salesOnly: false,
    selfServiceChangeable: true,
    limits: {},
    features: [],
    needsManualProvisioning: false,
  };
}

export function teamCatalog(id: string, plans: PlanInput[]): CatalogInput {
  return { id, name: id, catalog: { version: '1', plans, addOns: [], policies: DEFAULT_POLICIES } };
}

/** An account with one owner (password planshift-demo) on `planId`, monthly from 1 June 2026, paying by a good card. */
export function teamAccount(
  id: string,
  catalogId: string,
  planId: string,
  currency: CurrencyCode = 'USD',
): AccountInput {
  return {
    id,
    name: id,
    catalogId,
    currency,
    locale: 'en',
    billingEmail: `billing@${id}.example`,
    billingAddress: { line1: '1 Main Street', city: 'London', postalCode: 'E1 6AN', country: 'GB' },
    card: { number: '4242424242424242', expMonth: 12, expYear: 2030 },
    users: [
      {
        id: `u-${id}`,
        email: `owner@${id}.example`,
        name: `Owner of ${id}`,
        role: 'owner',
        password: 'planshift-demo',
      },
    ],
    subscription: { id: `sub-${id}`, planId, quantity: 5, interval: MONTHLY, anchor: '2026-06-01T00:00:00Z' },
  };
}
