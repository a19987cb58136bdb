import { namedItems } from '@planshift/shared/catalog';
import type { Instant } from '@planshift/shared/periods';
import type { ChangeDescriptor } from '@planshift/shared/quote';
import { and, eq } from 'drizzle-orm';
import * as t from '../../db/pg-schema';
import type { ConfirmedChangeSummary } from '../records';
import type { SubscriptionRepository } from '../subscription-repository';
import type { PgContext } from './pg-context';

export class PgSubscriptions implements SubscriptionRepository {
  constructor(private readonly ctx: PgContext) {}

  async cancelScheduledChange(
    input: Readonly<{ accountId: string; userId: string; expectedVersion: number; at: Instant }>,
  ) {
    return this.ctx.write([input.accountId], async (tx) => {
      const [sub] = await tx.select().from(t.subscriptions).where(eq(t.subscriptions.accountId, input.accountId));
      if (!sub) return 'none' as const;
      if (sub.version !== input.expectedVersion) return 'stale' as const;
      if (!(await this.ctx.claims.isFree(tx, sub.id))) return 'busy' as const;
      const [pending] = await tx
        .select()
        .from(t.scheduledChanges)
        .where(and(eq(t.scheduledChanges.subscriptionId, sub.id), eq(t.scheduledChanges.status, 'pending')));
      if (!pending) return 'none' as const;
      await tx
        .update(t.scheduledChanges)
        .set({ status: 'canceled', endedAt: input.at })
        .where(eq(t.scheduledChanges.id, pending.id));
      await tx
        .update(t.subscriptions)
        .set({ version: sub.version + 1 })
        .where(and(eq(t.subscriptions.id, sub.id), eq(t.subscriptions.version, sub.version)));
      await this.ctx.rows.audit(tx, {
        accountId: input.accountId,
        userId: input.userId,
        action: 'subscription.scheduled_change_canceled',
        subjectType: 'scheduled_change',
        subjectId: pending.id,
        data: { target: pending.target, effectiveAt: pending.effectiveAt },
        at: input.at,
      });
      return 'canceled' as const;
    });
  }

  /** A confirmed change as its e-mails describe it, with the names its catalog gives the items. */
  async findChangeSummary(accountId: string, changeId: string): Promise<ConfirmedChangeSummary | null> {
    return this.ctx.read(async (db) => {
      const [row] = await db
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
        .where(and(eq(t.confirmedChanges.id, changeId), eq(t.confirmedChanges.accountId, accountId)));
      if (!row) return null;
      const catalog = await this.ctx.catalogs.get(db, row.catalogId);
      return {
        confirmedAt: row.confirmedAt,
        appliedNow: row.appliedNow as ChangeDescriptor[],
        scheduled:
          row.effectiveAt === null
            ? null
            : { effectiveAt: row.effectiveAt, changes: row.changes as ChangeDescriptor[] },
        provisioning: row.provisioning,
        itemNames: catalog ? namedItems(catalog.catalog) : {},
      };
    });
  }
}
