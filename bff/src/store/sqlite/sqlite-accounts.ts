import { eq } from 'drizzle-orm';
import * as t from '../../db/schema';
import type { AccountRepository } from '../account-repository';
import type { BillingState } from '../records';
import type { SqliteContext } from './sqlite-context';

export class SqliteAccounts implements AccountRepository {
  constructor(private readonly ctx: SqliteContext) {}

  async loadBillingState(accountId: string): Promise<BillingState | null> {
    return this.ctx.billingState.read(accountId);
  }

  async findName(accountId: string): Promise<string | null> {
    return (
      this.ctx.db.select({ name: t.accounts.name }).from(t.accounts).where(eq(t.accounts.id, accountId)).get()?.name ??
      null
    );
  }
}
