import { describe, expect, it } from 'vitest';
import { applyQuote } from '../apply/apply-quote';
import type { Catalog } from '../catalog/catalog';
import type { ChangeRequest } from '../eligibility/validate-request';
import { at, BILLING_ADMIN, catalog, plan, prices, subscriptionOn } from '../fixtures/build';
import { quoteFor } from '../fixtures/quote-for';
import { kajoom, multisite, pipedrive, zoom } from '../fixtures/seed-catalogs';
import { ANNUAL, MONTHLY } from '../periods/billing-interval';
import { instantToIso } from '../periods/instant';
import type { Subscription } from '../subscription/subscription';
import type { Quote } from './quote';
import { quoteChange } from './quote-change';

const anchor = at('2026-02-01T00:00:00Z'); // February 2026: 28 days
const halfway = at('2026-02-15T00:00:00Z');

const quote = (cat: Catalog, subscription: Subscription, request: Partial<ChangeRequest>, now = halfway): Quote =>
  quoteFor(cat, subscription, request, now);

const amounts = (q: Quote) => q.lines.map((line) => [line.kind, line.item.id, line.amount.amount]);

describe('Pipedrive: an upgrade halfway through the cycle', () => {
  const advanced = subscriptionOn(pipedrive, { plan: { id: 'advanced', quantity: 1 }, anchor, now: halfway });
  const q = quote(pipedrive, advanced, { planId: 'professional' });

  it('credits the 2 remaining weeks of the old plan and charges 2 weeks of the new one', () => {
    expect(amounts(q)).toEqual([
      ['credit_unused_time', 'advanced', -1450],
      ['charge_remaining_time', 'professional', 2950],
    ]);
    expect(q.lines[0]?.fraction).toEqual({ numerator: 14 * 86_400, denominator: 28 * 86_400, unit: 'second' });
    expect(q.dueNow.amount).toBe(1500);
    expect(q.appliedNow).toEqual([
      {
        kind: 'plan_change',
        direction: 'upgrade',
        fromPlanId: 'advanced',
        toPlanId: 'professional',
        fromQuantity: 1,
        toQuantity: 1,
      },
    ]);
  });

  it('issues a credit note applied in full to the invoice for the new plan', () => {
    expect(q.documents.creditNote).toMatchObject({
      total: { amount: 1450 },
      appliedToInvoice: { amount: 1450 },
      addedToCreditBalance: { amount: 0 },
    });
    expect(q.documents.invoice).toMatchObject({
      total: { amount: 2950 },
      creditNoteApplied: { amount: 1450 },
      creditBalanceApplied: { amount: 0 },
      amountDue: { amount: 1500 },
    });
  });

  it('keeps the billing date and bills the new plan in full next', () => {
    expect(instantToIso(q.nextBill.date)).toBe('2026-03-01T00:00:00Z');
    expect(q.nextBill.total.amount).toBe(5900);
    expect(q.nextBill.lines.map((l) => [l.kind, l.item.id, l.amount.amount])).toEqual([
      ['renewal', 'professional', 5900],
    ]);
  });

  it('pays with existing account credit before the card, and keeps what is left', () => {
    const withCredit = quote(pipedrive, { ...advanced, creditBalance: 5000 }, { planId: 'professional' });
    expect(withCredit.dueNowBeforeCredit.amount).toBe(1500);
    expect(withCredit.dueNow.amount).toBe(0);
    expect(withCredit.creditBalance).toMatchObject({ applied: { amount: 1500 }, after: { amount: 3500 } });
    expect(withCredit.nextBill).toMatchObject({ creditApplied: { amount: 3500 }, amountDue: { amount: 2400 } });
  });
});

