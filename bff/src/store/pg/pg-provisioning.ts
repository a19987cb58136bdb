import type { ChangeDescriptor } from '@planshift/shared/quote';
import { and, eq, sql } from 'drizzle-orm';
import * as t from '../../db/pg-schema';
import type { ProvisioningRepository, ProvisioningTask } from '../provisioning-repository';
import { ANY_ACCOUNT, lockAccounts, type PgContext } from './pg-context';

export class PgProvisioning implements ProvisioningRepository {
  constructor(private readonly ctx: PgContext) {}

  async pending(): Promise<ProvisioningTask[]> {
    const rows = await this.ctx.read((db) =>
      db
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
        .orderBy(t.confirmedChanges.confirmedAt),
    );
    return rows.map((row) => ({ ...row, appliedNow: row.appliedNow as ChangeDescriptor[] }));
  }

  /**
   * The operator's command names a change, not an account: the change's account is looked up
   * first and locked (ANY_ACCOUNT), and everything is read again under that lock.
   */
  async complete({
    changeId,
    operator,
    at,
  }: Parameters<ProvisioningRepository['complete']>[0]): ReturnType<ProvisioningRepository['complete']> {
    return this.ctx.write(ANY_ACCOUNT, async (tx) => {
      const [owner] = await tx
        .select({ accountId: t.confirmedChanges.accountId })
        .from(t.confirmedChanges)
        .where(eq(t.confirmedChanges.id, changeId));
      if (!owner) return 'not_pending';
      await lockAccounts(tx, [owner.accountId]);
      const [waiting] = await tx
        .select({ subscriptionId: t.confirmedChanges.subscriptionId })
        .from(t.confirmedChanges)
        .where(and(eq(t.confirmedChanges.id, changeId), eq(t.confirmedChanges.provisioning, 'pending')));
      if (!waiting) return 'not_pending';
      if (!(await this.ctx.claims.isFree(tx, waiting.subscriptionId))) return 'busy';
      const [change] = await tx
        .update(t.confirmedChanges)
        .set({ provisioning: 'completed', activeEntitlements: null, provisionedAt: at })
        .where(and(eq(t.confirmedChanges.id, changeId), eq(t.confirmedChanges.provisioning, 'pending')))
        .returning();
      if (!change) return 'not_pending';
      // Earlier changes still waiting are provisioned by this one: it brings the latest state.
      await tx
        .update(t.confirmedChanges)
        .set({ provisioning: 'completed', activeEntitlements: null, provisionedAt: at })
        .where(
          and(
            eq(t.confirmedChanges.subscriptionId, change.subscriptionId),
            eq(t.confirmedChanges.provisioning, 'pending'),
          ),
        );
      // Quotes priced before this moment are stale now.
      await tx
        .update(t.subscriptions)
        .set({ version: sql`${t.subscriptions.version} + 1` })
        .where(eq(t.subscriptions.id, change.subscriptionId));
      const [account] = await tx.select().from(t.accounts).where(eq(t.accounts.id, change.accountId));
      if (!account) throw new Error(`change ${changeId} has no account`);
      await this.ctx.rows.queueEmail(tx, {
        accountId: account.id,
        kind: 'provisioning_completed',
        recipient: account.billingEmail,
        payload: { changeId, locale: account.locale },
        at,
      });
      await this.ctx.rows.audit(tx, {
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
