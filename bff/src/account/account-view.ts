import type { AccountView, DocumentSummaryView } from '@planshift/shared/api';
import { planRenewal } from '@planshift/shared/apply';
import { type Catalog, entitlementsFor, findAddOn, findPlan } from '@planshift/shared/catalog';
import { renewalInvoice } from '@planshift/shared/documents';
import { changeBlockers } from '@planshift/shared/eligibility';
import { money } from '@planshift/shared/money';
import type { ChangeDescriptor } from '@planshift/shared/quote';
import type { TargetState } from '@planshift/shared/subscription';
import { currentPeriod, pricePerCycle, pricePerCycleParts } from '@planshift/shared/subscription';
import { canManageBilling } from '../session/sessions';
import type { BillingState, DocumentRecord, UserRecord } from '../store/records';

/** The account page's facts (product.md §1), all decided by the engine from the stored state. */
export function accountView(state: BillingState, user: UserRecord): AccountView {
  const { account, catalog, subscription } = state;
  const m = (amount: number) => money(amount, subscription.currency);
  const plan = findPlan(catalog.catalog, subscription.plan.planId);
  const renewal = planRenewal(catalog.catalog, subscription);
  const nextInvoice = renewal.ok
    ? renewalInvoice(renewal.renewal.lines, subscription.currency, subscription.creditBalance)
    : null;
  const blockers = changeBlockers(catalog.catalog, subscription, { canManageBilling: canManageBilling(user) });
  const { paymentMethod } = account;
  const subscribed = entitlementsFor(catalog.catalog, subscription.plan.planId, subscription.addOns);
  return {
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      canManageBilling: canManageBilling(user),
    },
    account: {
      id: account.id,
      name: account.name,
      currency: account.currency,
      locale: account.locale,
      billingEmail: account.billingEmail,
      billingAddress: account.billingAddress,
      paymentMethod: paymentMethod && {
        brand: paymentMethod.brand,
        last4: paymentMethod.last4,
        expMonth: paymentMethod.expMonth,
        expYear: paymentMethod.expYear,
      },
      creditBalance: m(subscription.creditBalance),
    },
    subscription: {
      id: subscription.id,
      status: subscription.status,
      signupAt: state.signupAt,
      plan: {
        id: subscription.plan.planId,
        name: plan?.name ?? subscription.plan.planId,
        group: plan?.group ?? null,
        groupName: catalog.groups.find((g) => g.id === plan?.group)?.name ?? null,
        pricing: plan?.pricing ?? 'per_seat',
        unitAmount: m(subscription.plan.unitAmount),
      },
      interval: subscription.interval,
      quantity: subscription.plan.quantity,
      addOns: subscription.addOns.map((item) => ({
        id: item.addOnId,
        name: findAddOn(catalog.catalog, item.addOnId)?.name ?? item.addOnId,
        quantity: item.quantity,
        unitAmount: m(item.unitAmount),
      })),
      pricePerCycle: m(pricePerCycle(subscription)),
      pricePerCycleParts: pricePerCycleParts(subscription).map((part) => ({
        type: part.item.type,
        id: part.item.id,
        name:
          (part.item.type === 'plan'
            ? findPlan(catalog.catalog, part.item.id)?.name
            : findAddOn(catalog.catalog, part.item.id)?.name) ?? part.item.id,
        quantity: part.quantity,
        unitAmount: m(part.unitAmount),
        amount: m(part.amount),
      })),
      currentPeriod: currentPeriod(subscription),
      nextBill:
        nextInvoice && renewal.ok
          ? {
              date: renewal.renewal.at,
              total: nextInvoice.total,
              creditApplied: nextInvoice.creditBalanceApplied,
              amountDue: nextInvoice.amountDue,
              lines: nextInvoice.lines,
            }
          : null,
      // What is in force: while a person has still to provision the change, the limits before it.
      entitlements: state.pendingProvisioning?.activeEntitlements ?? subscribed,
    },
    scheduledChange: state.scheduledChange && {
      id: state.scheduledChange.id,
      effectiveAt: state.scheduledChange.effectiveAt,
      target: state.scheduledChange.target,
      changes: state.scheduledChange.changes,
      entitlements: entitlementsFor(
        catalog.catalog,
        state.scheduledChange.target.planId,
        state.scheduledChange.target.addOns,
      ),
      names: catalogNames(catalog.catalog, state.scheduledChange.target, state.scheduledChange.changes),
    },
    provisioningPending: state.pendingProvisioning !== null,
    entitlementsOnProvisioning: state.pendingProvisioning ? subscribed : null,
    unpaidInvoices: subscription.unpaidInvoices,
    change: { possible: blockers.length === 0, blockers },
  };
}

/** A document in the history list: totals and what paid it, without its lines. */
export function documentSummary(doc: DocumentRecord): DocumentSummaryView {
  const m = (amount: number) => money(amount, doc.currency);
  return {
    id: doc.id,
    kind: doc.kind,
    reason: doc.reason,
    number: doc.number,
    issuedAt: doc.issuedAt,
    total: m(doc.total),
    amountDue: m(doc.amountDue),
    amountPaid: m(doc.amountPaid),
    status: doc.kind === 'credit_note' ? 'issued' : doc.amountPaid >= doc.amountDue ? 'paid' : 'unpaid',
    relatedDocumentId: doc.relatedDocumentId,
  };
}

/** Names for every plan and add-on a scheduled change mentions, so the page need not fetch the catalog. */
function catalogNames(catalog: Catalog, target: TargetState, changes: readonly ChangeDescriptor[]) {
  const plans = new Set([target.planId]);
  const addOns = new Set(target.addOns.map((item) => item.addOnId));
  for (const change of changes) {
    if (change.kind === 'plan_change') plans.add(change.fromPlanId).add(change.toPlanId);
    if (change.kind === 'quantity_change') plans.add(change.planId);
    if (change.kind === 'add_on_change') addOns.add(change.addOnId);
  }
  const named = (ids: Set<string>, name: (id: string) => string | undefined) =>
    Object.fromEntries(
      [...ids].flatMap((id) => {
        const found = name(id);
        return found === undefined ? [] : [[id, found]];
      }),
    );
  return {
    plans: named(plans, (id) => findPlan(catalog, id)?.name),
    addOns: named(addOns, (id) => findAddOn(catalog, id)?.name),
  };
}
