import { eq } from 'drizzle-orm';
import * as t from '../../db/schema';
import { billingDetailsOf } from '../account-billing-details';
import type { BillingDetailsRepository } from '../billing-details-repository';
import { accountRecord } from './billing-state-rows';
import type { SqliteContext } from './sqlite-context';

export class SqliteBillingDetails implements BillingDetailsRepository {
  constructor(private readonly ctx: SqliteContext) {}

  async update({ accountId, userId, details, at }: Parameters<BillingDetailsRepository['update']>[0]) {
    return this.ctx.write([accountId], (tx) => {
      const row = tx.select().from(t.accounts).where(eq(t.accounts.id, accountId)).get();
      if (!row) return false;
      const before = billingDetailsOf(accountRecord(row, null));
      tx.update(t.accounts)
        .set({
          billingName: details.name,
          billingAddress: details.address,
          taxId: details.taxId,
          billingEmail: details.email,
        })
        .where(eq(t.accounts.id, accountId))
        .run();
      this.ctx.rows.audit({
        accountId,
        userId,
        action: 'account.billing_details_changed',
        subjectType: 'account',
        subjectId: accountId,
        data: { before, after: details },
        at,
      });
      return true;
    });
  }
}
