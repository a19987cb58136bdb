import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findAddOn, findPlan, findPrice } from '../catalog/find-in-catalog';
import { policiesArb, requestArb, worldArb } from '../fixtures/arbitraries';
import { BILLING_ADMIN } from '../fixtures/build';
import { periodAt } from '../periods/period-boundary';
import type { Subscription } from '../subscription/subscription';
import { currentPeriod } from '../subscription/subscription-state';
import { quoteChange } from './quote-change';

// An ended subscription some time after its last period, and the plan it may start again on.
const restartArb = worldArb(policiesArb, { history: true }).chain((world) =>
  fc.tuple(fc.constant(world), requestArb(world), fc.integer({ min: 0, max: 400 * 86_400 }), fc.boolean()),
);

describe('starting an ended subscription again, as a property', () => {
  it('charges every wanted item its full catalog price for a new period from now, credits nothing, and pays from credit first', () => {
    fc.assert(
      fc.property(restartArb, ([world, request, later, unpaid]) => {
        const ended: Subscription = {
          ...world.subscription,
          status: 'canceled',
          pendingChange: null,
          unpaidInvoices: unpaid ? 1 : 0,
        };
        const now = currentPeriod(ended).end + later;
        const result = quoteChange({ catalog: world.catalog, subscription: ended, actor: BILLING_ADMIN, request, now });
        if (!result.ok) {
          const reasons = result.errors.map((e) => e.reason);
          // Neither the ended status nor the ended plan blocks; an unpaid invoice always does.
          expect(reasons).not.toContain('subscription_not_active');
          expect(reasons).not.toContain('plan_not_changeable');
          expect(reasons).not.toContain('renewal_due');
          expect(reasons.includes('unpaid_invoice')).toBe(unpaid);
          return;
        }
        expect(unpaid).toBe(false);
        const { quote } = result;
        const full = (type: 'plan' | 'add_on', id: string) => {
          const product = type === 'plan' ? findPlan(world.catalog, id) : findAddOn(world.catalog, id);
          const price = product && findPrice(product, request.interval, ended.currency);
          if (!price) throw new Error(`validated ${type} ${id} has a price`);
          return price.unitAmount;
        };
        const expected = [
          full('plan', request.planId) * request.quantity,
          ...request.addOns.map((a) => full('add_on', a.addOnId) * a.quantity),
        ];
        expect(quote.lines.map((line) => line.kind)).toEqual(expected.map(() => 'charge_full_period'));
        expect(quote.lines.map((line) => line.amount.amount).sort()).toEqual(expected.sort());
        const total = expected.reduce((sum, amount) => sum + amount, 0);
        const credit = Math.min(ended.creditBalance, total);
        expect(quote.documents.creditNote).toBeNull();
        expect(quote.dueNow.amount).toBe(total - credit);
        expect(quote.creditBalance.after.amount).toBe(ended.creditBalance - credit);
        expect(quote.after).toMatchObject({ status: 'active', anchor: now, periodIndex: 0, pendingChange: null });
        expect(quote.nextBill.date).toBe(periodAt(now, request.interval, 0).end);
        expect(quote.appliedNow[0]).toEqual({
          kind: 'restart',
          planId: request.planId,
          quantity: request.quantity,
          interval: request.interval,
        });
      }),
      { numRuns: 2_000 },
    );
  });
});
