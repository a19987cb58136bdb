import { and, eq } from 'drizzle-orm';
import * as t from '../../db/schema';
import { uuidV7 } from '../../ids';
import { billingDetailsOf } from '../account-billing-details';
import type { CompleteOrderResult } from '../order-repository';
import type { AccountRecord, ChangeSet, IssuedDocuments, StoredResponse } from '../records';
import { accountRecord } from './billing-state-rows';
import { endOrderChallenge } from './challenge-rows';
import { orderHolder } from './claim-rows';
import type { Conn } from './connection';
import type { NewDocument } from './document-rows';
import { finishKey, keyRow, storedResponse } from './order-rows';
import type { AuditRow, OutboxRow } from './row-writer';
import type { SqliteContext } from './sqlite-context';

/**
 * Records a paid (or free) change in the transaction `tx`: the subscription, its scheduled
 * change, the documents, the credit ledger, the payment, the confirmed change, the e-mail and
 * the audit, the key's answer, and the release of the order's claim — all or nothing.
 */
export function writeCompletedOrder(
  ctx: SqliteContext,
  tx: Conn,
  change: ChangeSet,
  respond: (issued: IssuedDocuments) => StoredResponse,
): CompleteOrderResult {
  const { order, at } = change;
  const { prepared } = ctx;
  const current = prepared.find(t.orders, { id: order.id });
  if (current?.status !== 'pending') {
    // Finished meanwhile (by recovery, or a concurrent retry): replay what it answered.
    const key = keyRow(prepared, order);
    const replay = key && storedResponse(key);
    return replay ? { kind: 'completed', response: replay } : { kind: 'moved' };
  }
  // Claims keep other writers off the subscription; this is the last line of defence.
  if (!ctx.rows.writeSubscription(change.subscription, order.subscriptionVersion)) return { kind: 'moved' };
  const accountRow = prepared.find(t.accounts, { id: order.accountId });
  if (!accountRow) throw new Error(`order ${order.id} has no account`);
  const account = accountRecord(accountRow, null);
  const seller = ctx.seller();

  let scheduledChangeId: string | null = null;
  if (change.endsPendingChange) {
    // Whichever waits for the period end, a scheduled change or a cancellation: this change replaces it.
    tx.update(t.scheduledChanges)
      .set({ status: 'replaced', endedAt: at })
      .where(and(eq(t.scheduledChanges.subscriptionId, order.subscriptionId), eq(t.scheduledChanges.status, 'pending')))
      .run();
    tx.update(t.subscriptionCancellations)
      .set({ status: 'replaced', endedAt: at, endedByUserId: order.userId })
      .where(
        and(
          eq(t.subscriptionCancellations.subscriptionId, order.subscriptionId),
          eq(t.subscriptionCancellations.status, 'pending'),
        ),
      )
      .run();
  }
  if (change.scheduled) {
    scheduledChangeId = change.scheduled.id;
    tx.insert(t.scheduledChanges)
      .values({
        ...change.scheduled,
        subscriptionId: order.subscriptionId,
        status: 'pending',
        createdAt: at,
        createdByUserId: order.userId,
      })
      .run();
  }

  const common = {
    accountId: order.accountId,
    subscriptionId: order.subscriptionId,
    orderId: order.id,
    seller,
    customer: billingDetailsOf(account),
    locale: account.locale,
    issuedAt: at,
    itemNames: change.itemNames,
  };
  const creditNoteId = change.creditNote ? uuidV7() : null;
  const invoiceId = change.invoice ? uuidV7() : null;
  const issued: { creditNote: IssuedDocuments['creditNote']; invoice: IssuedDocuments['invoice'] } = {
    creditNote: null,
    invoice: null,
  };
  const issue = (id: string, relatedDocumentId: string | null, amounts: DocumentAmounts) =>
    ctx.rows.issueDocument({ ...common, ...amounts, id, reason: 'change', relatedDocumentId });
  if (change.creditNote && creditNoteId) {
    issued.creditNote = issue(creditNoteId, invoiceId, creditNoteAmounts(change.creditNote));
  }
  if (change.invoice && invoiceId) issued.invoice = issue(invoiceId, creditNoteId, invoiceAmounts(change.invoice));

  const ledger = (amount: number, reason: 'credit_note' | 'applied_to_invoice', documentId: string | null) =>
    prepared.insert(t.creditLedger, {
      accountId: order.accountId,
      amount,
      currency: order.currency,
      reason,
      documentId,
      createdAt: at,
    });
  if (change.creditApplied > 0) ledger(-change.creditApplied, 'applied_to_invoice', invoiceId);
  if (change.creditAdded > 0) ledger(change.creditAdded, 'credit_note', creditNoteId);

  const rows = completedOrderRows(change, account, { invoiceId, creditNoteId, scheduledChangeId }, issued);
  if (rows.payment) prepared.insert(t.payments, rows.payment);
  prepared.insert(t.confirmedChanges, rows.confirmedChange);
  prepared.update(t.orders, { status: 'succeeded', completedAt: at }, { id: order.id });
  ctx.rows.queueEmail(rows.email);
  ctx.rows.audit(rows.audit);

  const response = respond(issued);
  finishKey(prepared, order, response);
  endOrderChallenge(prepared, order.id, 'succeeded', at);
  ctx.claims.release(order.subscriptionId, orderHolder(order.id));
  return { kind: 'completed', response };
}

