import type { Instant } from '@planshift/shared/periods';
import { and, eq } from 'drizzle-orm';
import * as t from '../../db/schema';
import { uuidV7 } from '../../ids';
import type { FailOrderInput } from '../order-repository';
import type { OrderRecord } from '../records';
import { endOrderChallenge } from './challenge-rows';
import { orderHolder } from './claim-rows';
import type { Conn } from './connection';
import { finishKey } from './order-rows';
import type { SqliteContext } from './sqlite-context';

/**
 * Records, in the transaction `tx`, an order that did not change the subscription, releasing its
 * claim: declined, not applied (refunded), or undone when the charge never reached the provider.
 */
export function writeFailedOrder(ctx: SqliteContext, tx: Conn, { order, at, outcome, response }: FailOrderInput): void {
  ctx.claims.release(order.subscriptionId, orderHolder(order.id));
  const keyWhere = and(
    eq(t.idempotencyKeys.accountId, order.accountId),
    eq(t.idempotencyKeys.key, order.idempotencyKey),
  );
  if (!outcome || !response) {
    // Nothing reached the provider: undo the claim, so that a retry with the key starts afresh.
    tx.delete(t.paymentChallenges).where(eq(t.paymentChallenges.orderId, order.id)).run();
    tx.delete(t.idempotencyKeys).where(keyWhere).run();
    tx.delete(t.orders)
      .where(and(eq(t.orders.id, order.id), eq(t.orders.status, 'pending')))
      .run();
    return;
  }
  const notApplied = outcome.kind === 'not_applied';
  const updated = tx
    .update(t.orders)
    .set({
      status: 'failed',
      failure: notApplied ? outcome.reason : outcome.declineCode,
      refundId: notApplied ? outcome.refundId : null,
      completedAt: at,
    })
    .where(and(eq(t.orders.id, order.id), eq(t.orders.status, 'pending')))
    .run();
  if (updated.changes !== 1) return;
  finishKey(ctx.prepared, order, response);
  // The challenge (if the bank asked for one) ends with the order: the authentication passed when a
  // captured charge was refunded, refused or unanswered when the order was declined for it.
  endOrderChallenge(
    ctx.prepared,
    order.id,
    notApplied ? 'succeeded' : outcome.declineCode === 'authentication_expired' ? 'expired' : 'failed',
    at,
  );
  if (notApplied) {
    recordNotApplied(ctx, tx, order, outcome, at);
    return;
  }
  tx.insert(t.payments)
    .values({
      id: uuidV7(),
      accountId: order.accountId,
      orderId: order.id,
      paymentAttemptId: order.paymentAttemptId,
      amount: order.amount,
      currency: order.currency,
      status: 'failed',
      declineCode: outcome.declineCode,
      createdAt: at,
    })
    .run();
}

/** Audited; when money was captured, the customer is told why the change did not happen and that it went back. */
function recordNotApplied(
  ctx: SqliteContext,
  tx: Conn,
  order: OrderRecord,
  outcome: Readonly<{ refundId: string | null; reason: string }>,
  at: Instant,
) {
  const account = tx.select().from(t.accounts).where(eq(t.accounts.id, order.accountId)).get();
  if (!account) return;
  const payload = {
    orderId: order.id,
    amount: order.amount,
    currency: order.currency,
    reason: outcome.reason,
    locale: account.locale,
  };
  if (outcome.refundId) {
    ctx.rows.queueEmail({
      accountId: order.accountId,
      kind: 'change_refunded',
      recipient: account.billingEmail,
      payload,
      at,
    });
  }
  ctx.rows.audit({
    accountId: order.accountId,
    userId: order.userId,
    action: 'subscription.change_not_applied',
    subjectType: 'subscription',
    subjectId: order.subscriptionId,
    data: { ...payload, refundId: outcome.refundId, paymentAttemptId: order.paymentAttemptId },
    at,
  });
}
