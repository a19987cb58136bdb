import { describe, expect, it } from 'vitest';
import { changeBlockers } from '../eligibility/change-blockers';
import { changeOptions } from '../eligibility/change-options';
import { at, BILLING_ADMIN, subscriptionOn } from '../fixtures/build';
import { pipedrive, zoom } from '../fixtures/seed-catalogs';
import { ANNUAL, MONTHLY } from '../periods/billing-interval';
import { quoteChange } from '../quote/quote-change';
import type { Subscription } from '../subscription/subscription';
import { currentPeriod } from '../subscription/subscription-state';
import { applyQuote } from './apply-quote';
import { endSubscription } from './end-subscription';
import { planRenewal } from './plan-renewal';
import { renewSubscription } from './renew-subscription';
import { resumeSubscription } from './resume-subscription';
import { scheduleCancellation } from './schedule-cancellation';

const anchor = at('2026-10-20T00:00:00Z');
const now = at('2026-11-15T10:00:00Z');
const periodEnd = at('2026-11-20T00:00:00Z');
const MEMBER = { canManageBilling: false } as const;

const professional = subscriptionOn(pipedrive, { plan: { id: 'professional', quantity: 3 }, anchor, now });

const professionalTarget = { planId: 'professional', interval: MONTHLY, quantity: 3, addOns: [] };

/** Professional × 3 with a downgrade to Advanced waiting for the period end (as Ben's in the demo). */
function downgraded(): Subscription {
  const applied = applyQuote(professional, quote(professional, { planId: 'advanced' }));
  if (!applied.ok) throw new Error(applied.reason);
  return applied.subscription;
}

function cancelled(subscription: Subscription = professional): Subscription {
  const result = scheduleCancellation(subscription, BILLING_ADMIN, now);
  if (!result.ok) throw new Error(result.reason);
  return result.subscription;
}

