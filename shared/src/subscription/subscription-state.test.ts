import { describe, expect, it } from 'vitest';
import { addOn, at, catalog, plan, prices, subscriptionOn } from '../fixtures/build';
import { pricePerCycle, pricePerCycleParts } from './subscription-state';

const crm = catalog({
  plans: [plan({ id: 'professional', prices: prices('professional', 'USD', { monthly: 5900 }) })],
  addOns: [
    addOn({ id: 'campaigns', quantity: { min: 1, max: 50 }, prices: prices('campaigns', 'USD', { monthly: 1600 }) }),
  ],
});
const anchor = at('2026-11-01T00:00:00Z');
const now = at('2026-11-15T00:00:00Z');

describe('the price per cycle, explained (the account page)', () => {
  it('is the plan’s seats × unit price and each add-on’s quantity × unit price', () => {
    const ben = subscriptionOn(crm, {
      plan: { id: 'professional', quantity: 3 },
      addOns: [{ id: 'campaigns', quantity: 2 }],
      anchor,
      now,
    });
    expect(pricePerCycleParts(ben)).toEqual([
      { item: { type: 'plan', id: 'professional' }, unitAmount: 5900, quantity: 3, amount: 17700 },
      { item: { type: 'add_on', id: 'campaigns' }, unitAmount: 1600, quantity: 2, amount: 3200 },
    ]);
    expect(pricePerCycle(ben)).toBe(20900);
  });
});