export type DocumentAmounts = Pick<
  NewDocument,
  'kind' | 'currency' | 'total' | 'creditNoteApplied' | 'creditBalanceApplied' | 'forfeited' | 'amountDue' | 'lines'
>;

/** The engine names a credit note's amounts by what became of them; the documents table by their role. */
export const creditNoteAmounts = (cn: NonNullable<ChangeSet['creditNote']>): DocumentAmounts => ({
  kind: 'credit_note',
  currency: cn.currency,
  total: cn.total.amount,
  creditNoteApplied: cn.appliedToInvoice.amount,
  creditBalanceApplied: cn.addedToCreditBalance.amount,
  forfeited: cn.forfeited.amount,
  amountDue: 0,
  lines: cn.lines,
});

export const invoiceAmounts = (inv: NonNullable<ChangeSet['invoice']>): DocumentAmounts => ({
  kind: 'invoice',
  currency: inv.currency,
  total: inv.total.amount,
  creditNoteApplied: inv.creditNoteApplied.amount,
  creditBalanceApplied: inv.creditBalanceApplied.amount,
  forfeited: 0,
  amountDue: inv.amountDue.amount,
  lines: inv.lines,
});

/**
 * What a completed order records besides its documents and credit (both dialects insert these):
 * the payment (when charged), the confirmed change, the e-mail and the audit event.
 */
export function completedOrderRows(
  { order, at, ...change }: ChangeSet,
  account: Pick<AccountRecord, 'billingEmail' | 'locale'>,
  ids: Readonly<{ invoiceId: string | null; creditNoteId: string | null; scheduledChangeId: string | null }>,
  issued: Readonly<{ creditNote: IssuedDocuments['creditNote']; invoice: IssuedDocuments['invoice'] }>,
) {
  const { invoiceId, creditNoteId, scheduledChangeId } = ids;
  const payment: typeof t.payments.$inferInsert | null = change.payment && {
    id: uuidV7(),
    accountId: order.accountId,
    orderId: order.id,
    invoiceId,
    paymentAttemptId: order.paymentAttemptId,
    amount: change.payment.amount,
    currency: order.currency,
    status: 'succeeded',
    chargeId: change.payment.chargeId,
    createdAt: at,
  };
  const confirmedChange: typeof t.confirmedChanges.$inferInsert = {
    id: change.changeId,
    orderId: order.id,
    accountId: order.accountId,
    subscriptionId: order.subscriptionId,
    appliedNow: change.appliedNow,
    scheduledChangeId,
    provisioning: change.provisioning,
    activeEntitlements: change.activeEntitlements,
    confirmedAt: at,
  };
  const email: OutboxRow = {
    accountId: order.accountId,
    kind: 'change_confirmed',
    recipient: account.billingEmail,
    payload: { changeId: change.changeId, invoiceId, creditNoteId, locale: account.locale },
    at,
  };
  const audit: AuditRow = {
    accountId: order.accountId,
    userId: order.userId,
    action: 'subscription.change_confirmed',
    subjectType: 'subscription',
    subjectId: order.subscriptionId,
    data: {
      orderId: order.id,
      quoteId: order.quoteId,
      appliedNow: change.appliedNow,
      scheduledChangeId,
      invoice: issued.invoice?.number ?? null,
      creditNote: issued.creditNote?.number ?? null,
      charged: change.payment?.amount ?? 0,
    },
    at,
  };
  return { payment, confirmedChange, email, audit };
}
