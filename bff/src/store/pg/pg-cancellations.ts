import type { Locale } from '@planshift/shared/account';
import { itemNames } from '@planshift/shared/catalog';
import type { ChangeDescriptor } from '@planshift/shared/quote';
import type { TargetState } from '@planshift/shared/subscription';
import { and, eq } from 'drizzle-orm';
import * as t from '../../db/pg-schema';
import type { CancellationRepository, CancellationWriter } from '../cancellation-repository';
import { changeMail } from '../sqlite/change-mail';
import type { Conn } from './connection';
import type { PgContext } from './pg-context';

/** What a write tells: the customer (an e-mail, to the billing address, in the account's language) and the audit. */
type Told = Readonly<{ email: string; payload: Readonly<Record<string, unknown>>; audit: string; data: unknown }>;

/** Scheduling and resuming a cancellation (SQLite's SqliteCancellations), under the account's lock. */
export class PgCancellations implements CancellationRepository {
  constructor(private readonly ctx: PgContext) {}

  async schedule(input: Parameters<CancellationRepository['schedule']>[0]) {
    const { cancellation, at } = input;
    const written = await this.#write(input, async (tx, subscriptionId) => {
      const replaced = await tx
        .update(t.scheduledChanges)
        .set({ status: 'replaced', endedAt: at })
        .where(and(eq(t.scheduledChanges.subscriptionId, subscriptionId), eq(t.scheduledChanges.status, 'pending')))
        .returning({ id: t.scheduledChanges.id });
      await tx.insert(t.subscriptionCancellations).values({
        ...cancellation,
        subscriptionId,
        status: 'pending',
        createdAt: at,
        createdByUserId: input.userId,
        // Kept so that resuming brings it back.
        replacedScheduledChangeId: replaced[0]?.id ?? null,
      });
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
    const written = await this.#write(input, async (tx, subscriptionId, account) => {
      const restoreId = input.restoreScheduledChangeId;
      const restoring = restoreId === null ? null : await replacedChange(tx, subscriptionId, restoreId);
      // Not as the engine read it (the change gone, or another one waiting): nothing is written.
      if (restoreId !== null && !restoring) return 'stale';
      const [resumed] = await tx
        .update(t.subscriptionCancellations)
        .set({ status: 'resumed', endedAt: input.at, endedByUserId: input.userId })
        .where(
          and(
            eq(t.subscriptionCancellations.id, input.cancellationId),
            eq(t.subscriptionCancellations.status, 'pending'),
          ),
        )
        .returning({ effectiveAt: t.subscriptionCancellations.effectiveAt });
      // Not pending at the version the engine read: nothing was written, as for any moved subscription.
      if (!resumed) return 'stale';
      // The cancellation stops waiting first, then the change it replaced waits again: never both at once.
      if (restoring) {
        await tx
          .update(t.scheduledChanges)
          .set({ status: 'pending', endedAt: null })
          .where(and(eq(t.scheduledChanges.id, restoring.id), eq(t.scheduledChanges.status, 'replaced')));
      }
      return {
        email: 'cancellation_resumed',
        payload: {
          renewsAt: resumed.effectiveAt,
          restoredChange: restoring ? await this.#restoredMail(tx, restoring, account) : null,
        },
        audit: 'subscription.cancellation_resumed',
        data: { cancellationId: input.cancellationId, restoredScheduledChange: restoring ? restoring.id : null },
      };
    });
    return written === 'written' ? ('resumed' as const) : written;
  }

  /** What the resume e-mail says is scheduled again: when, to which plan, and each part, in the account's language. */
  async #restoredMail(
    tx: Conn,
    change: typeof t.scheduledChanges.$inferSelect,
    account: typeof t.accounts.$inferSelect,
  ) {
    const catalog = await this.ctx.catalogs.get(tx, account.catalogId);
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
   * One writer per subscription (docs/decisions/006), in one transaction under the account's
   * lock: writes only if the subscription is still at the version the engine decided from and no
   * claim holds it; then queues the e-mail, records the audit event and bumps the version.
   */
  #write(
    input: CancellationWriter,
    work: (tx: Conn, subscriptionId: string, account: typeof t.accounts.$inferSelect) => Promise<Told | 'stale'>,
  ): Promise<'written' | 'stale' | 'busy'> {
    return this.ctx.write([input.accountId], async (tx) => {
      const [sub] = await tx.select().from(t.subscriptions).where(eq(t.subscriptions.accountId, input.accountId));
      const [account] = await tx.select().from(t.accounts).where(eq(t.accounts.id, input.accountId));
      if (!sub || !account || sub.version !== input.expectedVersion) return 'stale';
      if (!(await this.ctx.claims.isFree(tx, sub.id))) return 'busy';
      const told = await work(tx, sub.id, account);
      if (told === 'stale') return told;
      const { accountId, userId, at } = input;
      await this.ctx.rows.queueEmail(tx, {
        accountId,
        kind: told.email,
        recipient: account.billingEmail,
        payload: { ...told.payload, locale: account.locale },
        at,
      });
      await this.ctx.rows.audit(tx, {
        accountId,
        userId,
        action: told.audit,
        subjectType: 'subscription',
        subjectId: sub.id,
        data: told.data,
        at,
      });
      await tx
        .update(t.subscriptions)
        .set({ version: sub.version + 1 })
        .where(and(eq(t.subscriptions.id, sub.id), eq(t.subscriptions.version, sub.version)));
      return 'written';
    });
  }
}

/**
 * The scheduled change a cancellation replaced, if it can wait again: still `replaced`, of this
 * subscription, and with no other change waiting (null otherwise).
 */
async function replacedChange(
  tx: Conn,
  subscriptionId: string,
  id: string,
): Promise<typeof t.scheduledChanges.$inferSelect | null> {
  const of = eq(t.scheduledChanges.subscriptionId, subscriptionId);
  const [waiting] = await tx
    .select({ id: t.scheduledChanges.id })
    .from(t.scheduledChanges)
    .where(and(of, eq(t.scheduledChanges.status, 'pending')));
  if (waiting) return null;
  const [change] = await tx
    .select()
    .from(t.scheduledChanges)
    .where(and(of, eq(t.scheduledChanges.id, id), eq(t.scheduledChanges.status, 'replaced')));
  return change ?? null;
}
