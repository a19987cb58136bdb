import { and, eq } from 'drizzle-orm';
import * as t from '../../db/pg-schema';
import { uuidV7 } from '../../ids';
import { billingDetailsOf } from '../account-billing-details';
import type { CompleteOrderResult } from '../order-repository';
import type { ChangeSet, IssuedDocuments, StoredResponse } from '../records';
import { accountRecord } from '../sqlite/billing-state-rows';
import { orderHolder } from '../sqlite/claim-rows';
import {
  completedOrderRows,
  creditNoteAmounts,
  type DocumentAmounts,
  invoiceAmounts,
} from '../sqlite/order-completion';
import { storedResponse } from '../sqlite/order-rows';
import type { Conn } from './connection';
import { endOrderChallenge } from './pg-challenge-rows';
import { type PgContext, readSeller } from './pg-context';
import { finishKey, keyRow } from './pg-order-rows';

/**
 * Records a paid (or free) change in the transaction `tx` (SQLite's writeCompletedOrder): the
 * subscription, its scheduled change, the documents, the credit ledger, the payment, the
 * confirmed change, the e-mail and the audit, the key's answer, and the release of the order's
 * claim — all or nothing. The caller's transaction holds the account's lock.
 */
export async function writeCompletedOrder(
  ctx: PgContext,
  tx: Conn,
  change: ChangeSet,
  respond: (issued: IssuedDocuments) => StoredResponse,
): Promise<CompleteOrderResult> {
  const { order, at } = change;
  const [current] = await tx.select().from(t.orders).where(eq(t.orders.id, order.id));
  if (current?.status !== 'pending') {
    // Finished meanwhile (by recovery, or a concurrent retry): replay what it answered.
    const key = await keyRow(tx, order);
    const replay = key && storedResponse(key);
    return replay ? { kind: 'completed', response: replay } : { kind: 'moved' };
  }
  // Claims keep other writers off the subscription; the version check is the last line of defence.
  if (!(await ctx.rows.writeSubscription(tx, change.subscription, order.subscriptionVersion))) return { kind: 'moved' };
  const [accountRow] = await tx.select().from(t.accounts).where(eq(t.accounts.id, order.accountId));
  if (!accountRow) throw new Error(`order ${order.id} has no account`);
  const account = accountRecord(accountRow, null);
  const seller = await readSeller(tx);

  let scheduledChangeId: string | null = null;
  if (change.endsPendingChange) {
    // Whichever waits for the period end, a scheduled change or a cancellation: this change replaces it.
    await tx
      .update(t.scheduledChanges)
      .set({ status: 'replaced', endedAt: at })
      .where(
        and(eq(t.scheduledChanges.subscriptionId, order.subscriptionId), eq(t.scheduledChanges.status, 'pending')),
      );
    await tx
      .update(t.subscriptionCancellations)
      .set({ status: 'replaced', endedAt: at, endedByUserId: order.userId })
      .where(
        and(
          eq(t.subscriptionCancellations.subscriptionId, order.subscriptionId),
          eq(t.subscriptionCancellations.status, 'pending'),
        ),
      );
  }
  if (change.scheduled) {
    scheduledChangeId = change.scheduled.id;
    await tx.insert(t.scheduledChanges).values({
      ...change.scheduled,
      subscriptionId: order.subscriptionId,
      status: 'pending',
      createdAt: at,
      createdByUserId: order.userId,
    });
  }

  const ledger = (amount: number, reason: 'credit_note' | 'applied_to_invoice', documentId: string | null) =>
    tx
      .insert(t.creditLedger)
      .values({ accountId: order.accountId, amount, currency: order.currency, reason, documentId, createdAt: at });
  const creditNoteId = change.creditNote ? uuidV7() : null;
  const invoiceId = change.invoice ? uuidV7() : null;

  // Issued before the ledger rows and the payment that name them; each locks its series' counter row until commit.
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
  const issued: { creditNote: IssuedDocuments['creditNote']; invoice: IssuedDocuments['invoice'] } = {
    creditNote: null,
    invoice: null,
  };
  const issue = (id: string, relatedDocumentId: string | null, amounts: DocumentAmounts) =>
    ctx.rows.issueDocument(tx, { ...common, ...amounts, id, reason: 'change', relatedDocumentId });
  if (change.creditNote && creditNoteId) {
    issued.creditNote = await issue(creditNoteId, invoiceId, creditNoteAmounts(change.creditNote));
  }
  if (change.invoice && invoiceId) {
    issued.invoice = await issue(invoiceId, creditNoteId, invoiceAmounts(change.invoice));
  }
  if (change.creditApplied > 0) await ledger(-change.creditApplied, 'applied_to_invoice', invoiceId);
  if (change.creditAdded > 0) await ledger(change.creditAdded, 'credit_note', creditNoteId);

  const rows = completedOrderRows(change, account, { invoiceId, creditNoteId, scheduledChangeId }, issued);
  if (rows.payment) await tx.insert(t.payments).values(rows.payment);
  await tx.insert(t.confirmedChanges).values(rows.confirmedChange);
  await tx.update(t.orders).set({ status: 'succeeded', completedAt: at }).where(eq(t.orders.id, order.id));
  await ctx.rows.queueEmail(tx, rows.email);
  await ctx.rows.audit(tx, rows.audit);

  const response = respond(issued);
  await finishKey(tx, order, response);
  await endOrderChallenge(tx, order.id, 'succeeded', at);
  await ctx.claims.release(tx, order.subscriptionId, orderHolder(order.id));
  return { kind: 'completed', response };
}
