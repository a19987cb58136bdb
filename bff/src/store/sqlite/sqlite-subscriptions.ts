import { namedItems } from '@planshift/shared/catalog';
import type { Instant } from '@planshift/shared/periods';
import type { ChangeDescriptor } from '@planshift/shared/quote';
import { and, eq } from 'drizzle-orm';
import * as t from '../../db/schema';
import type { ConfirmedChangeSummary } from '../records';
import type { SubscriptionRepository } from '../subscription-repository';
import type { SqliteContext } from './sqlite-context';

export class SqliteSubscriptions implements SubscriptionRepository {
  constructor(private readonly ctx: SqliteContext) {}

  async cancelScheduledChange(
    input: Readonly<{ accountId: string; userId: string; expectedVersion: number; at: Instant }>,
  ) {
    return this.ctx.write([input.accountId], (tx) => {
      const sub = tx.select().from(t.subscriptions).where(eq(t.subscriptions.accountId, input.accountId)).get();
      if (!sub) return 'none' as const;
      if (sub.version !== input.expectedVersion) return 'stale' as const;
      if (!this.ctx.claims.isFree(sub.id)) return 'busy' as const;
      const pending = tx
        .select()
        .from(t.scheduledChanges)
        .where(and(eq(t.scheduledChanges.subscriptionId, sub.id), eq(t.scheduledChanges.status, 'pending')))
        .get();
      if (!pending) return 'none' as const;
      tx.update(t.scheduledChanges)
        .set({ status: 'canceled', endedAt: input.at })
        .where(eq(t.scheduledChanges.id, pending.id))
        .run();
      tx.update(t.subscriptions)
        .set({ version: sub.version + 1 })
        .where(eq(t.subscriptions.id, sub.id))
        .run();
      tx.insert(t.auditEvents)
        .values({
          accountId: input.accountId,
          userId: input.userId,
          action: 'subscription.scheduled_change_canceled',
          subjectType: 'scheduled_change',
          subjectId: pending.id,
          data: { target: pending.target, effectiveAt: pending.effectiveAt },
          at: input.at,
        })
        .run();
      return 'canceled' as const;
    });
  }

  /** A confirmed change as its e-mails describe it, with the names its catalog gives the items. */
  async findChangeSummary(accountId: string, changeId: string): Promise<ConfirmedChangeSummary | null> {
    const row = this.ctx.db
      .select({
        confirmedAt: t.confirmedChanges.confirmedAt,
        appliedNow: t.confirmedChanges.appliedNow,
        provisioning: t.confirmedChanges.provisioning,
        effectiveAt: t.scheduledChanges.effectiveAt,
        changes: t.scheduledChanges.changes,
        catalogId: t.accounts.catalogId,
      })
      .from(t.confirmedChanges)
      .innerJoin(t.accounts, eq(t.accounts.id, t.confirmedChanges.accountId))
      .leftJoin(t.scheduledChanges, eq(t.scheduledChanges.id, t.confirmedChanges.scheduledChangeId))
      .where(and(eq(t.confirmedChanges.id, changeId), eq(t.confirmedChanges.accountId, accountId)))
      .get();
    if (!row) return null;
    const catalog = this.ctx.catalogs.get(row.catalogId);
    return {
      confirmedAt: row.confirmedAt,
      appliedNow: row.appliedNow as ChangeDescriptor[],
      scheduled:
        row.effectiveAt === null ? null : { effectiveAt: row.effectiveAt, changes: row.changes as ChangeDescriptor[] },
      provisioning: row.provisioning,
      itemNames: catalog ? namedItems(catalog.catalog) : {},
    };
  }
}
