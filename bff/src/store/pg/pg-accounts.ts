import { asc, eq } from 'drizzle-orm';
import * as t from '../../db/pg-schema';
import type { AccountRepository } from '../account-repository';
import type { BillingState } from '../records';
import { addresseeName } from '../sqlite/sqlite-accounts';
import type { PgContext } from './pg-context';

export class PgAccounts implements AccountRepository {
  constructor(private readonly ctx: PgContext) {}

  async loadBillingState(accountId: string): Promise<BillingState | null> {
    // One statement on the pool (its own snapshot); a catalog to read anew, in a snapshot of its own.
    return this.ctx.billingState.read(this.ctx.db.$client, accountId, (catalogId) =>
      this.ctx.read((db) => this.ctx.catalogs.get(db, catalogId)),
    );
  }

  async findAddresseeName(accountId: string, email: string): Promise<string | null> {
    const people = await this.ctx.db
      .select({ email: t.users.email, name: t.users.name, role: t.users.role })
      .from(t.users)
      .where(eq(t.users.accountId, accountId))
      .orderBy(asc(t.users.id));
    return addresseeName(people, email);
  }
}
