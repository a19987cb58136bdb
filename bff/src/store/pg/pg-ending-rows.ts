import { and, eq } from 'drizzle-orm';
import * as t from '../../db/pg-schema';
import type { EndingWrite } from '../sqlite/ending-rows';
import type { Conn } from './connection';
import type { PgContext } from './pg-context';

/**
 * Writes a subscription's end in the caller's transaction, which holds its account's lock
 * (SQLite's writeEnding): the subscription canceled (checked against the version it was read
 * at), its cancellation applied, the e-mail and the audit event. No invoice.
 */
export async function writeEnding(
  ctx: PgContext,
  tx: Conn,
  { state, ending, version, at }: EndingWrite,
): Promise<void> {
  const { account, subscription } = state;
  if (!(await ctx.rows.writeSubscription(tx, ending.subscription, version))) {
    throw new Error(`subscription ${subscription.id} changed during its period end`);
  }
  const cancellationId = state.cancellation?.status === 'pending' ? state.cancellation.id : null;
  if (cancellationId) {
    await tx
      .update(t.subscriptionCancellations)
      .set({ status: 'applied', endedAt: ending.endedAt })
      .where(
        and(eq(t.subscriptionCancellations.id, cancellationId), eq(t.subscriptionCancellations.status, 'pending')),
      );
  }
  await ctx.rows.queueEmail(tx, {
    accountId: account.id,
    kind: 'subscription_ended',
    recipient: account.billingEmail,
    payload: {
      endedAt: ending.endedAt,
      creditBalance: { amount: ending.subscription.creditBalance, currency: subscription.currency },
      locale: account.locale,
    },
    at,
  });
  await ctx.rows.audit(tx, {
    accountId: account.id,
    userId: null,
    action: 'subscription.ended',
    subjectType: 'subscription',
    subjectId: subscription.id,
    data: { cancellationId, endedAt: ending.endedAt },
    at,
  });
}