describe('Pipedrive: a downgrade waits for the next cycle, shown as a pending change', () => {
  const professional = subscriptionOn(pipedrive, { plan: { id: 'professional', quantity: 1 }, anchor, now: halfway });
  const q = quote(pipedrive, professional, { planId: 'advanced' });

  it('charges nothing now and schedules the downgrade for the period end', () => {
    expect(q.lines).toEqual([]);
    expect(q.dueNow.amount).toBe(0);
    expect(q.noChange).toBeNull();
    expect(q.scheduled).toMatchObject({
      effectiveAt: at('2026-03-01T00:00:00Z'),
      changes: [{ kind: 'plan_change', direction: 'downgrade', fromPlanId: 'professional', toPlanId: 'advanced' }],
    });
    expect(q.after.plan.planId).toBe('professional');
    expect(q.nextBill.total.amount).toBe(2900);
  });

  const pending = applyQuote(professional, q);
  if (!pending.ok) throw new Error('applies');

  it('lets a later change replace the pending one', () => {
    const later = quote(pipedrive, pending.subscription, { planId: 'essential' });
    expect(later.replacesPendingChange).toMatchObject({ kind: 'change', target: { planId: 'advanced' } });
    expect(later.scheduled?.target.planId).toBe('essential');
    expect(later.nextBill.total.amount).toBe(1400);
  });

  it('treats asking for the pending change again as no change', () => {
    expect(quote(pipedrive, pending.subscription, { planId: 'advanced' }).noChange).toEqual({
      reason: 'same_as_scheduled',
    });
  });

  it('drops the pending change when the customer asks for the current plan again', () => {
    const back = quote(pipedrive, pending.subscription, {});
    expect(back.noChange).toBeNull();
    expect(back.scheduled).toBeNull();
    expect(back.after.pendingChange).toBeNull();
    expect(back.replacesPendingChange).not.toBeNull();
  });
});

describe('policies: immediate downgrades credit the account, never cash', () => {
  const immediate = { ...pipedrive, policies: { ...pipedrive.policies, downgradeTiming: 'immediate' as const } };
  const professional = subscriptionOn(immediate, { plan: { id: 'professional', quantity: 1 }, anchor, now: halfway });

  it('keeps the credit left after the charge as account credit', () => {
    const q = quote(immediate, professional, { planId: 'advanced' });
    expect(amounts(q)).toEqual([
      ['credit_unused_time', 'professional', -2950],
      ['charge_remaining_time', 'advanced', 1450],
    ]);
    expect(q.dueNow.amount).toBe(0);
    expect(q.creditBalance).toMatchObject({
      added: { amount: 1500 },
      forfeited: { amount: 0 },
      after: { amount: 1500 },
    });
    expect(q.documents.creditNote).toMatchObject({
      appliedToInvoice: { amount: 1450 },
      addedToCreditBalance: { amount: 1500 },
    });
    expect(q.documents.invoice?.amountDue.amount).toBe(0);
  });

  it('gives no credit where the catalog says no refund and no credit', () => {
    const stingy = { ...immediate, policies: { ...immediate.policies, creditBehaviour: 'none' as const } };
    const q = quote(stingy, professional, { planId: 'advanced' });
    expect(q.creditBalance).toMatchObject({ added: { amount: 0 }, forfeited: { amount: 1500 }, after: { amount: 0 } });
  });
});

