import type { Instant } from '@planshift/shared/periods';
import { and, count, eq, gt, inArray, isNull, lt, min, sql } from 'drizzle-orm';
import * as t from '../../db/schema';
import type { MaintenanceRepository } from '../maintenance-repository';
import type { SeedPlan } from '../records';
import { writeSeedPlan } from './seed-rows';
import { ANY_ACCOUNT, type SqliteContext } from './sqlite-context';

export class SqliteMaintenance implements MaintenanceRepository {
  constructor(private readonly ctx: SqliteContext) {}

  async ping(): Promise<void> {
    this.ctx.db.get(sql`select 1`);
  }

  async backlog(): Promise<Readonly<{ unsentMessages: number; pendingOrders: number }>> {
    const { db } = this.ctx;
    const unsent = db.select({ n: count() }).from(t.outbox).where(isNull(t.outbox.sentAt)).get();
    const pending = db.select({ n: count() }).from(t.orders).where(eq(t.orders.status, 'pending')).get();
    return { unsentMessages: unsent?.n ?? 0, pendingOrders: pending?.n ?? 0 };
  }

  async hasAccounts(): Promise<boolean> {
    return this.ctx.db.select({ id: t.accounts.id }).from(t.accounts).limit(1).get() !== undefined;
  }

  async hasClaims(): Promise<boolean> {
    return (
      this.ctx.db.select({ id: t.subscriptionClaims.subscriptionId }).from(t.subscriptionClaims).limit(1).get() !==
      undefined
    );
  }

  async purgeExpired({ wallNow }: Readonly<{ wallNow: Instant }>): Promise<void> {
    this.ctx.write(ANY_ACCOUNT, (tx) => {
      tx.delete(t.sessions).where(lt(t.sessions.expiresAt, wallNow)).run();
      for (const [idHash, session] of this.ctx.sessions) {
        if (session.expiresAt <= wallNow) this.ctx.sessions.delete(idHash);
      }
      tx.delete(t.idempotencyKeys)
        .where(and(lt(t.idempotencyKeys.expiresAt, wallNow), eq(t.idempotencyKeys.state, 'completed')))
        .run();
    });
  }

  async nextDue(after: Instant): Promise<Readonly<{ renewal: Instant | null; scheduledChange: Instant | null }>> {
    const { db } = this.ctx;
    const renewal = db
      .select({ at: min(t.subscriptions.currentPeriodEnd) })
      .from(t.subscriptions)
      .where(and(inArray(t.subscriptions.status, ['active', 'past_due']), gt(t.subscriptions.currentPeriodEnd, after)))
      .get();
    const change = db
      .select({ at: min(t.scheduledChanges.effectiveAt) })
      .from(t.scheduledChanges)
      .where(and(eq(t.scheduledChanges.status, 'pending'), gt(t.scheduledChanges.effectiveAt, after)))
      .get();
    const cancellation = db
      .select({ at: min(t.subscriptionCancellations.effectiveAt) })
      .from(t.subscriptionCancellations)
      .where(and(eq(t.subscriptionCancellations.status, 'pending'), gt(t.subscriptionCancellations.effectiveAt, after)))
      .get();
    const pending = [change?.at, cancellation?.at].filter((at): at is number => typeof at === 'number');
    return { renewal: renewal?.at ?? null, scheduledChange: pending.length ? Math.min(...pending) : null };
  }

  /** Replaces everything with the plan, in one transaction, and forgets every cache. */
  async resetTo(plan: SeedPlan): Promise<void> {
    this.ctx.write(ANY_ACCOUNT, (tx) => writeSeedPlan(tx, this.ctx.rows, plan));
    this.ctx.catalogs.clear();
    this.ctx.billingState.clear();
    this.ctx.sessions.clear();
    this.ctx.users.clear();
  }
}
