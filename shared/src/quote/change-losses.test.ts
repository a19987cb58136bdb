import { describe, expect, it } from 'vitest';
import type { Catalog } from '../catalog/catalog';
import type { ChangeRequest } from '../eligibility/validate-request';
import { addOn, at, catalog, plan, prices, subscriptionOn } from '../fixtures/build';
import { quoteFor } from '../fixtures/quote-for';
import type { Subscription } from '../subscription/subscription';
import { entitlementLosses, losesNothing, quoteLosses } from './change-losses';

const crm: Catalog = catalog({
  plans: [
    plan({
      id: 'essential',
      group: 'crm',
      rank: 1,
      prices: prices('essential', 'USD', { monthly: 1400 }),
      limits: { open_deals: 3000, custom_fields: 30 },
      features: ['deal_pipeline', 'mobile_app'],
    }),
    plan({
      id: 'professional',
      group: 'crm',
      rank: 3,
      prices: prices('professional', 'USD', { monthly: 5900 }),
      limits: { open_deals: 100000, custom_fields: null },
      features: ['deal_pipeline', 'mobile_app', 'revenue_forecasts', 'e_signatures'],
    }),
  ],
  addOns: [
    addOn({
      id: 'campaigns',
      compatiblePlanIds: ['professional'],
      quantity: { min: 1, max: 50 },
      prices: prices('campaigns', 'USD', { monthly: 1600 }),
      limitIncrements: { campaign_contacts: 1000 },
      features: ['email_campaigns'],
    }),
    addOn({ id: 'leadbooster', prices: prices('leadbooster', 'USD', { monthly: 3250 }), features: ['chatbot'] }),
  ],
});

const anchor = at('2026-11-01T00:00:00Z');
const now = at('2026-11-15T00:00:00Z');
const ben = subscriptionOn(crm, {
  plan: { id: 'professional', quantity: 3 },
  addOns: [
    { id: 'campaigns', quantity: 2 },
    { id: 'leadbooster', quantity: 1 },
  ],
  anchor,
  now,
});

const quote = (subscription: Subscription, request: Partial<ChangeRequest>) =>
  quoteFor(crm, subscription, request, now);

describe('what a downgrade takes away, before confirming', () => {
  it('lists at the period end the limits lowered, the features and the add-ons removed', () => {
    const downgrade = quote(ben, { planId: 'essential', addOns: [{ addOnId: 'leadbooster', quantity: 1 }] });
    const losses = quoteLosses(crm, ben, downgrade);
    expect(losesNothing(losses.now)).toBe(true);
    expect(losses.scheduled?.effectiveAt).toBe(at('2026-12-01T00:00:00Z'));
    expect(losses.scheduled?.losses).toEqual({
      limits: [
        { id: 'open_deals', from: 100000, to: 3000 },
        { id: 'custom_fields', from: null, to: 30 },
        { id: 'campaign_contacts', from: 2000, to: 'removed' },
      ],
      features: ['e_signatures', 'email_campaigns', 'revenue_forecasts'],
      addOns: [{ addOnId: 'campaigns', from: 2, to: 0 }],
    });
  });

  it('lists fewer units of an add-on, and the limit they gave', () => {
    const fewer = quote(ben, {
      addOns: [
        { addOnId: 'campaigns', quantity: 1 },
        { addOnId: 'leadbooster', quantity: 1 },
      ],
    });
    expect(quoteLosses(crm, ben, fewer).scheduled?.losses).toEqual({
      limits: [{ id: 'campaign_contacts', from: 2000, to: 1000 }],
      features: [],
      addOns: [{ addOnId: 'campaigns', from: 2, to: 1 }],
    });
  });

  it('takes nothing away from an upgrade or an add-on bought', () => {
    const essential = subscriptionOn(crm, { plan: { id: 'essential', quantity: 3 }, anchor, now });
    const upgrade = quote(essential, { planId: 'professional' });
    const losses = quoteLosses(crm, essential, upgrade);
    expect(losesNothing(losses.now)).toBe(true);
    expect(losses.scheduled).toBeNull();
  });

  it('counts unlimited above every number, and a limit of zero as nothing to lose', () => {
    expect(
      entitlementLosses(
        { limits: { a: 5, b: 0, c: 10 }, features: ['x'] },
        { limits: { a: null, c: 10 }, features: ['x', 'y'] },
      ),
    ).toEqual({ limits: [], features: [] });
  });
});
