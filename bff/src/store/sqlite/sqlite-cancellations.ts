import type { Locale } from '@planshift/shared/account';
import { itemNames } from '@planshift/shared/catalog';
import type { ChangeDescriptor } from '@planshift/shared/quote';
import type { TargetState } from '@planshift/shared/subscription';
import { and, eq } from 'drizzle-orm';
import * as t from '../../db/schema';
import type { CancellationRepository, CancellationWriter } from '../cancellation-repository';
import { changeMail } from './change-mail';
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
          // Kept so that resuming brings it back.
          replacedScheduledChangeId: replaced[0]?.id ?? null,
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
    const written = this.#write(input, (tx, subscriptionId, account) => {
      const restoreId = input.restoreScheduledChangeId;
      const restoring = restoreId === null ? null : replacedChange(tx, subscriptionId, restoreId);
      // Not as the engine read it (the change gone, or another one waiting): nothing is written.
      if (restoreId !== null && !restoring) return 'stale';
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
      // The cancellation stops waiting first, then the change it replaced waits again: never both at once,
      // and the one-pending index of scheduled_changes holds (nothing else waits while a cancellation does).
      if (restoring) {
        tx.update(t.scheduledChanges)
          .set({ status: 'pending', endedAt: null })
          .where(and(eq(t.scheduledChanges.id, restoring.id), eq(t.scheduledChanges.status, 'replaced')))
          .run();
      }
      return {
        email: 'cancellation_resumed',
        payload: {
          renewsAt: resumed.effectiveAt,
          restoredChange: restoring ? this.#restoredMail(restoring, account) : null,
        },
        audit: 'subscription.cancellation_resumed',
        data: { cancellationId: input.cancellationId, restoredScheduledChange: restoring ? restoring.id : null },
      };
    });
    return written === 'written' ? ('resumed' as const) : written;
  }

  /** What the resume e-mail says is scheduled again: when, to which plan, and each part, in the account's language. */
  #restoredMail(change: typeof t.scheduledChanges.$inferSelect, account: typeof t.accounts.$inferSelect) {
    const catalog = this.ctx.catalogs.get(account.catalogId);
    const names = catalog ? itemNames(catalog.catalog, account.locale as Locale) : {};
    const target = change.target as TargetState;
    return {
      effectiveAt: change.effectiveAt,
      plan: names[target.planId] ?? target.planId,
      quantity: target.quantity,
      ...changeMail(change.changes as ChangeDescriptor[], names),
    };
  }

  /**
   * One writer per subscription (docs/decisions/006), in one transaction: writes only if the
   * subscription is still at the version the engine decided from and no claim holds it; then
   * queues the e-mail, records the audit event and bumps the version, so that every quote priced
   * before is stale.
   */
  #write(
    input: CancellationWriter,
    work: (tx: Conn, subscriptionId: string, account: typeof t.accounts.$inferSelect) => Told | 'stale',
  ): 'written' | 'stale' | 'busy' {
    return this.ctx.write([input.accountId], (tx) => {
      const sub = tx.select().from(t.subscriptions).where(eq(t.subscriptions.accountId, input.accountId)).get();
      const account = tx.select().from(t.accounts).where(eq(t.accounts.id, input.accountId)).get();
      if (!sub || !account || sub.version !== input.expectedVersion) return 'stale';
      if (!this.ctx.claims.isFree(sub.id)) return 'busy';
      const told = work(tx, sub.id, account);
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

/**
 * The scheduled change a cancellation replaced, if it can wait again: still `replaced`, of this
 * subscription, and with no other change waiting (null otherwise).
 */
function replacedChange(tx: Conn, subscriptionId: string, id: string): typeof t.scheduledChanges.$inferSelect | null {
  const of = eq(t.scheduledChanges.subscriptionId, subscriptionId);
  const waiting = tx
    .select({ id: t.scheduledChanges.id })
    .from(t.scheduledChanges)
    .where(and(of, eq(t.scheduledChanges.status, 'pending')))
    .get();
  if (waiting) return null;
  const change = tx
    .select()
    .from(t.scheduledChanges)
    .where(and(of, eq(t.scheduledChanges.id, id), eq(t.scheduledChanges.status, 'replaced')))
    .get();
  return change ?? null;
}
