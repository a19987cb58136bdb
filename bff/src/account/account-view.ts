import type { Locale } from '@planshift/shared/account';
import type { AccountView, DocumentSummaryView } from '@planshift/shared/api';
import { planRenewal } from '@planshift/shared/apply';
import { type Catalog, entitlementsFor, findAddOn, findPlan, type Named, nameIn } from '@planshift/shared/catalog';
import { renewalInvoice } from '@planshift/shared/documents';
import { changeBlockers } from '@planshift/shared/eligibility';
import { money } from '@planshift/shared/money';
import type { ChangeDescriptor } from '@planshift/shared/quote';
import type { TargetState } from '@planshift/shared/subscription';
import { currentPeriod, pricePerCycle, pricePerCycleParts } from '@planshift/shared/subscription';
import { cancellationView } from '../cancellation/cancellation-view';
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
  const group = catalog.groups.find((g) => g.id === plan?.group);
  const inAccountLanguage = (entry: Named | undefined, id: string) => (entry ? nameIn(entry, account.locale) : id);
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
        name: inAccountLanguage(plan, subscription.plan.planId),
        group: plan?.group ?? null,
        groupName: group ? nameIn(group, account.locale) : null,
        pricing: plan?.pricing ?? 'per_seat',
        unitAmount: m(subscription.plan.unitAmount),
      },
      interval: subscription.interval,
      quantity: subscription.plan.quantity,
      addOns: subscription.addOns.map((item) => ({
        id: item.addOnId,
        name: inAccountLanguage(findAddOn(catalog.catalog, item.addOnId), item.addOnId),
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
    catalogNames: {
      plans: catalog.catalog.plans.map(namedEntry),
      addOns: catalog.catalog.addOns.map(namedEntry),
      groups: catalog.groups.map(namedEntry),
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
      names: catalogNames(catalog.catalog, account.locale, state.scheduledChange.target, state.scheduledChange.changes),
    },
    provisioningPending: state.pendingProvisioning !== null,
    entitlementsOnProvisioning: state.pendingProvisioning ? subscribed : null,
    unpaidInvoices: subscription.unpaidInvoices,
    change: { possible: blockers.length === 0, blockers },
    cancellation: state.cancellation && cancellationView(state.cancellation),
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
    paidAt: doc.paidAt,
    relatedDocumentId: doc.relatedDocumentId,
  };
}

/** An entry's names, without the rest of it. */
const namedEntry = ({ id, name, names }: Named & Readonly<{ id: string }>) => ({ id, name, names: names ?? {} });

/** Names, in the account's language, of every plan and add-on a scheduled change mentions. */
function catalogNames(catalog: Catalog, locale: Locale, target: TargetState, changes: readonly ChangeDescriptor[]) {
  const plans = new Set([target.planId]);
  const addOns = new Set(target.addOns.map((item) => item.addOnId));
  for (const change of changes) {
    if (change.kind === 'plan_change') plans.add(change.fromPlanId).add(change.toPlanId);
    if (change.kind === 'restart') plans.add(change.planId);
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
    plans: named(plans, (id) => {
      const plan = findPlan(catalog, id);
      return plan && nameIn(plan, locale);
    }),
    addOns: named(addOns, (id) => {
      const addOn = findAddOn(catalog, id);
      return addOn && nameIn(addOn, locale);
    }),
  };
}
