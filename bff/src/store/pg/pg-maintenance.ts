import type { Instant } from '@planshift/shared/periods';
import { and, count, eq, gt, inArray, isNull, lt, min, sql } from 'drizzle-orm';
import * as t from '../../db/pg-schema';
import type { MaintenanceRepository } from '../maintenance-repository';
import type { SeedPlan } from '../records';
import { ANY_ACCOUNT, lockEverything, type PgContext } from './pg-context';
import { writeSeedPlan } from './pg-seed-rows';

export class PgMaintenance implements MaintenanceRepository {
  constructor(private readonly ctx: PgContext) {}

  async ping(): Promise<void> {
    await this.ctx.db.execute(sql`select 1`);
  }

  async backlog(): Promise<Readonly<{ unsentMessages: number; pendingOrders: number }>> {
    const [unsent] = await this.ctx.db.select({ n: count() }).from(t.outbox).where(isNull(t.outbox.sentAt));
    const [pending] = await this.ctx.db.select({ n: count() }).from(t.orders).where(eq(t.orders.status, 'pending'));
    return { unsentMessages: unsent?.n ?? 0, pendingOrders: pending?.n ?? 0 };
  }

  async hasAccounts(): Promise<boolean> {
    return (await this.ctx.db.select({ id: t.accounts.id }).from(t.accounts).limit(1)).length > 0;
  }

  async hasClaims(): Promise<boolean> {
    const claims = await this.ctx.db
      .select({ id: t.subscriptionClaims.subscriptionId })
      .from(t.subscriptionClaims)
      .limit(1);
    return claims.length > 0;
  }

  /** Expired sessions and completed idempotency keys: no account's billing state. */
  async purgeExpired({ wallNow }: Readonly<{ wallNow: Instant }>): Promise<void> {
    await this.ctx.write([], async (tx) => {
      await tx.delete(t.sessions).where(lt(t.sessions.expiresAt, wallNow));
      await tx
        .delete(t.idempotencyKeys)
        .where(and(lt(t.idempotencyKeys.expiresAt, wallNow), eq(t.idempotencyKeys.state, 'completed')));
    });
  }

  async nextDue(after: Instant): Promise<Readonly<{ renewal: Instant | null; scheduledChange: Instant | null }>> {
    return this.ctx.read(async (db) => {
      const [renewal] = await db
        .select({ at: min(t.subscriptions.currentPeriodEnd) })
        .from(t.subscriptions)
        .where(
          and(inArray(t.subscriptions.status, ['active', 'past_due']), gt(t.subscriptions.currentPeriodEnd, after)),
        );
      const [change] = await db
        .select({ at: min(t.scheduledChanges.effectiveAt) })
        .from(t.scheduledChanges)
        .where(and(eq(t.scheduledChanges.status, 'pending'), gt(t.scheduledChanges.effectiveAt, after)));
      const [cancellation] = await db
        .select({ at: min(t.subscriptionCancellations.effectiveAt) })
        .from(t.subscriptionCancellations)
        .where(
          and(eq(t.subscriptionCancellations.status, 'pending'), gt(t.subscriptionCancellations.effectiveAt, after)),
        );
      const pending = [change?.at, cancellation?.at].filter((at): at is number => typeof at === 'number');
      return { renewal: renewal?.at ?? null, scheduledChange: pending.length ? Math.min(...pending) : null };
    });
  }

  /** Replaces everything with the plan, in one transaction holding everything, and forgets the catalog cache. */
  async resetTo(plan: SeedPlan): Promise<void> {
    await this.ctx.write(ANY_ACCOUNT, async (tx) => {
      await lockEverything(tx);
      await writeSeedPlan(tx, this.ctx.rows, plan);
    });
    this.ctx.catalogs.clear();
  }
}
