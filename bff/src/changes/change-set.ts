import type { ConfirmationView, IssuedDocumentView } from '@planshift/shared/api';
import { applyQuote } from '@planshift/shared/apply';
import { entitlementsFor, itemNames } from '@planshift/shared/catalog';
import type { Instant } from '@planshift/shared/periods';
import type { Quote } from '@planshift/shared/quote';
import type { BillingState, ChangeSet, IssuedDocuments, OrderRecord, StoredResponse } from '../store/records';

/** Everything confirming `quote` does, as the engine decided it, ready for the store to write at once. */
export function changeSetFor(
  state: BillingState,
  quote: Quote,
  order: OrderRecord,
  payment: Readonly<{ chargeId: string; amount: number }> | null,
  at: Instant,
): ChangeSet {
  const applied = applyQuote(state.subscription, quote);
  if (!applied.ok) throw new Error('a quote that changes nothing cannot be confirmed');
  return {
    order,
    at,
    subscription: applied.subscription,
    scheduled: quote.scheduled && {
      id: crypto.randomUUID(),
      effectiveAt: quote.scheduled.effectiveAt,
      target: quote.scheduled.target,
      changes: quote.scheduled.changes,
    },
    endsPendingChange: quote.replacesPendingChange !== null,
    creditNote: quote.documents.creditNote,
    invoice: quote.documents.invoice,
    creditApplied: quote.creditBalance.applied.amount,
    creditAdded: quote.creditBalance.added.amount,
    payment,
    changeId: crypto.randomUUID(),
    provisioning: quote.provisioning === 'manual' ? 'pending' : 'automatic',
    // A change waiting for a person keeps what is in force now (or what an earlier pending one kept).
    activeEntitlements:
      quote.provisioning === 'manual'
        ? (state.pendingProvisioning?.activeEntitlements ??
          entitlementsFor(state.catalog.catalog, state.subscription.plan.planId, state.subscription.addOns))
        : null,
    appliedNow: quote.appliedNow,
    // New documents name their items in the account's language, as issued that day.
    itemNames: itemNames(state.catalog.catalog, state.account.locale),
  };
}

/** The confirmation the customer gets (and a retry replays): what changed, when, and the documents. */
export function confirmationResponse(change: ChangeSet, quote: Quote, issued: IssuedDocuments): StoredResponse {
  const doc = (
    ref: IssuedDocuments['invoice'],
    total: number | undefined,
    amountDue: number,
  ): IssuedDocumentView | null =>
    ref && total !== undefined
      ? {
          id: ref.id,
          number: ref.number,
          total: { amount: total, currency: quote.currency },
          amountDue: { amount: amountDue, currency: quote.currency },
        }
      : null;
  const body: ConfirmationView = {
    changeId: change.changeId,
    orderId: change.order.id,
    quoteId: change.order.quoteId,
    confirmedAt: change.at,
    appliedNow: quote.appliedNow,
    scheduled: quote.scheduled,
    replacedPendingChange: quote.replacesPendingChange,
    documents: {
      invoice: doc(
        issued.invoice,
        quote.documents.invoice?.total.amount,
        quote.documents.invoice?.amountDue.amount ?? 0,
      ),
      creditNote: doc(issued.creditNote, quote.documents.creditNote?.total.amount, 0),
    },
    charged: { amount: change.payment?.amount ?? 0, currency: quote.currency },
    creditBalance: quote.creditBalance,
    entitlements: quote.entitlements,
    nextBill: quote.nextBill,
    provisioning: change.provisioning,
  };
  return { status: 201, body };
}