describe('Zoom: licences as a total, add-ons, billing cycle', () => {
  const business = subscriptionOn(zoom, { plan: { id: 'business', quantity: 10 }, anchor, now: halfway });

  it('charges only the 2 added licences when 10 become 12', () => {
    const q = quote(zoom, business, { quantity: 12 });
    expect(amounts(q)).toEqual([['charge_remaining_time', 'business', 2199]]);
    expect(q.lines[0]?.quantity).toBe(2);
    expect(q.appliedNow).toEqual([
      { kind: 'quantity_change', direction: 'increase', planId: 'business', from: 10, to: 12 },
    ]);
    expect(q.after.plan).toMatchObject({ quantity: 12, billedInPeriod: 21_990 + 2199 });
  });

  it('removes licences at the period end with no refund, keeping them until then', () => {
    const twelve = applyQuote(business, quote(zoom, business, { quantity: 12 }));
    if (!twelve.ok) throw new Error('applies');
    const q = quote(zoom, twelve.subscription, { quantity: 10 });
    expect(q.lines).toEqual([]);
    expect(q.after.plan.quantity).toBe(12);
    expect(q.scheduled?.changes).toEqual([
      { kind: 'quantity_change', direction: 'decrease', planId: 'business', from: 12, to: 10 },
    ]);
    expect(q.nextBill.total.amount).toBe(21_990);
  });

  it('sells an add-on alone, prorated, with its limits active now', () => {
    const pro = subscriptionOn(zoom, { plan: { id: 'pro', quantity: 1 }, anchor, now: halfway });
    const q = quote(zoom, pro, { addOns: [{ addOnId: 'large-meeting', quantity: 1 }] });
    expect(amounts(q)).toEqual([['charge_remaining_time', 'large-meeting', 2500]]);
    expect(q.entitlements.fromNow.limits.participants).toBe(1000);
    expect(q.appliedNow).toEqual([
      { kind: 'add_on_change', direction: 'increase', addOnId: 'large-meeting', from: 0, to: 1 },
    ]);
  });

  it('removes an add-on at the period end', () => {
    const withAddOn = subscriptionOn(zoom, {
      plan: { id: 'pro', quantity: 1 },
      addOns: [{ id: 'large-meeting', quantity: 1 }],
      anchor,
      now: halfway,
    });
    const q = quote(zoom, withAddOn, { addOns: [] });
    expect(q.lines).toEqual([]);
    expect(q.scheduled?.changes).toEqual([
      { kind: 'add_on_change', direction: 'decrease', addOnId: 'large-meeting', from: 1, to: 0 },
    ]);
    expect(q.entitlements.afterScheduled?.limits.participants).toBe(100);
  });

  it('moves monthly → annual now: credits the unused month against the annual price, new anchor today', () => {
    const pro = subscriptionOn(zoom, { plan: { id: 'pro', quantity: 1 }, anchor, now: halfway });
    const q = quote(zoom, pro, { interval: ANNUAL });
    expect(amounts(q)).toEqual([
      ['credit_unused_time', 'pro', -750], // 14.99 × 14/28 = 7.495 → 7.50
      ['charge_full_period', 'pro', 14_990],
    ]);
    expect(q.dueNow.amount).toBe(14_240);
    expect(q.after).toMatchObject({ anchor: halfway, periodIndex: 0, interval: ANNUAL });
    expect(instantToIso(q.nextBill.date)).toBe('2027-02-15T00:00:00Z');
  });

  it('moves annual → monthly at the period end by default, or now with credit by policy', () => {
    const annualAnchor = at('2025-03-31T00:00:00Z');
    const now = at('2026-01-10T00:00:00Z');
    const annual = subscriptionOn(zoom, {
      plan: { id: 'pro', quantity: 1 },
      interval: ANNUAL,
      anchor: annualAnchor,
      now,
    });
    const scheduled = quote(zoom, annual, { interval: MONTHLY }, now);
    expect(scheduled.lines).toEqual([]);
    expect(instantToIso(scheduled.scheduled?.effectiveAt ?? 0)).toBe('2026-03-31T00:00:00Z');
    expect(scheduled.nextBill.period).toEqual({ start: at('2026-03-31T00:00:00Z'), end: at('2026-04-30T00:00:00Z') });
    expect(scheduled.nextBill.total.amount).toBe(1499);

    const eager = { ...zoom, policies: { ...zoom.policies, annualToMonthlyTiming: 'immediate' as const } };
    const now2 = quote(eager, annual, { interval: MONTHLY }, now);
    expect(now2.lines.map((l) => l.kind)).toEqual(['credit_unused_time', 'charge_full_period']);
    expect(now2.lines[0]?.fraction).toEqual({ numerator: 80 * 86_400, denominator: 365 * 86_400, unit: 'second' });
    expect(now2.creditBalance.after.amount).toBe(Math.round((14_990 * 80) / 365) - 1499);
  });
});

