import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyQuote } from '../apply/apply-quote';
import type { Catalog, CatalogPolicies } from '../catalog/catalog';
import type { ChangeRequest } from '../eligibility/validate-request';
import { addOn, BILLING_ADMIN, catalog, plan, prices, subscriptionOn } from '../fixtures/build';
import type { CurrencyCode } from '../money/currencies';
import { ANNUAL, type BillingInterval, MONTHLY } from '../periods/billing-interval';
import { instantFromIso } from '../periods/instant';
import { periodAt } from '../periods/period-boundary';
import type { Subscription, TargetState } from '../subscription/subscription';
import { currentTarget } from '../subscription/subscription-state';
import type { Quote, QuoteLine } from './quote';
import { quoteChange } from './quote-change';

const RUNS = { numRuns: 10_000 };

const ALL_IMMEDIATE: CatalogPolicies = {
  upgradeTiming: 'immediate',
  downgradeTiming: 'immediate',
  annualToMonthlyTiming: 'immediate',
  prorationGranularity: 'second',
  creditBehaviour: 'account_credit',
};

const policies = fc.record({
  upgradeTiming: fc.constantFrom('immediate', 'period_end'),
  downgradeTiming: fc.constantFrom('immediate', 'period_end'),
  annualToMonthlyTiming: fc.constantFrom('immediate', 'period_end'),
  prorationGranularity: fc.constantFrom('second', 'day'),
  creditBehaviour: fc.constantFrom('account_credit', 'none'),
}) as fc.Arbitrary<CatalogPolicies>;

type World = Readonly<{ catalog: Catalog; subscription: Subscription; now: number }>;

/** A catalog of one plan group in one currency (0, 2 or 3 decimals), with add-ons of either kind. */
function catalogOf(currency: CurrencyCode, rules: fc.Arbitrary<CatalogPolicies>) {
  const price = fc.record({
    monthly: fc.integer({ min: 0, max: 200_000 }),
    annual: fc.integer({ min: 0, max: 2_000_000 }),
  });
  const planArb = fc.record({ price, flat: fc.boolean(), max: fc.integer({ min: 1, max: 60 }) });
  const addOnArb = fc.record({ price, withQuantity: fc.boolean() });
  return fc
    .record({
      plans: fc.array(planArb, { minLength: 2, maxLength: 4 }),
      addOns: fc.array(addOnArb, { maxLength: 3 }),
      policies: rules,
    })
    .map(({ plans, addOns, policies: p }) =>
      catalog({
        version: 'prop',
        policies: p,
        plans: plans.map((spec, rank) =>
          plan({
            id: `plan-${rank}`,
            group: 'group',
            rank,
            pricing: spec.flat ? 'flat' : 'per_seat',
            quantity: { min: 1, max: spec.flat ? 1 : spec.max },
            prices: prices(`plan-${rank}`, currency, spec.price),
          }),
        ),
        addOns: addOns.map((spec, i) =>
          addOn({
            id: `addon-${i}`,
            quantity: { min: 1, max: spec.withQuantity ? 10 : 1 },
            prices: prices(`addon-${i}`, currency, spec.price),
          }),
        ),
      }),
    );
}

const currency = fc.constantFrom<CurrencyCode>('USD', 'JPY', 'KWD');

/** A subscription mid-period on one of the catalog's plans, with some add-ons and some credit. */
function worldOf(rules: fc.Arbitrary<CatalogPolicies>, sameIntervalOnly = false): fc.Arbitrary<World> {
  return currency.chain((code) =>
    catalogOf(code, rules).chain((cat) =>
      fc
        .record({
          planIndex: fc.nat({ max: cat.plans.length - 1 }),
          seats: fc.integer({ min: 1, max: 60 }),
          annual: sameIntervalOnly ? fc.constant(false) : fc.boolean(),
          addOns: fc.subarray(cat.addOns.map((a) => a.id)),
          addOnQuantity: fc.integer({ min: 1, max: 10 }),
          anchor: fc.integer({
            min: instantFromIso('2020-01-01T00:00:00Z'),
            max: instantFromIso('2030-01-01T00:00:00Z'),
          }),
          periodIndex: fc.nat({ max: 24 }),
          share: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
          creditBalance: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 500_000 })),
        })
        .map((w): World => {
          const planDef = cat.plans[w.planIndex] ?? cat.plans[0];
          if (!planDef) throw new Error('a catalog has plans');
          const interval = w.annual ? ANNUAL : MONTHLY;
          const period = periodAt(w.anchor, interval, w.periodIndex);
          const now = period.start + Math.floor(w.share * (period.end - period.start));
          const subscription = subscriptionOn(cat, {
            plan: { id: planDef.id, quantity: Math.min(w.seats, planDef.quantity.max) },
            addOns: w.addOns.map((id) => ({
              id,
              quantity: Math.min(w.addOnQuantity, cat.addOns.find((a) => a.id === id)?.quantity.max ?? 1),
            })),
            interval,
            anchor: w.anchor,
            now,
            currency: code,
            creditBalance: w.creditBalance,
          });
          return { catalog: cat, subscription, now };
        }),
    ),
  );
}

