import type { ChangeDescriptor } from '@planshift/shared/quote';
import { and, eq, sql } from 'drizzle-orm';
import * as t from '../../db/schema';
import type { ProvisioningRepository, ProvisioningTask } from '../provisioning-repository';
import { ANY_ACCOUNT, type SqliteContext } from './sqlite-context';

export class SqliteProvisioning implements ProvisioningRepository {
  constructor(private readonly ctx: SqliteContext) {}

  async pending(): Promise<ProvisioningTask[]> {
    return this.ctx.db
      .select({
        changeId: t.confirmedChanges.id,
        accountId: t.confirmedChanges.accountId,
        accountName: t.accounts.name,
        confirmedAt: t.confirmedChanges.confirmedAt,
        appliedNow: t.confirmedChanges.appliedNow,
      })
      .from(t.confirmedChanges)
      .innerJoin(t.accounts, eq(t.accounts.id, t.confirmedChanges.accountId))
      .where(eq(t.confirmedChanges.provisioning, 'pending'))
      .orderBy(t.confirmedChanges.confirmedAt)
      .all()
      .map((row) => ({ ...row, appliedNow: row.appliedNow as ChangeDescriptor[] }));
  }

  async complete({
    changeId,
    operator,
    at,
  }: Parameters<ProvisioningRepository['complete']>[0]): ReturnType<ProvisioningRepository['complete']> {
    return this.ctx.write(ANY_ACCOUNT, (tx) => {
      const waiting = tx
        .select({ subscriptionId: t.confirmedChanges.subscriptionId })
        .from(t.confirmedChanges)
        .where(and(eq(t.confirmedChanges.id, changeId), eq(t.confirmedChanges.provisioning, 'pending')))
        .get();
      if (!waiting) return 'not_pending';
      if (!this.ctx.claims.isFree(waiting.subscriptionId)) return 'busy';
      const change = tx
        .update(t.confirmedChanges)
        .set({ provisioning: 'completed', activeEntitlements: null, provisionedAt: at })
        .where(and(eq(t.confirmedChanges.id, changeId), eq(t.confirmedChanges.provisioning, 'pending')))
        .returning()
        .get();
      if (!change) return 'not_pending';
      // Earlier changes still waiting are provisioned by this one: it brings the latest state.
      tx.update(t.confirmedChanges)
        .set({ provisioning: 'completed', activeEntitlements: null, provisionedAt: at })
        .where(
          and(
            eq(t.confirmedChanges.subscriptionId, change.subscriptionId),
            eq(t.confirmedChanges.provisioning, 'pending'),
          ),
        )
        .run();
      // Cached states and quotes priced before this moment are stale now.
      tx.update(t.subscriptions)
        .set({ version: sql`${t.subscriptions.version} + 1` })
        .where(eq(t.subscriptions.id, change.subscriptionId))
        .run();
      const account = tx.select().from(t.accounts).where(eq(t.accounts.id, change.accountId)).get();
      if (!account) throw new Error(`change ${changeId} has no account`);
      this.ctx.rows.queueEmail({
        accountId: account.id,
        kind: 'provisioning_completed',
        recipient: account.billingEmail,
        payload: { changeId, locale: account.locale },
        at,
      });
      this.ctx.rows.audit({
        accountId: account.id,
        userId: null,
        action: 'subscription.provisioning_completed',
        subjectType: 'subscription',
        subjectId: change.subscriptionId,
        data: { changeId, operator },
        at,
      });
      return 'completed';
    });
  }
}