describe('Kajoom: the 150.00 CAD monthly hosting plan', () => {
  const october = at('2022-10-01T00:00:00Z');
  const now = at('2022-10-16T00:00:00Z'); // 16 of 31 days remain
  const hosting = subscriptionOn(kajoom, {
    plan: { id: 'hosting-a', quantity: 1 },
    anchor: october,
    now,
    currency: 'CAD',
  });

  it('charges only the difference for the rest of the period, and says a person will finish it', () => {
    const q = quote(kajoom, hosting, { planId: 'hosting-b' }, now);
    expect(amounts(q)).toEqual([
      ['credit_unused_time', 'hosting-a', -7742], // 150.00 × 16/31 = 77.419… → 77.42
      ['charge_remaining_time', 'hosting-b', 12_903], // 250.00 × 16/31 = 129.032… → 129.03
    ]);
    expect(q.dueNow).toEqual({ amount: 5161, currency: 'CAD' });
    expect(q.provisioning).toBe('manual');
    expect(instantToIso(q.nextBill.date)).toBe('2022-11-01T00:00:00Z');
    expect(q.nextBill.total).toEqual({ amount: 25_000, currency: 'CAD' });
  });

  it('never refunds a downgrade', () => {
    const b = subscriptionOn(kajoom, { plan: { id: 'hosting-b', quantity: 1 }, anchor: october, now, currency: 'CAD' });
    const q = quote(kajoom, b, { planId: 'hosting-a' }, now);
    expect(q.dueNow.amount).toBe(0);
    expect(q.creditBalance.added.amount).toBe(0);
    expect(q.provisioning).toBe('automatic');
  });
});

describe('Ultimate Multisite: packages and "this changes nothing"', () => {
  const free = subscriptionOn(multisite, { plan: { id: 'free', quantity: 1 }, anchor, now: halfway, currency: 'EUR' });

  it('says when the choice changes nothing', () => {
    const q = quote(multisite, free, {});
    expect(q.noChange).toEqual({ reason: 'same_as_current' });
    expect(q.lines).toEqual([]);
    expect(applyQuote(free, q)).toEqual({ ok: false, reason: 'no_change' });
  });

  it('activates package limits at once without a plan change', () => {
    const q = quote(multisite, free, {
      addOns: [
        { addOnId: 'unlimited-visits', quantity: 1 },
        { addOnId: 'disk-pack', quantity: 2 },
      ],
    });
    expect(q.entitlements.fromNow.limits).toEqual({ visits: null, disk_mb: 100 + 2 * 5000 });
    expect(amounts(q)).toEqual([
      ['charge_remaining_time', 'disk-pack', 500],
      ['charge_remaining_time', 'unlimited-visits', 450],
    ]);
  });

  it('upgrades Free → Premium with nothing to credit', () => {
    const q = quote(multisite, free, { planId: 'premium' });
    expect(amounts(q)).toEqual([
      ['credit_unused_time', 'free', 0],
      ['charge_remaining_time', 'premium', 2450],
    ]);
    expect(q.documents.creditNote).toBeNull();
    expect(q.documents.invoice?.total.amount).toBe(2450);
  });
});

describe('exact arithmetic in other currencies and granularities', () => {
  const jpy = catalog({
    plans: [
      plan({ id: 'small', group: 'g', rank: 1, prices: prices('small', 'JPY', { monthly: 999 }) }),
      plan({ id: 'large', group: 'g', rank: 2, prices: prices('large', 'JPY', { monthly: 1999 }) }),
    ],
  });
  const kwd = catalog({
    plans: [
      plan({ id: 'small', group: 'g', rank: 1, prices: prices('small', 'KWD', { monthly: 1001 }) }),
      plan({ id: 'large', group: 'g', rank: 2, prices: prices('large', 'KWD', { monthly: 3003 }) }),
    ],
  });

  it('rounds JPY half up to whole yen', () => {
    const s = subscriptionOn(jpy, { plan: { id: 'small', quantity: 1 }, anchor, now: halfway, currency: 'JPY' });
    expect(amounts(quote(jpy, s, { planId: 'large' }))).toEqual([
      ['credit_unused_time', 'small', -500], // ¥499.5
      ['charge_remaining_time', 'large', 1000], // ¥999.5
    ]);
  });

  it('rounds KWD half up to the fils (three decimals)', () => {
    const s = subscriptionOn(kwd, { plan: { id: 'small', quantity: 1 }, anchor, now: halfway, currency: 'KWD' });
    const q = quote(kwd, s, { planId: 'large' });
    expect(amounts(q)).toEqual([
      ['credit_unused_time', 'small', -501], // 0.5005 KWD
      ['charge_remaining_time', 'large', 1502], // 1.5015 KWD
    ]);
    expect(q.dueNow).toEqual({ amount: 1001, currency: 'KWD' });
  });

  it('explains a line per day: €20.00 × 3 seats × 14/30 days', () => {
    const daily = catalog({
      plans: [plan({ id: 'team', prices: prices('team', 'EUR', { monthly: 2000 }) })],
      policies: { ...pipedrive.policies, prorationGranularity: 'day' },
    });
    const aprilAnchor = at('2026-04-01T00:00:00Z');
    const now = at('2026-04-17T16:30:00Z');
    const s = subscriptionOn(daily, { plan: { id: 'team', quantity: 2 }, anchor: aprilAnchor, now, currency: 'EUR' });
    const q = quote(daily, s, { quantity: 5 }, now);
    expect(q.lines).toHaveLength(1);
    expect(q.lines[0]).toMatchObject({
      unitAmount: { amount: 2000, currency: 'EUR' },
      quantity: 3,
      fraction: { numerator: 14, denominator: 30, unit: 'day' },
      amount: { amount: 2800, currency: 'EUR' },
    });
  });
});