/** A target within the catalog (valid or not: quantities may break the plan's range). */
function requestFor(world: World, sameInterval = false): fc.Arbitrary<ChangeRequest> {
  const { catalog: cat, subscription } = world;
  return fc.record({
    planId: fc.constantFrom(...cat.plans.map((p) => p.id)),
    interval: sameInterval ? fc.constant(subscription.interval) : fc.constantFrom<BillingInterval>(MONTHLY, ANNUAL),
    quantity: fc.integer({ min: 1, max: 70 }),
    addOns: fc
      .subarray(cat.addOns.map((a) => a.id))
      .chain((ids) =>
        fc.tuple(...ids.map((addOnId) => fc.integer({ min: 1, max: 12 }).map((quantity) => ({ addOnId, quantity })))),
      ),
  });
}

const sum = (lines: readonly QuoteLine[]) => lines.reduce((total, line) => total + line.amount.amount, 0);

function quote(world: World, request: ChangeRequest, now = world.now) {
  return quoteChange({ catalog: world.catalog, subscription: world.subscription, actor: BILLING_ADMIN, request, now });
}

const worldAndRequest = (rules: fc.Arbitrary<CatalogPolicies>, sameInterval = false) =>
  worldOf(rules, sameInterval).chain((world) => fc.tuple(fc.constant(world), requestFor(world, sameInterval)));

function checkArithmetic(q: Quote, balanceBefore: number, behaviour: CatalogPolicies['creditBehaviour']) {
  const charges = sum(q.lines.filter((l) => l.kind !== 'credit_unused_time'));
  const credits = -sum(q.lines.filter((l) => l.kind === 'credit_unused_time'));
  expect(q.totals.charges.amount).toBe(charges);
  expect(q.totals.credits.amount).toBe(-credits);
  expect(q.totals.net.amount).toBe(sum(q.lines));
  const { invoice, creditNote } = q.documents;
  if (invoice) {
    expect(sum(invoice.lines)).toBe(invoice.total.amount);
    expect(invoice.total.amount - invoice.creditNoteApplied.amount - invoice.creditBalanceApplied.amount).toBe(
      invoice.amountDue.amount,
    );
  }
  if (creditNote) {
    expect(sum(creditNote.lines)).toBe(creditNote.total.amount);
    expect(
      creditNote.appliedToInvoice.amount + creditNote.addedToCreditBalance.amount + creditNote.forfeited.amount,
    ).toBe(creditNote.total.amount);
  }
  expect(sum(q.nextBill.lines)).toBe(q.nextBill.total.amount);
  expect(q.nextBill.total.amount - q.nextBill.creditApplied.amount).toBe(q.nextBill.amountDue.amount);
  // Due now and credit left are never negative; the card pays what credit cannot.
  expect(q.dueNow.amount).toBeGreaterThanOrEqual(0);
  expect(q.creditBalance.after.amount).toBeGreaterThanOrEqual(0);
  expect(q.dueNow.amount).toBe(Math.max(0, charges - credits - balanceBefore));
  expect(q.dueNow.amount).toBe(invoice?.amountDue.amount ?? 0);
  if (behaviour === 'account_credit') {
    expect(q.creditBalance.after.amount).toBe(Math.max(0, balanceBefore + credits - charges));
  }
}

