import type { Instant } from '@planshift/shared/periods';
import { and, eq, lt, notInArray } from 'drizzle-orm';
import * as t from '../../db/schema';
import type { MaintenanceRepository } from '../maintenance-repository';
import type { SeedPlan } from '../records';
import { writeSeedPlan } from './seed-rows';
import { ANY_ACCOUNT, type SqliteContext } from './sqlite-context';

export class SqliteMaintenance implements MaintenanceRepository {
  constructor(private readonly ctx: SqliteContext) {}

  async hasAccounts(): Promise<boolean> {
    return this.ctx.db.select({ id: t.accounts.id }).from(t.accounts).limit(1).get() !== undefined;
  }

  async hasClaims(): Promise<boolean> {
    return (
      this.ctx.db.select({ id: t.subscriptionClaims.subscriptionId }).from(t.subscriptionClaims).limit(1).get() !==
      undefined
    );
  }

  async purgeExpired({ wallNow, clockNow }: Readonly<{ wallNow: Instant; clockNow: Instant }>): Promise<void> {
    this.ctx.write(ANY_ACCOUNT, (tx) => {
      tx.delete(t.sessions).where(lt(t.sessions.expiresAt, wallNow)).run();
      for (const [idHash, session] of this.ctx.sessions) {
        if (session.expiresAt <= wallNow) this.ctx.sessions.delete(idHash);
      }
      tx.delete(t.idempotencyKeys)
        .where(and(lt(t.idempotencyKeys.expiresAt, wallNow), eq(t.idempotencyKeys.state, 'completed')))
        .run();
      const ordered = tx.select({ id: t.orders.quoteId }).from(t.orders);
      tx.delete(t.quotes)
        .where(and(lt(t.quotes.expiresAt, clockNow), notInArray(t.quotes.id, ordered)))
        .run();
    });
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
