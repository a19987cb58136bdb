import { describe, expect, it } from 'vitest';
import { at, BILLING_ADMIN, subscriptionOn } from '../fixtures/build';
import { multisite, zoom } from '../fixtures/seed-catalogs';
import { ANNUAL, MONTHLY } from '../periods/billing-interval';
import { changeBlockers } from './change-blockers';
import { changeOptions } from './change-options';
import { validateRequest } from './validate-request';

const now = at('2026-02-15T00:00:00Z');
const anchor = at('2026-02-01T00:00:00Z');

describe('who may change (product.md §2 eligibility)', () => {
  const subscription = subscriptionOn(zoom, { plan: { id: 'pro', quantity: 3 }, anchor, now });

  it('allows an active subscription with billing permission', () => {
    expect(changeBlockers(zoom, subscription, BILLING_ADMIN)).toEqual([]);
  });

  it('gives every reason a change is blocked', () => {
    const blocked = { ...subscription, unpaidInvoices: 2, status: 'paused' as const };
    expect(changeBlockers(zoom, blocked, { canManageBilling: false })).toEqual([
      { reason: 'no_billing_permission' },
      { reason: 'unpaid_invoice', count: 2 },
      { reason: 'subscription_not_active', status: 'paused' },
    ]);
  });

  it('blocks a plan that is not changeable by self-service', () => {
    const locked = { ...zoom, plans: zoom.plans.map((p) => ({ ...p, selfServiceChangeable: p.id !== 'pro' })) };
    expect(changeBlockers(locked, subscription, BILLING_ADMIN)).toEqual([
      { reason: 'plan_not_changeable', planId: 'pro' },
    ]);
  });
});

describe('plan groups (Ultimate Multisite: Free may see Premium but not Basic)', () => {
  const subscription = subscriptionOn(multisite, { plan: { id: 'free', quantity: 1 }, anchor, now, currency: 'EUR' });
  const options = changeOptions(multisite, subscription, BILLING_ADMIN);

  it('offers plans of the current group and explains the others', () => {
    const byId = Object.fromEntries(options.plans.map((p) => [p.planId, p]));
    expect(byId.free).toMatchObject({ current: true, availability: { ok: true } });
    expect(byId.premium?.availability).toEqual({ ok: true });
    expect(byId.basic?.availability).toEqual({
      ok: false,
      reason: 'not_in_plan_group',
      planId: 'basic',
      group: 'high-end',
    });
  });

  it('refuses a request for a plan outside the group, naming the field', () => {
    const problems = validateRequest(multisite, subscription, {
      planId: 'basic',
      interval: MONTHLY,
      quantity: 1,
      addOns: [],
    });
    expect(problems).toEqual([{ reason: 'not_in_plan_group', planId: 'basic', group: 'high-end', field: 'planId' }]);
  });

  it('offers packages without a plan change', () => {
    expect(options.addOns.map((a) => [a.addOnId, a.availability.ok])).toEqual([
      ['unlimited-visits', true],
      ['disk-pack', true],
    ]);
  });
});

describe('Zoom: Business needs 10 licences, Enterprise is sold by sales, add-ons in one cycle', () => {
  const subscription = subscriptionOn(zoom, {
    plan: { id: 'pro', quantity: 5 },
    addOns: [{ id: 'webinar-500', quantity: 1 }],
    anchor,
    now,
  });

  it('enforces the minimum of the total licences entered', () => {
    const problems = validateRequest(zoom, subscription, {
      planId: 'business',
      interval: MONTHLY,
      quantity: 5,
      addOns: [{ addOnId: 'webinar-500', quantity: 1 }],
    });
    expect(problems).toEqual([{ reason: 'below_min_quantity', min: 10, requested: 5, field: 'quantity' }]);
  });

  it('counts seats and units in whole numbers', () => {
    const problems = validateRequest(zoom, subscription, {
      planId: 'business',
      interval: MONTHLY,
      quantity: 10.5,
      addOns: [{ addOnId: 'webinar-500', quantity: 1 + Number.EPSILON }],
    });
    expect(problems).toEqual([
      { reason: 'quantity_not_integer', requested: 10.5, field: 'quantity' },
      { reason: 'quantity_not_integer', requested: 1 + Number.EPSILON, field: 'addOns.0.quantity' },
    ]);
  });

  it('sends Enterprise to sales', () => {
    const options = changeOptions(zoom, subscription, BILLING_ADMIN);
    const enterprise = options.plans.find((p) => p.planId === 'enterprise');
    expect(enterprise).toMatchObject({ salesOnly: true, availability: { ok: false, reason: 'sales_only' } });
  });

  it('refuses the same add-on in a second billing cycle', () => {
    const problems = validateRequest(zoom, subscription, {
      planId: 'pro',
      interval: MONTHLY,
      quantity: 5,
      addOns: [{ addOnId: 'webinar-500', quantity: 1, interval: ANNUAL }],
    });
    expect(problems).toEqual([
      {
        reason: 'addon_other_interval_held',
        addOnId: 'webinar-500',
        heldInterval: MONTHLY,
        field: 'addOns.0.interval',
      },
    ]);
  });

  it('refuses an add-on incompatible with the plan, an unknown one, and duplicates', () => {
    const picky = {
      ...zoom,
      addOns: zoom.addOns.map((a) => (a.id === 'large-meeting' ? { ...a, compatiblePlanIds: ['business'] } : a)),
    };
    const problems = validateRequest(picky, subscription, {
      planId: 'pro',
      interval: MONTHLY,
      quantity: 5,
      addOns: [
        { addOnId: 'large-meeting', quantity: 1 },
        { addOnId: 'nope', quantity: 1 },
        { addOnId: 'webinar-500', quantity: 1 },
        { addOnId: 'webinar-500', quantity: 2 },
      ],
    });
    expect(problems.map((p) => [p.reason, p.field])).toEqual([
      ['addon_incompatible', 'addOns.0.addOnId'],
      ['unknown_addon', 'addOns.1.addOnId'],
      ['addon_duplicate', 'addOns.3.addOnId'],
    ]);
  });

  it('prices each interval for the seats chosen and shows the annual saving', () => {
    const options = changeOptions(zoom, subscription, BILLING_ADMIN, { planId: 'pro', interval: MONTHLY, quantity: 5 });
    const annual = options.intervals.find((i) => i.interval.unit === 'year');
    expect(annual?.price).toEqual({ amount: 74_950, currency: 'USD' });
    expect(annual?.savingVersusMonthly).toEqual({ amount: 1499 * 5 * 12 - 74_950, currency: 'USD' });
  });

  it('refuses a quantity on a flat plan and above the maximum', () => {
    const flat = { ...zoom, plans: zoom.plans.map((p) => (p.id === 'pro' ? { ...p, pricing: 'flat' as const } : p)) };
    const flatSubscription = subscriptionOn(flat, { plan: { id: 'pro', quantity: 1 }, anchor, now });
    expect(
      validateRequest(flat, flatSubscription, { planId: 'pro', interval: MONTHLY, quantity: 3, addOns: [] }),
    ).toEqual([{ reason: 'quantity_not_adjustable', quantity: 1, requested: 3, field: 'quantity' }]);
    expect(validateRequest(zoom, subscription, { planId: 'pro', interval: MONTHLY, quantity: 10, addOns: [] })).toEqual(
      [{ reason: 'above_max_quantity', max: 9, requested: 10, field: 'quantity' }],
    );
  });
});
