import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyQuote } from '../apply/apply-quote';
import type { Plan } from '../catalog/catalog';
import type { ChangeRequest } from '../eligibility/validate-request';
import { policiesArb, soldIn, type World, worldAndRequestArb, worldArb } from '../fixtures/arbitraries';
import { BILLING_ADMIN } from '../fixtures/build';
import { prorate } from '../money/prorate';
import type { Actor } from '../subscription/subscription';
import { currentTarget } from '../subscription/subscription-state';
import type { QuoteLine, QuoteResult } from './quote';
import { quoteChange } from './quote-change';

const RUNS = { numRuns: 10_000 };

const sum = (lines: readonly QuoteLine[]) => lines.reduce((total, line) => total + line.amount.amount, 0);

function quote(world: World, request: ChangeRequest, actor: Actor = BILLING_ADMIN): QuoteResult {
  return quoteChange({ catalog: world.catalog, subscription: world.subscription, actor, request, now: world.now });
}

// vitest's expect costs microseconds a call; these run it only when a check fails, so that
// 10,000 runs of dozens of checks stay fast and a failure still reads like an expect.
const is = (actual: unknown, expected: unknown) => {
  if (actual !== expected) expect(actual).toBe(expected);
};
const atMost = (actual: number, bound: number) => {
  if (!(actual <= bound)) expect(actual).toBeLessThanOrEqual(bound);
};

const requestOf = (world: World): ChangeRequest => currentTarget(world.subscription);