describe('quote properties', () => {
  it('lines always add up to every total, and due now and credit left are never negative', () => {
    fc.assert(
      fc.property(worldAndRequest(policies), ([world, request]) => {
        const result = quote(world, request);
        if (!result.ok) return;
        checkArithmetic(result.quote, world.subscription.creditBalance, world.catalog.policies.creditBehaviour);
      }),
      RUNS,
    );
  });

  it('quoting the current state changes nothing', () => {
    fc.assert(
      fc.property(worldOf(policies), (world) => {
        const result = quote(world, currentTarget(world.subscription));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.quote.noChange).toEqual({ reason: 'same_as_current' });
        expect(result.quote.lines).toEqual([]);
        expect(result.quote.dueNow.amount).toBe(0);
      }),
      RUNS,
    );
  });

  it('an invalid request gets typed errors, never an exception', () => {
    const wild = fc.record({
      planId: fc.oneof(fc.constantFrom('plan-0', 'plan-1', 'nope'), fc.string()),
      interval: fc.constantFrom<BillingInterval>(MONTHLY, ANNUAL, { unit: 'month', count: 2 }),
      quantity: fc.oneof(fc.integer({ min: -5, max: 80 }), fc.double({ noNaN: true }), fc.constant(1e15)),
      addOns: fc.array(
        fc.record({
          addOnId: fc.constantFrom('addon-0', 'addon-1', 'nope'),
          quantity: fc.integer({ min: -2, max: 15 }),
        }),
        { maxLength: 3 },
      ),
    });
    fc.assert(
      fc.property(worldOf(policies), wild, (world, request) => {
        const result = quote(world, request);
        if (!result.ok) {
          expect(result.errors.length).toBeGreaterThan(0);
          for (const error of result.errors) expect(typeof error.reason).toBe('string');
        }
      }),
      RUNS,
    );
  });

  it('a credit never exceeds what the item was billed, across up to five immediate changes in a period', () => {
    fc.assert(
      fc.property(
        worldOf(fc.constant(ALL_IMMEDIATE), true).chain((world) =>
          fc.tuple(
            fc.constant(world),
            fc.array(fc.tuple(requestFor(world, true), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })), {
              minLength: 1,
              maxLength: 5,
            }),
          ),
        ),
        ([world, steps]) => {
          const period = periodAt(
            world.subscription.anchor,
            world.subscription.interval,
            world.subscription.periodIndex,
          );
          const billed = new Map<string, number>();
          const credited = new Map<string, number>();
          const add = (map: Map<string, number>, key: string, amount: number) =>
            map.set(key, (map.get(key) ?? 0) + amount);
          for (const item of [world.subscription.plan, ...world.subscription.addOns]) {
            const key = 'planId' in item ? `plan:${item.planId}` : `add_on:${item.addOnId}`;
            add(billed, key, item.billedInPeriod);
          }
          let subscription = world.subscription;
          let now = world.now;
          for (const [request, share] of steps) {
            now += Math.floor(share * (period.end - now));
            if (now >= period.end) break;
            const result = quoteChange({ catalog: world.catalog, subscription, actor: BILLING_ADMIN, request, now });
            if (!result.ok || result.quote.noChange) continue;
            for (const line of result.quote.lines) {
              const key = `${line.item.type}:${line.item.id}`;
              if (line.kind === 'credit_unused_time') {
                expect(-line.amount.amount).toBeLessThanOrEqual(line.unitAmount.amount * line.quantity);
                add(credited, key, -line.amount.amount);
              } else {
                add(billed, key, line.amount.amount);
              }
            }
            const applied = applyQuote(subscription, result.quote);
            if (applied.ok) subscription = applied.subscription;
          }
          for (const [key, amount] of credited) expect(amount).toBeLessThanOrEqual(billed.get(key) ?? 0);
        },
      ),
      RUNS,
    );
  });

  it('an immediate change and its inverse in the same instant cost no cash', () => {
    fc.assert(
      fc.property(worldAndRequest(fc.constant(ALL_IMMEDIATE), true), ([world, request]) => {
        const there = quote(world, request);
        if (!there.ok || there.quote.noChange) return;
        const applied = applyQuote(world.subscription, there.quote);
        if (!applied.ok) return;
        const back = quoteChange({
          catalog: world.catalog,
          subscription: applied.subscription,
          actor: BILLING_ADMIN,
          request: currentTarget(world.subscription) as TargetState,
          now: world.now,
        });
        expect(back.ok).toBe(true);
        if (!back.ok) return;
        const returned = applyQuote(applied.subscription, back.quote);
        const balanceEnd = returned.ok ? returned.subscription.creditBalance : applied.subscription.creditBalance;
        const cash = there.quote.dueNow.amount + back.quote.dueNow.amount;
        expect(cash - (balanceEnd - world.subscription.creditBalance)).toBe(0);
      }),
      RUNS,
    );
  });
});
