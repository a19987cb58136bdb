import { planRenewal } from '../apply/plan-renewal';
import type { Catalog } from '../catalog/catalog';
import { entitlementsFor } from '../catalog/entitlements';
import { findAddOn, findPlan } from '../catalog/find-in-catalog';
import { settleChange } from '../documents/settle-change';
import { changeBlockers } from '../eligibility/change-blockers';
import { type ChangeRequest, validateRequest } from '../eligibility/validate-request';
import { type Money, minMoney, money, subtractMoney } from '../money/money';
import { MoneyError } from '../money/money-error';
import type { Instant } from '../periods/instant';
import { type Period, periodAt } from '../periods/period-boundary';
import { byAddOnId } from '../subscription/add-on-order';
import { sameTarget } from '../subscription/same-target';
import type { Actor, PendingChange, Subscription, TargetState } from '../subscription/subscription';
import { withChanges } from '../subscription/subscription-items';
import { currentPeriod, currentTarget } from '../subscription/subscription-state';
import { describeChanges } from './describe-changes';
import { priceNewInterval, priceWithinPeriod } from './price-now';
import type {
  ChangeDescriptor,
  NextBill,
  NoChangeReason,
  Quote,
  QuoteError,
  QuoteResult,
  SubscriptionAfter,
} from './quote';
import { splitChange } from './split-change';

export type QuoteInput = Readonly<{
  catalog: Catalog;
  subscription: Subscription;
  actor: Actor;
  request: ChangeRequest;
  /** The instant the quote prices the change at: the system clock's now, never the browser's. */
  now: Instant;
}>;

function targetOf(request: ChangeRequest): TargetState {
  return {
    planId: request.planId,
    interval: request.interval,
    quantity: request.quantity,
    addOns: request.addOns.map(({ addOnId, quantity }) => ({ addOnId, quantity })).sort(byAddOnId),
  };
}

function noChangeReason(
  subscription: Subscription,
  immediate: TargetState,
  pending: PendingChange | null,
  lineCount: number,
) {
  if (lineCount > 0 || !sameTarget(immediate, currentTarget(subscription))) return null;
  const held = subscription.pendingChange;
  if (!held && !pending) return { reason: 'same_as_current' as NoChangeReason };
  if (held && pending && sameTarget(held.target, pending.target))
    return { reason: 'same_as_scheduled' as NoChangeReason };
  return null;
}

function needsManualProvisioning(catalog: Catalog, changes: readonly ChangeDescriptor[]): boolean {
  return changes.some((change) => {
    if (change.kind === 'plan_change') return findPlan(catalog, change.toPlanId)?.needsManualProvisioning === true;
    if (change.kind === 'add_on_change' && change.direction === 'increase') {
      return findAddOn(catalog, change.addOnId)?.needsManualProvisioning === true;
    }
    return false;
  });
}

function nextBillAfter(catalog: Catalog, subscription: Subscription, ending: Period): NextBill {
  const planned = planRenewal(catalog, subscription, ending);
  // Every item of a validated target is priced, so its renewal is too.
  if (!planned.ok) throw new Error(`renewal cannot be priced: ${planned.item.type} ${planned.item.id}`);
  const { renewal } = planned;
  const creditApplied: Money = minMoney(money(subscription.creditBalance, subscription.currency), renewal.total);
  return {
    date: renewal.at,
    period: renewal.period,
    lines: renewal.lines,
    total: renewal.total,
    creditApplied,
    amountDue: subtractMoney(renewal.total, creditApplied),
  };
}

function priceQuote({ catalog, subscription, request, now }: QuoteInput, period: Period): Quote {
  const target = targetOf(request);
  const split = splitChange(catalog, subscription, target);
  const priced = split.intervalChangesNow
    ? priceNewInterval(catalog, subscription, period, target, now)
    : priceWithinPeriod(catalog, subscription, period, split.immediate, now);
  const settlement = settleChange(
    priced.lines,
    subscription.currency,
    subscription.creditBalance,
    catalog.policies.creditBehaviour,
  );
  const periodAfter = split.intervalChangesNow ? periodAt(now, target.interval, 0) : period;
  const pendingChange: PendingChange | null = split.scheduled
    ? { effectiveAt: periodAfter.end, target: split.scheduled }
    : null;
  const after: SubscriptionAfter = {
    interval: priced.schedule.interval,
    anchor: priced.schedule.anchor,
    periodIndex: priced.schedule.periodIndex,
    plan: priced.plan,
    addOns: priced.addOns,
    pendingChange,
    creditBalance: settlement.creditBalance.after.amount,
  };
  const nowChanges = describeChanges(catalog, subscription, currentTarget(subscription), split.immediate);
  return {
    quotedAt: now,
    currency: subscription.currency,
    target,
    noChange: noChangeReason(subscription, split.immediate, pendingChange, priced.lines.length),
    appliedNow: nowChanges,
    scheduled:
      pendingChange && split.scheduled
        ? {
            effectiveAt: pendingChange.effectiveAt,
            target: split.scheduled,
            changes: describeChanges(catalog, subscription, split.immediate, split.scheduled),
          }
        : null,
    replacesPendingChange: subscription.pendingChange,
    lines: priced.lines,
    totals: settlement.totals,
    dueNowBeforeCredit: settlement.dueNowBeforeCredit,
    dueNow: settlement.dueNow,
    creditBalance: settlement.creditBalance,
    documents: { creditNote: settlement.creditNote, invoice: settlement.invoice },
    nextBill: nextBillAfter(catalog, withChanges(subscription, after), periodAfter),
    entitlements: {
      fromNow: entitlementsFor(catalog, split.immediate.planId, split.immediate.addOns),
      afterScheduled: split.scheduled ? entitlementsFor(catalog, split.scheduled.planId, split.scheduled.addOns) : null,
    },
    provisioning: needsManualProvisioning(catalog, nowChanges) ? 'manual' : 'automatic',
    after,
  };
}

/**
 * The exact quote for changing a subscription to a requested target at an instant: every line
 * explained, due now, the credit balance, what is scheduled, the next bill and the documents
 * confirming would issue; or every reason it cannot be quoted.
 */
export function quoteChange(input: QuoteInput): QuoteResult {
  const { catalog, subscription, actor, request, now } = input;
  const errors: QuoteError[] = [
    ...changeBlockers(catalog, subscription, actor).map((blocker) => ({ ...blocker, field: null })),
    ...validateRequest(catalog, subscription, request),
  ];
  if (errors.length > 0) return { ok: false, errors };
  const period = currentPeriod(subscription);
  if (now >= period.end) return { ok: false, errors: [{ reason: 'renewal_due', periodEnd: period.end, field: null }] };
  if (now < period.start) {
    return { ok: false, errors: [{ reason: 'instant_before_period', periodStart: period.start, field: null }] };
  }
  try {
    return { ok: true, quote: priceQuote(input, period) };
  } catch (error) {
    if (error instanceof MoneyError && error.code === 'amount_not_safe_integer') {
      return { ok: false, errors: [{ reason: 'amount_out_of_range', field: null }] };
    }
    throw error;
  }
}
