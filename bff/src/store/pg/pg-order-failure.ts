import type { Instant } from '@planshift/shared/periods';
import { and, eq } from 'drizzle-orm';
import * as t from '../../db/pg-schema';
import { uuidV7 } from '../../ids';
import type { FailOrderInput } from '../order-repository';
import type { OrderRecord } from '../records';
import { orderHolder } from '../sqlite/claim-rows';
import type { Conn } from './connection';
import { endOrderChallenge } from './pg-challenge-rows';
import type { PgContext } from './pg-context';
import { finishKey } from './pg-order-rows';

/**
 * Records, in the transaction `tx`, an order that did not change the subscription, releasing its
 * claim (SQLite's writeFailedOrder): declined, not applied (refunded), or undone when the charge
 * never reached the provider.
 */
export async function writeFailedOrder(
  ctx: PgContext,
  tx: Conn,
  { order, at, outcome, response }: FailOrderInput,
): Promise<void> {
  await ctx.claims.release(tx, order.subscriptionId, orderHolder(order.id));
  const keyWhere = and(
    eq(t.idempotencyKeys.accountId, order.accountId),
    eq(t.idempotencyKeys.key, order.idempotencyKey),
  );
  if (!outcome || !response) {
    // Nothing reached the provider: undo the claim, so that a retry with the key starts afresh.
    await tx.delete(t.paymentChallenges).where(eq(t.paymentChallenges.orderId, order.id));
    await tx.delete(t.idempotencyKeys).where(keyWhere);
    await tx.delete(t.orders).where(and(eq(t.orders.id, order.id), eq(t.orders.status, 'pending')));
    return;
  }
  const notApplied = outcome.kind === 'not_applied';
  const updated = await tx
    .update(t.orders)
    .set({
      status: 'failed',
      failure: notApplied ? outcome.reason : outcome.declineCode,
      refundId: notApplied ? outcome.refundId : null,
      completedAt: at,
    })
    .where(and(eq(t.orders.id, order.id), eq(t.orders.status, 'pending')));
  if (updated.rowCount !== 1) return;
  await finishKey(tx, order, response);
  // The challenge (if the bank asked for one) ends with the order: the authentication passed when a
  // captured charge was refunded, refused or unanswered when the order was declined for it.
  await endOrderChallenge(
    tx,
    order.id,
    notApplied ? 'succeeded' : outcome.declineCode === 'authentication_expired' ? 'expired' : 'failed',
    at,
  );
  if (notApplied) {
    await recordNotApplied(ctx, tx, order, outcome, at);
    return;
  }
  await tx.insert(t.payments).values({
    id: uuidV7(),
    accountId: order.accountId,
    orderId: order.id,
    paymentAttemptId: order.paymentAttemptId,
    amount: order.amount,
    currency: order.currency,
    status: 'failed',
    declineCode: outcome.declineCode,
    createdAt: at,
  });
}

/** Audited; when money was captured, the customer is told why the change did not happen and that it went back. */
async function recordNotApplied(
  ctx: PgContext,
  tx: Conn,
  order: OrderRecord,
  outcome: Readonly<{ refundId: string | null; reason: string }>,
  at: Instant,
): Promise<void> {
  const [account] = await tx.select().from(t.accounts).where(eq(t.accounts.id, order.accountId));
  if (!account) return;
  const payload = {
    orderId: order.id,
    amount: order.amount,
    currency: order.currency,
    reason: outcome.reason,
    locale: account.locale,
  };
  if (outcome.refundId) {
    await ctx.rows.queueEmail(tx, {
      accountId: order.accountId,
      kind: 'change_refunded',
      recipient: account.billingEmail,
      payload,
      at,
    });
  }
  await ctx.rows.audit(tx, {
    accountId: order.accountId,
    userId: order.userId,
    action: 'subscription.change_not_applied',
    subjectType: 'subscription',
    subjectId: order.subscriptionId,
    data: { ...payload, refundId: outcome.refundId, paymentAttemptId: order.paymentAttemptId },
    at,
  });
}