describe('quotes, as properties', () => {
  it('every total a quote states is the sum of its lines: lines total, each document, and the next bill', {
    timeout: 30_000,
  }, () => {
    fc.assert(
      fc.property(worldAndRequestArb(policiesArb), ([world, request]) => {
        const result = quote(world, request);
        if (!result.ok) return;
        const q = result.quote;
        const currency = world.subscription.currency;
        const charges = q.lines.filter((line) => line.kind !== 'credit_unused_time');
        const credits = q.lines.filter((line) => line.kind === 'credit_unused_time');

        for (const line of q.lines) {
          is(line.amount.currency, currency);
          is(Number.isSafeInteger(line.amount.amount), true);
          // Each line explains itself: unit price × quantity × the exact share, rounded once.
          const full = prorate(line.unitAmount.amount, line.quantity, line.fraction);
          if (line.kind === 'credit_unused_time') {
            atMost(-line.amount.amount, full);
            is(line.capped, -line.amount.amount < full);
          } else {
            is(line.amount.amount, full);
          }
        }
        is(q.totals.charges.amount, sum(charges));
        is(q.totals.credits.amount, sum(credits));
        is(q.totals.net.amount, sum(q.lines));
        is(q.totals.charges.amount + q.totals.credits.amount, q.totals.net.amount);

        const { invoice, creditNote } = q.documents;
        if (invoice) {
          is(invoice.lines.length, charges.length);
          for (const [i, line] of invoice.lines.entries()) is(line, charges[i]);
          is(sum(invoice.lines), invoice.total.amount);
          is(
            invoice.total.amount - invoice.creditNoteApplied.amount - invoice.creditBalanceApplied.amount,
            invoice.amountDue.amount,
          );
        } else {
          is(sum(charges), 0);
        }
        if (creditNote) {
          is(creditNote.lines.length, credits.length);
          for (const [i, line] of creditNote.lines.entries())
            is(line.amount.amount, 0 - (credits[i]?.amount.amount ?? 0));
          is(sum(creditNote.lines), creditNote.total.amount);
          is(
            creditNote.appliedToInvoice.amount + creditNote.addedToCreditBalance.amount + creditNote.forfeited.amount,
            creditNote.total.amount,
          );
        } else {
          is(sum(credits), 0);
        }
        // What the documents say nets to the lines.
        is((invoice?.total.amount ?? 0) - (creditNote?.total.amount ?? 0), q.totals.net.amount);

        const bill = q.nextBill;
        is(sum(bill.lines), bill.total.amount);
        is(bill.creditApplied.amount, Math.min(q.creditBalance.after.amount, bill.total.amount));
        is(bill.total.amount - bill.creditApplied.amount, bill.amountDue.amount);
        for (const line of bill.lines) {
          is(line.amount.amount, line.unitAmount.amount * line.quantity);
        }
      }),
      RUNS,
    );
  });

  it('quoting the current state is noChange same_as_current with no lines and nothing due', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(
        worldArb(policiesArb).chain((world) =>
          // The order add-ons are listed in does not matter: list them in any order.
          fc.tuple(
            fc.constant(world),
            fc.shuffledSubarray([...requestOf(world).addOns], { minLength: world.subscription.addOns.length }),
          ),
        ),
        ([world, addOns]) => {
          const result = quote(world, { ...requestOf(world), addOns });
          is(result.ok, true);
          if (!result.ok) return;
          const q = result.quote;
          is(q.noChange?.reason, 'same_as_current');
          is(q.lines.length, 0);
          is(q.appliedNow.length, 0);
          is(q.scheduled, null);
          is(q.dueNow.amount, 0);
          is(q.creditBalance.after.amount, world.subscription.creditBalance);
          is(q.documents.creditNote, null);
          is(q.documents.invoice, null);
          const applied = applyQuote(world.subscription, q);
          is(applied.ok || applied.reason, 'no_change');
        },
      ),
      RUNS,
    );
  });

  it('due now is max(0, net − min(balance, max(0, net))), never negative, and the credit carried forward is never negative', {
    timeout: 30_000,
  }, () => {
    fc.assert(
      fc.property(worldAndRequestArb(policiesArb), ([world, request]) => {
        const result = quote(world, request);
        if (!result.ok) return;
        const q = result.quote;
        const net = sum(q.lines);
        const balance = world.subscription.creditBalance;
        const balanceUsed = Math.min(balance, Math.max(0, net));
        const kept = world.catalog.policies.creditBehaviour === 'account_credit' ? Math.max(0, -net) : 0;

        is(q.dueNowBeforeCredit.amount, Math.max(0, net));
        is(q.dueNow.amount, Math.max(0, net - balanceUsed));
        atMost(0, q.dueNow.amount);
        is(q.dueNow.amount, q.documents.invoice?.amountDue.amount ?? 0);
        is(q.creditBalance.before.amount, balance);
        is(q.creditBalance.applied.amount, balanceUsed);
        is(q.creditBalance.added.amount, kept);
        is(q.creditBalance.forfeited.amount, Math.max(0, -net) - kept);
        is(q.creditBalance.after.amount, balance - balanceUsed + kept);
        atMost(0, q.creditBalance.after.amount);
        is(q.after.creditBalance, q.creditBalance.after.amount);
        const applied = applyQuote(world.subscription, q);
        if (applied.ok) atMost(0, applied.subscription.creditBalance);
      }),
      RUNS,
    );
  });

  it('an invalid request (unknown plan; a quantity of 0, negative, fractional, NaN or above the maximum; no permission) gets its typed error and never throws', {
    timeout: 30_000,
  }, () => {
    type Invalid = Readonly<{
      request: ChangeRequest;
      actor: Actor;
      expected: Readonly<{ reason: string; field: string | null }>;
    }>;

    const quantityReason = (range: Readonly<{ min: number; max: number }>, requested: number) =>
      !Number.isSafeInteger(requested)
        ? 'quantity_not_integer'
        : range.min === range.max
          ? 'quantity_not_adjustable'
          : requested < range.min
            ? 'below_min_quantity'
            : 'above_max_quantity';

    const badQuantityArb = (max: number) =>
      fc.oneof(
        fc.constant(0),
        fc.integer({ min: -1_000_000, max: -1 }),
        fc.integer({ min: max + 1, max: max + 1_000_000 }),
        fc.constantFrom(Number.MAX_SAFE_INTEGER, 1e15, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
        // Fractions, inside the range or not, and numbers that are not quantities at all.
        fc.integer({ min: -3, max: max + 3 }).map((n) => n + 0.5),
        fc.double({ min: -1, max: max + 1, noNaN: true }).filter((q) => !Number.isInteger(q)),
        fc.constantFrom(Number.NaN, 1 + Number.EPSILON, 2 ** 53, 1e300),
      );

    const invalidArb = (world: World): fc.Arbitrary<Invalid> => {
      const current = requestOf(world);
      const planDef = world.catalog.plans.find((p) => p.id === current.planId) as Plan;
      const planRange = planDef.pricing === 'flat' ? { min: 1, max: 1 } : planDef.quantity;
      const known = new Set(world.catalog.plans.map((p) => p.id));
      // Add-ons the plan could have in its interval and does not hold yet.
      const addable = world.catalog.addOns.filter(
        (a) =>
          (a.compatiblePlanIds === 'all' || a.compatiblePlanIds.includes(planDef.id)) &&
          soldIn(a, current.interval) &&
          !current.addOns.some((held) => held.addOnId === a.id),
      );
      const unknownPlan = fc
        .oneof(fc.constantFrom('no-such-plan', 'PLAN-0', 'plan-9', ''), fc.string({ maxLength: 12 }))
        .filter((id) => !known.has(id))
        .map(
          (planId): Invalid => ({
            request: { ...current, planId },
            actor: BILLING_ADMIN,
            expected: { reason: 'unknown_plan', field: 'planId' },
          }),
        );
      const planQuantity = badQuantityArb(planRange.max).map(
        (quantity): Invalid => ({
          request: { ...current, quantity },
          actor: BILLING_ADMIN,
          expected: { reason: quantityReason(planRange, quantity), field: 'quantity' },
        }),
      );
      const addOnQuantity =
        addable.length === 0
          ? planQuantity
          : fc.constantFrom(...addable).chain((a) =>
              badQuantityArb(a.quantity.max).map(
                (quantity): Invalid => ({
                  request: { ...current, addOns: [...current.addOns, { addOnId: a.id, quantity }] },
                  actor: BILLING_ADMIN,
                  expected: {
                    reason: quantityReason(a.quantity, quantity),
                    field: `addOns.${current.addOns.length}.quantity`,
                  },
                }),
              ),
            );
      const noPermission = fc.constant<Invalid>({
        request: current,
        actor: { canManageBilling: false },
        expected: { reason: 'no_billing_permission', field: null },
      });
      return fc.oneof(unknownPlan, planQuantity, addOnQuantity, noPermission);
    };

    fc.assert(
      fc.property(
        worldArb(policiesArb).chain((world) => fc.tuple(fc.constant(world), invalidArb(world))),
        ([world, { request, actor, expected }]) => {
          // A throw fails the property with the error and the request that caused it.
          const result = quote(world, request, actor);
          is(result.ok, false);
          if (result.ok) return;
          atMost(1, result.errors.length);
          for (const error of result.errors) {
            is(typeof error.reason, 'string');
            is(error.field === null || typeof error.field === 'string', true);
          }
          if (!result.errors.some((error) => error.reason === expected.reason && error.field === expected.field)) {
            expect(result.errors).toContainEqual(expect.objectContaining(expected));
          }
        },
      ),
      RUNS,
    );
  });
});
