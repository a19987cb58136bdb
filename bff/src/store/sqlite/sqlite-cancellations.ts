import { and, eq } from 'drizzle-orm';
import * as t from '../../db/schema';
import type { CancellationRepository, CancellationWriter } from '../cancellation-repository';
import type { Conn } from './connection';
import type { SqliteContext } from './sqlite-context';

type Subscription = typeof t.subscriptions.$inferSelect;
type Account = typeof t.accounts.$inferSelect;

export class SqliteCancellations implements CancellationRepository {
  constructor(private readonly ctx: SqliteContext) {}

  async schedule(input: Parameters<CancellationRepository['schedule']>[0]) {
    return this.#write(input, (tx, sub, account) => {
      const { cancellation, at } = input;
      const replaced = tx
        .update(t.scheduledChanges)
        .set({ status: 'replaced', endedAt: at })
        .where(and(eq(t.scheduledChanges.subscriptionId, sub.id), eq(t.scheduledChanges.status, 'pending')))
        .returning({ id: t.scheduledChanges.id })
        .all();
      tx.insert(t.subscriptionCancellations)
        .values({
          id: cancellation.id,
          subscriptionId: sub.id,
          effectiveAt: cancellation.effectiveAt,
          reason: cancellation.reason,
          comment: cancellation.comment,
          status: 'pending',
          createdAt: at,
          createdByUserId: input.userId,
        })
        .run();
      this.ctx.rows.queueEmail({
        accountId: account.id,
        kind: 'cancellation_scheduled',
        recipient: account.billingEmail,
        payload: { effectiveAt: cancellation.effectiveAt, locale: account.locale },
        at,
      });
      this.ctx.rows.audit({
        accountId: account.id,
        userId: input.userId,
        action: 'subscription.cancellation_scheduled',
        subjectType: 'subscription',
        subjectId: sub.id,
        data: {
          cancellationId: cancellation.id,
          effectiveAt: cancellation.effectiveAt,
          reason: cancellation.reason,
          replacedScheduledChange: replaced[0]?.id ?? null,
        },
        at,
      });
      return 'scheduled' as const;
    });
  }

  async resume(input: Parameters<CancellationRepository['resume']>[0]) {
    return this.#write(input, (tx, sub, account) => {
      const { at } = input;
      const resumed = tx
        .update(t.subscriptionCancellations)
        .set({ status: 'resumed', endedAt: at, endedByUserId: input.userId })
        .where(
          and(
            eq(t.subscriptionCancellations.id, input.cancellationId),
            eq(t.subscriptionCancellations.status, 'pending'),
          ),
        )
        .returning({ effectiveAt: t.subscriptionCancellations.effectiveAt })
        .get();
      // Not pending at the version the engine read: nothing was written, as for any moved subscription.
      if (!resumed) return 'stale' as const;
      this.ctx.rows.queueEmail({
        accountId: account.id,
        kind: 'cancellation_resumed',
        recipient: account.billingEmail,
        payload: { renewsAt: resumed.effectiveAt, locale: account.locale },
        at,
      });
      this.ctx.rows.audit({
        accountId: account.id,
        userId: input.userId,
        action: 'subscription.cancellation_resumed',
        subjectType: 'subscription',
        subjectId: sub.id,
        data: { cancellationId: input.cancellationId },
        at,
      });
      return 'resumed' as const;
    });
  }

  /**
   * One writer per subscription (docs/decisions/006): writes only if the subscription is still at
   * the version the engine decided from and no claim holds it, and bumps the version so that every
   * quote priced before is stale.
   */
  #write<R extends string>(
    input: CancellationWriter,
    work: (tx: Conn, sub: Subscription, account: Account) => R | 'stale',
  ): Promise<R | 'stale' | 'busy'> {
    return Promise.resolve(
      this.ctx.write([input.accountId], (tx) => {
        const sub = tx.select().from(t.subscriptions).where(eq(t.subscriptions.accountId, input.accountId)).get();
        const account = tx.select().from(t.accounts).where(eq(t.accounts.id, input.accountId)).get();
        if (!sub || !account || sub.version !== input.expectedVersion) return 'stale' as const;
        if (!this.ctx.claims.isFree(sub.id)) return 'busy' as const;
        const result = work(tx, sub, account);
        if (result === 'stale') return result;
        tx.update(t.subscriptions)
          .set({ version: sub.version + 1 })
          .where(eq(t.subscriptions.id, sub.id))
          .run();
        return result;
      }),
    );
  }
}
