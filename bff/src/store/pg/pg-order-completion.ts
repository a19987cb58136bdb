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
import { type PgContext, readSeller } from './pg-context';
import { keyRow } from './pg-order-rows';

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
  const response = respond(issued);
  await writeOrderEnd(tx, change, rows, response);
  await ctx.claims.release(tx, order.subscriptionId, orderHolder(order.id));
  return { kind: 'completed', response };
}

/**
 * The rows a completed order ends with, after its documents, in ONE statement: each write a
 * data-modifying CTE (none reads another's rows; the constraints are checked at its end). Made
 * one by one they were seven round trips, and each round trip costs the BFF more CPU than the
 * database's work (docs/decisions/033). Writes what SQLite's writeCompletedOrder writes with
 * finishKey, endOrderChallenge, queueEmail and audit.
 */
const ORDER_END = {
  name: 'order-end-rows',
  text: `with
    payment as (
      insert into payments (id, account_id, order_id, invoice_id, payment_attempt_id, amount, currency, status, charge_id, created_at)
      select $1::text, $2::text, $3::text, $4::text, $5::text, $6::bigint, $7::text, 'succeeded', $8::text, $9::bigint
      where $1::text is not null),
    confirmed as (
      insert into confirmed_changes (id, order_id, account_id, subscription_id, applied_now, scheduled_change_id,
        provisioning, active_entitlements, confirmed_at)
      values ($10, $3, $2, $11, $12, $13, $14, $15, $9)),
    ordered as (update orders set status = 'succeeded', completed_at = $9 where id = $3),
    mail as (
      insert into outbox (id, account_id, kind, recipient, payload, created_at, attempts, next_attempt_at)
      values ($16, $2, $17, $18, $19, $9, 0, $9)),
    audited as (
      insert into audit_events (account_id, user_id, action, subject_type, subject_id, data, at)
      values ($2, $20, $21, $22, $23, $24, $9)),
    keyed as (
      update idempotency_keys set state = 'completed', response_status = $25, response_body = $26
      where account_id = $2 and key = $27),
    challenge as (update payment_challenges set status = 'succeeded', ended_at = $9 where order_id = $3 and status = 'open')
  select 1`,
};

async function writeOrderEnd(
  tx: Conn,
  { order, at }: ChangeSet,
  { payment, confirmedChange: confirmed, email, audit }: ReturnType<typeof completedOrderRows>,
  response: StoredResponse,
): Promise<void> {
  const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
  await tx.$client.query({
    ...ORDER_END,
    values: [
      payment?.id ?? null,
      order.accountId,
      order.id,
      payment?.invoiceId ?? null,
      payment?.paymentAttemptId ?? null,
      payment?.amount ?? null,
      payment?.currency ?? null,
      payment?.chargeId ?? null,
      at,
      confirmed.id,
      confirmed.subscriptionId,
      json(confirmed.appliedNow),
      confirmed.scheduledChangeId ?? null,
      confirmed.provisioning,
      json(confirmed.activeEntitlements),
      uuidV7(),
      email.kind,
      email.recipient,
      json(email.payload),
      audit.userId,
      audit.action,
      audit.subjectType,
      audit.subjectId,
      json(audit.data),
      response.status,
      JSON.stringify(response.body),
      order.idempotencyKey,
    ],
  });
}