function quote(subscription: Subscription, request: Partial<Parameters<typeof quoteChange>[0]['request']>, t = now) {
  const result = quoteChange({
    catalog: pipedrive,
    subscription,
    actor: BILLING_ADMIN,
    request: { planId: 'professional', interval: MONTHLY, quantity: 3, addOns: [], ...request },
    now: t,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.quote;
}

function ended(subscription: Subscription = cancelled()): Subscription {
  const result = endSubscription(subscription, periodEnd);
  if (!result.ok) throw new Error(result.reason);
  return result.ending.subscription;
}

describe('scheduling a cancellation', () => {
  it('ends the subscription at the end of the current period, and nothing before', () => {
    const result = scheduleCancellation(professional, BILLING_ADMIN, now);
    expect(result).toEqual({
      ok: true,
      cancellation: { kind: 'cancellation', effectiveAt: periodEnd, replaced: null },
      subscription: {
        ...professional,
        pendingChange: { kind: 'cancellation', effectiveAt: periodEnd, replaced: null },
      },
    });
  });

  it('replaces a change waiting for the same period end, and remembers it', () => {
    const result = scheduleCancellation(downgraded(), BILLING_ADMIN, now);
    const replaced = { kind: 'change', effectiveAt: periodEnd, target: { ...professionalTarget, planId: 'advanced' } };
    expect(result).toMatchObject({
      ok: true,
      cancellation: { kind: 'cancellation', effectiveAt: periodEnd, replaced },
    });
    expect(result.ok && result.subscription.pendingChange).toEqual({
      kind: 'cancellation',
      effectiveAt: periodEnd,
      replaced,
    });
  });

  it('is refused without billing permission, twice, once ended, or after the period end', () => {
    expect(scheduleCancellation(professional, MEMBER, now)).toEqual({ ok: false, reason: 'no_billing_permission' });
    expect(scheduleCancellation(cancelled(), BILLING_ADMIN, now)).toEqual({
      ok: false,
      reason: 'cancellation_already_scheduled',
      effectiveAt: periodEnd,
    });
    expect(scheduleCancellation(ended(), BILLING_ADMIN, now)).toEqual({ ok: false, reason: 'already_canceled' });
    expect(scheduleCancellation({ ...professional, status: 'paused' }, BILLING_ADMIN, now)).toEqual({
      ok: false,
      reason: 'subscription_not_active',
      status: 'paused',
    });
    expect(scheduleCancellation(professional, BILLING_ADMIN, periodEnd)).toEqual({
      ok: false,
      reason: 'renewal_due',
      periodEnd,
    });
  });

  it('is allowed on a sales-only plan and while past due: leaving needs nobody’s approval', () => {
    const enterprise = subscriptionOn(zoom, {
      plan: { id: 'enterprise', quantity: 120 },
      interval: ANNUAL,
      anchor,
      now,
    });
    expect(scheduleCancellation(enterprise, BILLING_ADMIN, now).ok).toBe(true);
    const pastDue = { ...professional, status: 'past_due' as const, unpaidInvoices: 1 };
    expect(scheduleCancellation(pastDue, BILLING_ADMIN, now).ok).toBe(true);
  });

  it('leaves no next bill, and the renewal refuses to run', () => {
    expect(planRenewal(pipedrive, cancelled())).toEqual({ ok: false, reason: 'subscription_ends', endsAt: periodEnd });
    expect(renewSubscription(pipedrive, cancelled(), periodEnd)).toEqual({
      ok: false,
      reason: 'subscription_ends',
      endsAt: periodEnd,
    });
  });
});

describe('resuming', () => {
  it('withdraws the cancellation: the subscription renews as it is', () => {
    const result = resumeSubscription(cancelled(), BILLING_ADMIN, now);
    expect(result).toEqual({
      ok: true,
      subscription: professional,
      resumed: { kind: 'cancellation', effectiveAt: periodEnd, replaced: null },
      restored: null,
    });
    expect(planRenewal(pipedrive, professional).ok).toBe(true);
  });

  it('brings back the change the cancellation replaced: the state before cancelling, exactly', () => {
    const before = downgraded();
    const result = resumeSubscription(cancelled(before), BILLING_ADMIN, now);
    if (!result.ok) throw new Error(result.reason);
    expect(result.subscription).toEqual(before);
    expect(result.restored).toEqual(before.pendingChange);
    expect(result.restored).toMatchObject({ effectiveAt: periodEnd, target: { planId: 'advanced', quantity: 3 } });
    // The renewal applies the downgrade again: Advanced × 3 from the period end.
    const renewal = planRenewal(pipedrive, result.subscription);
    expect(renewal.ok && renewal.renewal.appliedChange?.target.planId).toBe('advanced');
    expect(renewal.ok && renewal.renewal.total.amount).toBe(3 * 2900);
  });

  it('leaves out a replaced change whose date has already passed: nothing could apply it', () => {
    const stale = { kind: 'change', effectiveAt: at('2026-10-20T00:00:00Z'), target: professionalTarget } as const;
    const withStale: Subscription = {
      ...professional,
      pendingChange: { kind: 'cancellation', effectiveAt: periodEnd, replaced: stale },
    };
    const result = resumeSubscription(withStale, BILLING_ADMIN, now);
    expect(result).toMatchObject({ ok: true, restored: null, subscription: { pendingChange: null } });
  });

  it('is refused without a cancellation, without permission, once the period has ended, or once ended', () => {
    expect(resumeSubscription(professional, BILLING_ADMIN, now)).toEqual({
      ok: false,
      reason: 'no_scheduled_cancellation',
    });
    expect(resumeSubscription(cancelled(), MEMBER, now)).toEqual({ ok: false, reason: 'no_billing_permission' });
    expect(resumeSubscription(cancelled(), BILLING_ADMIN, periodEnd)).toEqual({
      ok: false,
      reason: 'renewal_due',
      periodEnd,
    });
    expect(resumeSubscription(ended(), BILLING_ADMIN, periodEnd)).toEqual({ ok: false, reason: 'already_canceled' });
  });
});

describe('a change confirmed while a cancellation is scheduled', () => {
  it('replaces it, as it replaces any pending change', () => {
    const upgrade = quote(cancelled(), { quantity: 5 });
    expect(upgrade.replacesPendingChange).toEqual({ kind: 'cancellation', effectiveAt: periodEnd, replaced: null });
    expect(upgrade.after.pendingChange).toBeNull();
    expect(upgrade.nextBill.total.amount).toBe(5 * 5900);
  });

  it('asking for the subscription as it is costs nothing and resumes it', () => {
    const same = quote(cancelled(), {});
    expect(same.noChange).toBeNull();
    expect(same.lines).toEqual([]);
    const applied = applyQuote(cancelled(), same);
    expect(applied.ok && applied.subscription.pendingChange).toBeNull();
  });

  it('the subscription as it is, chosen in the change flow, keeps the replaced downgrade away: it is a new choice', () => {
    const withDowngrade = cancelled(downgraded());
    const same = quote(withDowngrade, {});
    expect(same.replacesPendingChange).toMatchObject({ kind: 'cancellation', replaced: { kind: 'change' } });
    const applied = applyQuote(withDowngrade, same);
    expect(applied.ok && applied.subscription.pendingChange).toBeNull();
  });
});

describe('the period end with a cancellation due', () => {
  it('ends the subscription: canceled, nothing billed, its credit kept', () => {
    const withCredit = cancelled({ ...professional, creditBalance: 4500 });
    expect(endSubscription(withCredit, now)).toEqual({ ok: false, reason: 'period_not_ended', endsAt: periodEnd });
    const result = endSubscription(withCredit, at('2026-12-25T00:00:00Z'));
    expect(result).toEqual({
      ok: true,
      ending: {
        endedAt: periodEnd,
        cancellation: { kind: 'cancellation', effectiveAt: periodEnd, replaced: null },
        subscription: { ...withCredit, status: 'canceled', pendingChange: null },
      },
    });
    expect(endSubscription(professional, periodEnd)).toEqual({ ok: false, reason: 'no_scheduled_cancellation' });
  });

  it('an ended subscription is never renewed, and has no next bill', () => {
    expect(planRenewal(pipedrive, ended())).toEqual({ ok: false, reason: 'subscription_canceled' });
    expect(renewSubscription(pipedrive, ended(), at('2027-01-01T00:00:00Z'))).toMatchObject({
      ok: false,
      reason: 'subscription_not_active',
    });
  });
});

describe('starting an ended subscription again', () => {
  const restartAt = at('2026-12-03T15:30:00Z');

  it('is a new period from now at full price, with no credit for the ended one', () => {
    const q = quote(ended(), { planId: 'advanced', quantity: 2 }, restartAt);
    expect(q.noChange).toBeNull();
    expect(q.appliedNow).toEqual([{ kind: 'restart', planId: 'advanced', quantity: 2, interval: MONTHLY }]);
    expect(q.lines).toHaveLength(1);
    expect(q.lines[0]).toMatchObject({
      kind: 'charge_full_period',
      item: { type: 'plan', id: 'advanced' },
      quantity: 2,
      covers: { start: restartAt, end: at('2027-01-03T15:30:00Z') },
      fraction: { numerator: 31 * 86_400, denominator: 31 * 86_400 },
      amount: { amount: 5800 },
    });
    expect(q.documents.creditNote).toBeNull();
    expect(q.dueNow.amount).toBe(5800);
    expect(q.after).toMatchObject({ status: 'active', anchor: restartAt, periodIndex: 0, pendingChange: null });
    expect(q.nextBill).toMatchObject({ date: at('2027-01-03T15:30:00Z'), total: { amount: 5800 } });
    expect(q.replacesPendingChange).toBeNull();
  });

  it('pays from the account credit first, as every invoice does', () => {
    const withCredit = ended(cancelled({ ...professional, creditBalance: 4500 }));
    const q = quote(withCredit, { planId: 'advanced', quantity: 1 }, restartAt);
    expect(q.totals.charges.amount).toBe(2900);
    expect(q.dueNow.amount).toBe(0);
    expect(q.creditBalance).toMatchObject({ applied: { amount: 2900 }, after: { amount: 1600 } });
  });

  it('names each add-on taken after the restart', () => {
    const carpati = subscriptionOn(zoom, { plan: { id: 'pro', quantity: 3 }, anchor, now });
    const gone = ended(cancelled(carpati));
    const result = quoteChange({
      catalog: zoom,
      subscription: gone,
      actor: BILLING_ADMIN,
      request: { planId: 'pro', interval: MONTHLY, quantity: 3, addOns: [{ addOnId: 'large-meeting', quantity: 1 }] },
      now: restartAt,
    });
    expect(result.ok && result.quote.appliedNow).toEqual([
      { kind: 'restart', planId: 'pro', quantity: 3, interval: MONTHLY },
      { kind: 'add_on_change', direction: 'increase', addOnId: 'large-meeting', from: 0, to: 1 },
    ]);
    expect(result.ok && result.quote.totals.charges.amount).toBe(3 * 1499 + 5000);
  });

  it('applying it makes the subscription active on the new schedule', () => {
    const q = quote(ended(), { planId: 'advanced', quantity: 2 }, restartAt);
    const applied = applyQuote(ended(), q);
    expect(applied.ok && applied.subscription).toMatchObject({
      status: 'active',
      anchor: restartAt,
      periodIndex: 0,
      plan: { planId: 'advanced', quantity: 2, billedInPeriod: 5800, creditedInPeriod: 0 },
    });
    expect(applied.ok && currentPeriod(applied.subscription).start).toBe(restartAt);
  });

  it('offers every self-service plan of the group, and a sales-only plan only through sales', () => {
    const enterprise = subscriptionOn(zoom, {
      plan: { id: 'enterprise', quantity: 120 },
      interval: ANNUAL,
      anchor: at('2026-03-01T00:00:00Z'),
      now,
    });
    const cancellation = scheduleCancellation(enterprise, BILLING_ADMIN, now);
    if (!cancellation.ok) throw new Error(cancellation.reason);
    const gone = endSubscription(cancellation.subscription, at('2027-03-01T00:00:00Z'));
    if (!gone.ok) throw new Error(gone.reason);
    const restart = gone.ending.subscription;
    expect(changeBlockers(zoom, restart, BILLING_ADMIN)).toEqual([]);
    const options = changeOptions(zoom, restart, BILLING_ADMIN);
    expect(options.plans.map((p) => [p.planId, p.current, p.availability.ok])).toEqual([
      ['pro', false, true],
      ['business', false, true],
      ['enterprise', false, false],
    ]);
    const again = quoteChange({
      catalog: zoom,
      subscription: restart,
      actor: BILLING_ADMIN,
      request: { planId: 'enterprise', interval: ANNUAL, quantity: 120, addOns: [] },
      now: at('2027-03-02T00:00:00Z'),
    });
    expect(again).toMatchObject({ ok: false, errors: [{ reason: 'sales_only', field: 'planId' }] });
  });

  it('waits for an unpaid invoice, and for someone with billing permission', () => {
    const unpaid = { ...ended(), unpaidInvoices: 1 };
    expect(changeBlockers(pipedrive, unpaid, BILLING_ADMIN)).toEqual([{ reason: 'unpaid_invoice', count: 1 }]);
    expect(changeBlockers(pipedrive, ended(), MEMBER)).toEqual([{ reason: 'no_billing_permission' }]);
  });
});
