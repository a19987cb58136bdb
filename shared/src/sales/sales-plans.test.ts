import { describe, expect, it } from 'vitest';
import { catalog, plan, prices } from '../fixtures/build';
import { multisite, zoom } from '../fixtures/seed-catalogs';
import { salesPlanAvailability, salesPlans, suggestedSeats } from './sales-plans';

const enterpriseOnly = catalog({
  plans: [
    plan({
      id: 'enterprise',
      group: 'meetings',
      salesOnly: true,
      selfServiceChangeable: false,
      quantity: { min: 50, max: 10000 },
      prices: prices('enterprise', 'USD', { annual: 24000 }),
    }),
    plan({ id: 'pro', group: 'meetings', prices: prices('pro', 'USD', { monthly: 1499 }) }),
    plan({ id: 'other', group: 'webinars', salesOnly: true, prices: prices('other', 'USD', { monthly: 1 }) }),
  ],
});

describe('salesPlanAvailability', () => {
  it('lets a customer ask about a plan sold only through sales, in the current plan’s group', () => {
    expect(salesPlanAvailability(zoom, 'pro', 'enterprise')).toEqual({ ok: true });
  });

  it('lets a customer whose plan only sales can change ask about that plan', () => {
    expect(salesPlanAvailability(enterpriseOnly, 'enterprise', 'enterprise')).toEqual({ ok: true });
  });

  it('refuses plans the customer chooses in the portal, unknown plans and other groups', () => {
    expect(salesPlanAvailability(zoom, 'pro', 'business')).toEqual({
      ok: false,
      reason: 'plan_self_service',
      planId: 'business',
    });
    expect(salesPlanAvailability(zoom, 'pro', 'pro')).toEqual({
      ok: false,
      reason: 'plan_self_service',
      planId: 'pro',
    });
    expect(salesPlanAvailability(zoom, 'pro', 'galactic')).toEqual({
      ok: false,
      reason: 'unknown_plan',
      planId: 'galactic',
    });
    expect(salesPlanAvailability(enterpriseOnly, 'pro', 'other')).toEqual({
      ok: false,
      reason: 'not_in_plan_group',
      planId: 'other',
      group: 'meetings',
    });
  });
});

describe('salesPlans', () => {
  it('lists what an account can ask sales about, its own plan marked', () => {
    expect(salesPlans(zoom, 'business')).toEqual([
      { id: 'enterprise', name: 'enterprise', quantity: { min: 50, max: 10000 }, current: false },
    ]);
    expect(salesPlans(enterpriseOnly, 'enterprise')).toEqual([
      { id: 'enterprise', name: 'enterprise', quantity: { min: 50, max: 10000 }, current: true },
    ]);
  });

  it('is empty where every plan is self-service', () => {
    expect(salesPlans(multisite, 'free')).toEqual([]);
  });
});

describe('suggestedSeats', () => {
  it('starts from the seats held, within the plan’s range', () => {
    expect(suggestedSeats({ min: 50, max: 10000 }, 10)).toBe(50);
    expect(suggestedSeats({ min: 50, max: 10000 }, 120)).toBe(120);
    expect(suggestedSeats({ min: 1, max: 9 }, 12)).toBe(9);
  });
});
