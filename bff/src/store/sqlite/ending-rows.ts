import type { Ending } from '@planshift/shared/apply';
import type { Instant } from '@planshift/shared/periods';
import { and, eq } from 'drizzle-orm';
import * as t from '../../db/schema';
import type { BillingState } from '../records';
import type { Conn } from './connection';
import type { RowWriter } from './row-writer';

/** A subscription ended by its cancellation, ready to write: the engine's result and what it was decided from. */
export type EndingWrite = Readonly<{ state: BillingState; ending: Ending; version: number; at: Instant }>;

/**
 * Writes a subscription's end in the caller's transaction: the subscription canceled (checked
 * against the version it was read at), its cancellation applied, the e-mail and the audit event.
 * No invoice: nothing is billed after the end, and nothing is refunded.
 */
export function writeEnding(tx: Conn, { state, ending, version, at }: EndingWrite, rows: RowWriter): void {
  const { account, subscription } = state;
  if (!rows.writeSubscription(ending.subscription, version)) {
    throw new Error(`subscription ${subscription.id} changed during its period end`);
  }
  const cancellationId = state.cancellation?.status === 'pending' ? state.cancellation.id : null;
  if (cancellationId) {
    tx.update(t.subscriptionCancellations)
      .set({ status: 'applied', endedAt: ending.endedAt })
      .where(and(eq(t.subscriptionCancellations.id, cancellationId), eq(t.subscriptionCancellations.status, 'pending')))
      .run();
  }
  rows.queueEmail({
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
  rows.audit({
    accountId: account.id,
    userId: null,
    action: 'subscription.ended',
    subjectType: 'subscription',
    subjectId: subscription.id,
    data: { cancellationId, endedAt: ending.endedAt },
    at,
  });
}