describe('credits are based on what was billed', () => {
  const advanced = subscriptionOn(pipedrive, { plan: { id: 'advanced', quantity: 1 }, anchor, now: halfway });

  it('credits at the price billed for the period, not a price changed since', () => {
    const repriced = {
      ...pipedrive,
      version: 'test-2',
      plans: pipedrive.plans.map((p) =>
        p.id === 'advanced' ? { ...p, prices: prices('advanced', 'USD', { monthly: 3500 }) } : p,
      ),
    };
    expect(quote(repriced, advanced, { planId: 'professional' }).lines[0]?.amount.amount).toBe(-1450);
  });

  it('never credits an item more than was billed for it in the period', () => {
    const partlyBilled = { ...advanced, plan: { ...advanced.plan, billedInPeriod: 1000 } };
    const line = quote(pipedrive, partlyBilled, { planId: 'professional' }).lines[0];
    expect(line).toMatchObject({ amount: { amount: -1000 }, capped: true });
  });
});

describe('requests that cannot be quoted get typed errors', () => {
  const advanced = subscriptionOn(pipedrive, { plan: { id: 'advanced', quantity: 1 }, anchor, now: halfway });
  const request = { planId: 'professional', interval: MONTHLY, quantity: 1, addOns: [] };

  it('reports every blocker and problem together', () => {
    const result = quoteChange({
      catalog: pipedrive,
      subscription: { ...advanced, unpaidInvoices: 1 },
      actor: { canManageBilling: false },
      request: { ...request, planId: 'platinum' },
      now: halfway,
    });
    expect(result).toEqual({
      ok: false,
      errors: [
        { reason: 'no_billing_permission', field: null },
        { reason: 'unpaid_invoice', count: 1, field: null },
        { reason: 'unknown_plan', planId: 'platinum', field: 'planId' },
      ],
    });
  });

  it('asks for the renewal first when the period has ended', () => {
    const result = quoteChange({
      catalog: pipedrive,
      subscription: advanced,
      actor: BILLING_ADMIN,
      request,
      now: at('2026-03-01T00:00:00Z'),
    });
    expect(result).toEqual({
      ok: false,
      errors: [{ reason: 'renewal_due', periodEnd: at('2026-03-01T00:00:00Z'), field: null }],
    });
  });

  it('refuses amounts beyond exact integer range instead of losing a cent', () => {
    const huge = catalog({ plans: [plan({ id: 'mega', prices: prices('mega', 'USD', { monthly: 4e15 }) })] });
    const s = subscriptionOn(huge, { plan: { id: 'mega', quantity: 1 }, anchor, now: halfway });
    const result = quoteChange({
      catalog: huge,
      subscription: s,
      actor: BILLING_ADMIN,
      request: { planId: 'mega', interval: MONTHLY, quantity: 4, addOns: [] },
      now: halfway,
    });
    expect(result).toEqual({ ok: false, errors: [{ reason: 'amount_out_of_range', field: null }] });
  });
});
