import { describe, expect, it } from 'vitest';
import { at, BILLING_ADMIN, subscriptionOn } from '../fixtures/build';
import { pipedrive, zoom } from '../fixtures/seed-catalogs';
import { ANNUAL, MONTHLY } from '../periods/billing-interval';
import { instantToIso } from '../periods/instant';
import { quoteChange } from '../quote/quote-change';
import type { Subscription } from '../subscription/subscription';
import { currentPeriod } from '../subscription/subscription-state';
import { applyQuote } from './apply-quote';
import { cancelPendingChange } from './cancel-pending-change';
import { renewSubscription } from './renew-subscription';

function confirm(subscription: Subscription, request: Parameters<typeof quoteChange>[0]['request'], now: number) {
  const quoted = quoteChange({ catalog: zoom, subscription, actor: BILLING_ADMIN, request, now });
  if (!quoted.ok) throw new Error(JSON.stringify(quoted.errors));
  const applied = applyQuote(subscription, quoted.quote);
  if (!applied.ok) throw new Error(applied.reason);
  return applied.subscription;
}

function renew(subscription: Subscription, now: number, catalog = zoom) {
  const result = renewSubscription(catalog, subscription, now);
  if (!result.ok) throw new Error(result.reason);
  return result.renewal;
}

const anchor = at('2026-01-31T09:00:00Z');
const now = at('2026-02-10T00:00:00Z');

describe('renewing at the period end', () => {
  const business = subscriptionOn(zoom, { plan: { id: 'business', quantity: 12 }, anchor, now });

  it('applies a scheduled seat reduction and bills the new quantity at the new period', () => {
    const reduced = confirm(business, { planId: 'business', interval: MONTHLY, quantity: 10, addOns: [] }, now);
    expect(reduced.plan.quantity).toBe(12);
    const renewal = renew(reduced, at('2026-02-28T09:00:00Z'));
    expect(renewal.renewedAt).toBe(at('2026-02-28T09:00:00Z'));
    expect(renewal.appliedChange?.target.quantity).toBe(10);
    expect(renewal.subscription.plan).toMatchObject({ quantity: 10, billedInPeriod: 21_990, creditedInPeriod: 0 });
    expect(renewal.subscription.pendingChange).toBeNull();
    expect(renewal.invoice).toMatchObject({
      reason: 'renewal',
      total: { amount: 21_990 },
      amountDue: { amount: 21_990 },
    });
    expect(renewal.period).toEqual({ start: at('2026-02-28T09:00:00Z'), end: at('2026-03-31T09:00:00Z') });
  });

  it('renews at the catalog price of the new period', () => {
    const repriced = {
      ...zoom,
      plans: zoom.plans.map((p) =>
        p.id === 'business'
          ? { ...p, prices: p.prices.map((price) => ({ ...price, unitAmount: price.unitAmount + 100 })) }
          : p,
      ),
    };
    expect(renew(business, at('2026-03-01T00:00:00Z'), repriced).invoice.total.amount).toBe(12 * 2299);
  });

  it('pays the renewal from account credit first', () => {
    const renewal = renew({ ...business, creditBalance: 5000 }, at('2026-02-28T09:00:00Z'));
    expect(renewal.invoice).toMatchObject({
      creditBalanceApplied: { amount: 5000 },
      amountDue: { amount: 12 * 2199 - 5000 },
    });
    expect(renewal.subscription.creditBalance).toBe(0);
  });

  it('catches up several missed periods in order, one renewal each', () => {
    let subscription = business;
    const dates: string[] = [];
    const later = at('2026-05-15T00:00:00Z');
    for (;;) {
      const result = renewSubscription(zoom, subscription, later);
      if (!result.ok) {
        expect(result).toEqual({ ok: false, reason: 'period_not_ended', periodEnd: at('2026-05-31T09:00:00Z') });
        break;
      }
      dates.push(instantToIso(result.renewal.renewedAt));
      subscription = result.renewal.subscription;
    }
    expect(dates).toEqual(['2026-02-28T09:00:00Z', '2026-03-31T09:00:00Z', '2026-04-30T09:00:00Z']);
  });

  it('switches annual → monthly at the period end and keeps billing on the 31st', () => {
    const yearly = subscriptionOn(zoom, { plan: { id: 'pro', quantity: 2 }, interval: ANNUAL, anchor, now });
    const switching = confirm(yearly, { planId: 'pro', interval: MONTHLY, quantity: 2, addOns: [] }, now);
    let subscription = renew(switching, at('2027-01-31T09:00:00Z')).subscription;
    expect(subscription.interval).toEqual(MONTHLY);
    const ends = [];
    for (let i = 0; i < 3; i += 1) {
      ends.push(instantToIso(currentPeriod(subscription).end));
      subscription = renew(subscription, currentPeriod(subscription).end).subscription;
    }
    expect(ends).toEqual(['2027-02-28T09:00:00Z', '2027-03-31T09:00:00Z', '2027-04-30T09:00:00Z']);
  });

  it('never renews a cancelled subscription', () => {
    expect(renewSubscription(zoom, { ...business, status: 'canceled' }, at('2026-03-01T00:00:00Z'))).toEqual({
      ok: false,
      reason: 'subscription_not_active',
      status: 'canceled',
    });
  });
});

describe('cancelling a pending change', () => {
  it('renews as the subscription is now', () => {
    const professional = subscriptionOn(pipedrive, { plan: { id: 'professional', quantity: 1 }, anchor, now });
    const quoted = quoteChange({
      catalog: pipedrive,
      subscription: professional,
      actor: BILLING_ADMIN,
      request: { planId: 'advanced', interval: MONTHLY, quantity: 1, addOns: [] },
      now,
    });
    if (!quoted.ok) throw new Error('quoted');
    const applied = applyQuote(professional, quoted.quote);
    if (!applied.ok) throw new Error('applied');
    const cancelled = cancelPendingChange(applied.subscription);
    if (!cancelled.ok) throw new Error('cancelled');
    expect(cancelled.subscription.pendingChange).toBeNull();
    const renewal = renewSubscription(pipedrive, cancelled.subscription, at('2026-03-01T00:00:00Z'));
    expect(renewal.ok && renewal.renewal.subscription.plan.planId).toBe('professional');
    expect(cancelPendingChange(cancelled.subscription)).toEqual({ ok: false, reason: 'no_pending_change' });
  });
});
