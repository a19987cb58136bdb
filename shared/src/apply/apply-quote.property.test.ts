import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ChangeRequest } from '../eligibility/validate-request';
import { allImmediatePoliciesArb, requestArb, worldAndRequestArb, worldArb } from '../fixtures/arbitraries';
import { BILLING_ADMIN } from '../fixtures/build';
import { quoteChange } from '../quote/quote-change';
import { sameTarget } from '../subscription/same-target';
import type { Subscription, SubscriptionItem } from '../subscription/subscription';
import { currentPeriod, currentTarget } from '../subscription/subscription-state';
import { applyQuote } from './apply-quote';

const RUNS = { numRuns: 10_000 };

/** Millionths of what is left of the current period: where the next change happens. */
const stepArb = fc.oneof(
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 999_999 }) },
);

// vitest's expect costs microseconds a call; these run it only when a check fails, so that
// 10,000 runs of dozens of checks stay fast and a failure still reads like an expect.
const is = (actual: unknown, expected: unknown) => {
  if (actual !== expected) expect(actual).toBe(expected);
};
const atMost = (actual: number, bound: number) => {
  if (!(actual <= bound)) expect(actual).toBeLessThanOrEqual(bound);
};

const items = (subscription: Subscription): readonly (readonly [string, SubscriptionItem])[] => [
  [`plan:${subscription.plan.planId}`, subscription.plan],
  ...subscription.addOns.map((item) => [`add_on:${item.addOnId}`, item] as const),
];

describe('applying quotes, as properties', () => {
  it('a credit line never exceeds unit price × quantity of a full period, and across up to 5 immediate changes an item is never credited more than was billed for it in the period', {
    timeout: 30_000,
  }, () => {
    // Items start with some history (repriced, part billed, part credited) so that the cap binds;
    // a step may also change the interval, which starts a new period: tallies are per period.
    const scenarioArb = worldArb(allImmediatePoliciesArb, { history: true }).chain((world) =>
      fc.tuple(fc.constant(world), fc.array(fc.tuple(requestArb(world), stepArb), { minLength: 1, maxLength: 5 })),
    );
    fc.assert(
      fc.property(scenarioArb, ([world, steps]) => {
        // Billed and credited per item and period, keyed by the period's start.
        const billed = new Map<string, number>();
        const credited = new Map<string, number>();
        const add = (map: Map<string, number>, key: string, amount: number) =>
          map.set(key, (map.get(key) ?? 0) + amount);
        const start = currentPeriod(world.subscription).start;
        for (const [key, item] of items(world.subscription)) {
          add(billed, `${start}:${key}`, item.billedInPeriod);
          add(credited, `${start}:${key}`, item.creditedInPeriod);
        }

        let subscription = world.subscription;
        let now = world.now;
        for (const [request, step] of steps) {
          const period = currentPeriod(subscription);
          now += Math.floor(((period.end - now) * step) / 1_000_000);
          const result = quoteChange({ catalog: world.catalog, subscription, actor: BILLING_ADMIN, request, now });
          if (!result.ok) continue;
          const q = result.quote;
          is(q.scheduled, null);
          for (const line of q.lines) {
            const key = `${line.billingPeriod.start}:${line.item.type}:${line.item.id}`;
            if (line.kind === 'credit_unused_time') {
              atMost(line.amount.amount, 0);
              atMost(-line.amount.amount, line.unitAmount.amount * line.quantity);
              add(credited, key, -line.amount.amount);
            } else {
              add(billed, key, line.amount.amount);
            }
          }
          const applied = applyQuote(subscription, q);
          if (!applied.ok) {
            is(q.noChange === null, false);
            continue;
          }
          subscription = applied.subscription;
          // The engine's own tally agrees: no item is credited more than it was billed.
          for (const [, item] of items(subscription)) {
            atMost(0, item.creditedInPeriod);
            atMost(item.creditedInPeriod, item.billedInPeriod);
          }
          atMost(0, subscription.creditBalance);
        }
        for (const [key, amount] of credited) atMost(amount, billed.get(key) ?? 0);
      }),
      RUNS,
    );
  });

  it('an immediate change and its inverse at the same instant cost no cash: dueNow₁ + dueNow₂ − (credit end − credit start) = 0', {
    timeout: 30_000,
  }, () => {
    // In the same interval: a new interval re-anchors the period, so going back is not an inverse.
    fc.assert(
      fc.property(worldAndRequestArb(allImmediatePoliciesArb, { sameInterval: true }), ([world, request]) => {
        const there = quoteChange({
          catalog: world.catalog,
          subscription: world.subscription,
          actor: BILLING_ADMIN,
          request,
          now: world.now,
        });
        if (!there.ok || there.quote.noChange) return;
        const moved = applyQuote(world.subscription, there.quote);
        is(moved.ok, true);
        if (!moved.ok) return;

        const original = currentTarget(world.subscription);
        const left = world.catalog.plans.find((p) => p.id === original.planId);
        // A sales-only plan, once left, cannot be chosen again by self-service.
        if (left?.salesOnly && request.planId !== original.planId) return;

        const inverse: ChangeRequest = original;
        const back = quoteChange({
          catalog: world.catalog,
          subscription: moved.subscription,
          actor: BILLING_ADMIN,
          request: inverse,
          now: world.now,
        });
        is(back.ok, true);
        if (!back.ok) return;
        is(back.quote.noChange, null);
        const returned = applyQuote(moved.subscription, back.quote);
        is(returned.ok, true);
        if (!returned.ok) return;

        is(sameTarget(currentTarget(returned.subscription), original), true);
        is(returned.subscription.pendingChange, null);
        const cash = there.quote.dueNow.amount + back.quote.dueNow.amount;
        const creditGained = returned.subscription.creditBalance - world.subscription.creditBalance;
        is(there.quote.totals.net.amount + back.quote.totals.net.amount, 0);
        is(cash - creditGained, 0);
      }),
      RUNS,
    );
  });
});
