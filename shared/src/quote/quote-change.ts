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
import type { Actor, ScheduledTargetChange, Subscription, TargetState } from '../subscription/subscription';
import { withChanges } from '../subscription/subscription-items';
import { currentPeriod, currentTarget } from '../subscription/subscription-state';
import { describeChanges } from './describe-changes';
import { priceNewInterval, priceNewPeriod, priceWithinPeriod } from './price-now';
import type {
  ChangeDescriptor,
  NextBill,
  NoChangeReason,
  Quote,
  QuoteError,
  QuoteResult,
  SubscriptionAfter,
} from './quote';
import { restartChanges } from './restart-changes';
import { type ChangeSplit, splitChange } from './split-change';

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
  pending: ScheduledTargetChange | null,
  lineCount: number,
) {
  if (lineCount > 0 || !sameTarget(immediate, currentTarget(subscription))) return null;
  const held = subscription.pendingChange;
  if (!held && !pending) return { reason: 'same_as_current' as NoChangeReason };
  if (held?.kind === 'change' && pending && sameTarget(held.target, pending.target))
    return { reason: 'same_as_scheduled' as NoChangeReason };
  // A scheduled cancellation replaced by the subscription as it is: confirming resumes it.
  return null;
}

function needsManualProvisioning(catalog: Catalog, changes: readonly ChangeDescriptor[]): boolean {
  return changes.some((change) => {
    if (change.kind === 'plan_change') return findPlan(catalog, change.toPlanId)?.needsManualProvisioning === true;
    if (change.kind === 'restart') return findPlan(catalog, change.planId)?.needsManualProvisioning === true;
    if (change.kind === 'add_on_change' && change.direction === 'increase') {
      return findAddOn(catalog, change.addOnId)?.needsManualProvisioning === true;
    }
    return false;
  });
}

function nextBillAfter(catalog: Catalog, subscription: Subscription, ending: Period): NextBill {
  const planned = planRenewal(catalog, subscription, ending);
  // Every item of a validated target is priced, so its renewal is too.
  // (and a quote's `after` never holds a cancellation).
  if (!planned.ok) throw new Error(`renewal cannot be planned: ${planned.reason}`);
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
  // An ended subscription starts again: the whole target now, for a new period at full price.
  const restart = subscription.status === 'canceled';
  const split: ChangeSplit = restart
    ? { immediate: target, scheduled: null, intervalChangesNow: true }
    : splitChange(catalog, subscription, target);
  const priced = restart
    ? priceNewPeriod(catalog, subscription, target, now)
    : split.intervalChangesNow
      ? priceNewInterval(catalog, subscription, period, target, now)
      : priceWithinPeriod(catalog, subscription, period, split.immediate, now);
  const settlement = settleChange(
    priced.lines,
    subscription.currency,
    subscription.creditBalance,
    catalog.policies.creditBehaviour,
  );
  const periodAfter = split.intervalChangesNow ? periodAt(now, target.interval, 0) : period;
  const pendingChange: ScheduledTargetChange | null = split.scheduled
    ? { kind: 'change', effectiveAt: periodAfter.end, target: split.scheduled }
    : null;
  const after: SubscriptionAfter = {
    status: restart ? 'active' : subscription.status,
    interval: priced.schedule.interval,
    anchor: priced.schedule.anchor,
    periodIndex: priced.schedule.periodIndex,
    plan: priced.plan,
    addOns: priced.addOns,
    pendingChange,
    creditBalance: settlement.creditBalance.after.amount,
  };
  const nowChanges = restart
    ? restartChanges(target)
    : describeChanges(catalog, subscription, currentTarget(subscription), split.immediate);
  return {
    quotedAt: now,
    currency: subscription.currency,
    target,
    noChange: restart ? null : noChangeReason(subscription, split.immediate, pendingChange, priced.lines.length),
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
 * confirming would issue; or every reason it cannot be quoted. For an ended (canceled)
 * subscription it is the quote for starting again: a new period from `now` at full price.
 */
export function quoteChange(input: QuoteInput): QuoteResult {
  const { catalog, subscription, actor, request, now } = input;
  const errors: QuoteError[] = [
    ...changeBlockers(catalog, subscription, actor).map((blocker) => ({ ...blocker, field: null })),
    ...validateRequest(catalog, subscription, request),
  ];
  if (errors.length > 0) return { ok: false, errors };
  const period = currentPeriod(subscription);
  // An ended subscription has no running period: a restart starts a new one at `now`.
  const running = subscription.status !== 'canceled';
  if (running && now >= period.end) {
    return { ok: false, errors: [{ reason: 'renewal_due', periodEnd: period.end, field: null }] };
  }
  if (running && now < period.start) {
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
