import { eq } from 'drizzle-orm';
import * as t from '../../db/pg-schema';
import { billingDetailsOf } from '../account-billing-details';
import type { BillingDetailsRepository } from '../billing-details-repository';
import { accountRecord } from '../sqlite/billing-state-rows';
import type { PgContext } from './pg-context';

export class PgBillingDetails implements BillingDetailsRepository {
  constructor(private readonly ctx: PgContext) {}

  /** The account's row is locked by the write before it is read: the audit's "before" is what was replaced. */
  async update({ accountId, userId, details, at }: Parameters<BillingDetailsRepository['update']>[0]) {
    return this.ctx.write([accountId], async (tx) => {
      const [row] = await tx.select().from(t.accounts).where(eq(t.accounts.id, accountId));
      if (!row) return false;
      const before = billingDetailsOf(accountRecord(row, null));
      await tx
        .update(t.accounts)
        .set({
          billingName: details.name,
          billingAddress: details.address,
          taxId: details.taxId,
          billingEmail: details.email,
        })
        .where(eq(t.accounts.id, accountId));
      await this.ctx.rows.audit(tx, {
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
