import { and, eq } from 'drizzle-orm';
import * as t from '../../db/schema';
import type { CancellationRepository, CancellationWriter } from '../cancellation-repository';
import type { Conn } from './connection';
import type { SqliteContext } from './sqlite-context';

/** What a write tells: the customer (an e-mail, to the billing address, in the account's language) and the audit. */
type Told = Readonly<{ email: string; payload: Readonly<Record<string, unknown>>; audit: string; data: unknown }>;

export class SqliteCancellations implements CancellationRepository {
  constructor(private readonly ctx: SqliteContext) {}

  async schedule(input: Parameters<CancellationRepository['schedule']>[0]) {
    const { cancellation, at } = input;
    const written = this.#write(input, (tx, subscriptionId) => {
      const replaced = tx
        .update(t.scheduledChanges)
        .set({ status: 'replaced', endedAt: at })
        .where(and(eq(t.scheduledChanges.subscriptionId, subscriptionId), eq(t.scheduledChanges.status, 'pending')))
        .returning({ id: t.scheduledChanges.id })
        .all();
      tx.insert(t.subscriptionCancellations)
        .values({
          ...cancellation,
          subscriptionId,
          status: 'pending',
          createdAt: at,
          createdByUserId: input.userId,
        })
        .run();
      return {
        email: 'cancellation_scheduled',
        payload: { effectiveAt: cancellation.effectiveAt },
        audit: 'subscription.cancellation_scheduled',
        data: {
          cancellationId: cancellation.id,
          effectiveAt: cancellation.effectiveAt,
          reason: cancellation.reason,
          replacedScheduledChange: replaced[0]?.id ?? null,
        },
      };
    });
    return written === 'written' ? ('scheduled' as const) : written;
  }

  async resume(input: Parameters<CancellationRepository['resume']>[0]) {
    const written = this.#write(input, (tx) => {
      const resumed = tx
        .update(t.subscriptionCancellations)
        .set({ status: 'resumed', endedAt: input.at, endedByUserId: input.userId })
        .where(
          and(
            eq(t.subscriptionCancellations.id, input.cancellationId),
            eq(t.subscriptionCancellations.status, 'pending'),
          ),
        )
        .returning({ effectiveAt: t.subscriptionCancellations.effectiveAt })
        .get();
      // Not pending at the version the engine read: nothing was written, as for any moved subscription.
      if (!resumed) return 'stale';
      return {
        email: 'cancellation_resumed',
        payload: { renewsAt: resumed.effectiveAt },
        audit: 'subscription.cancellation_resumed',
        data: { cancellationId: input.cancellationId },
      };
    });
    return written === 'written' ? ('resumed' as const) : written;
  }

  /**
   * One writer per subscription (docs/decisions/006), in one transaction: writes only if the
   * subscription is still at the version the engine decided from and no claim holds it; then
   * queues the e-mail, records the audit event and bumps the version, so that every quote priced
   * before is stale.
   */
  #write(
    input: CancellationWriter,
    work: (tx: Conn, subscriptionId: string) => Told | 'stale',
  ): 'written' | 'stale' | 'busy' {
    return this.ctx.write([input.accountId], (tx) => {
      const sub = tx.select().from(t.subscriptions).where(eq(t.subscriptions.accountId, input.accountId)).get();
      const account = tx.select().from(t.accounts).where(eq(t.accounts.id, input.accountId)).get();
      if (!sub || !account || sub.version !== input.expectedVersion) return 'stale';
      if (!this.ctx.claims.isFree(sub.id)) return 'busy';
      const told = work(tx, sub.id);
      if (told === 'stale') return told;
      const { accountId, userId, at } = input;
      this.ctx.rows.queueEmail({
        accountId,
        kind: told.email,
        recipient: account.billingEmail,
        payload: { ...told.payload, locale: account.locale },
        at,
      });
      this.ctx.rows.audit({
        accountId,
        userId,
        action: told.audit,
        subjectType: 'subscription',
        subjectId: sub.id,
        data: told.data,
        at,
      });
      tx.update(t.subscriptions)
        .set({ version: sub.version + 1 })
        .where(eq(t.subscriptions.id, sub.id))
        .run();
      return 'written';
    });
  }
}
