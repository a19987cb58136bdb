import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import {
  accounts,
  confirmedChanges,
  creditLedger,
  documents,
  paymentMethods,
  payments,
  scheduledChanges,
  subscriptionCancellations,
  subscriptionItems,
  subscriptions,
} from '../../db/pg-schema';
import type { BillingState } from '../records';
import { billingStateOf } from '../sqlite/billing-state-rows';
import type { Conn } from './connection';
import type { PgCatalogReader } from './pg-catalog-rows';

/**
 * Reads an account's billing state (SQLite's BillingStateReader, query for query). No cache on
 * PostgreSQL: another instance may have changed the account a moment ago, and nothing tells this
 * one yet (docs/decisions/020 plans LISTEN/NOTIFY for that); every read is fresh, so correct
 * across instances. The catalog is cached by its version, which is read every time.
 */
export class PgBillingStateReader {
  constructor(private readonly catalogs: PgCatalogReader) {}

  async read(db: Conn, accountId: string): Promise<BillingState | null> {
    const [accountRow] = await db.select().from(accounts).where(eq(accounts.id, accountId));
    if (!accountRow) return null;
    const [card] = await db
      .select()
      .from(paymentMethods)
      .where(and(eq(paymentMethods.accountId, accountId), eq(paymentMethods.isDefault, true)));
    const catalog = await this.catalogs.get(db, accountRow.catalogId);
    const [row] = await db.select().from(subscriptions).where(eq(subscriptions.accountId, accountId));
    if (!catalog || !row) return null;
    const subscriptionId = row.id;

    const items = await db.select().from(subscriptionItems).where(eq(subscriptionItems.subscriptionId, subscriptionId));
    const [pending] = await db
      .select()
      .from(scheduledChanges)
      .where(and(eq(scheduledChanges.subscriptionId, subscriptionId), eq(scheduledChanges.status, 'pending')));
    // The pending one first; else the last one applied (which matters only while the subscription is canceled).
    const [cancellation] = await db
      .select({ cancellation: subscriptionCancellations, replaced: scheduledChanges })
      .from(subscriptionCancellations)
      .leftJoin(scheduledChanges, eq(scheduledChanges.id, subscriptionCancellations.replacedScheduledChangeId))
      .where(
        and(
          eq(subscriptionCancellations.subscriptionId, subscriptionId),
          inArray(subscriptionCancellations.status, ['pending', 'applied']),
        ),
      )
      .orderBy(
        desc(sql`${subscriptionCancellations.status} = 'pending'`),
        desc(subscriptionCancellations.endedAt),
        desc(subscriptionCancellations.id),
      )
      .limit(1);
    const [credit] = await db
      .select({ balance: sql<number>`coalesce(sum(${creditLedger.amount}), 0)`.mapWith(Number) })
      .from(creditLedger)
      .where(eq(creditLedger.accountId, accountId));
    const paid = sql`coalesce((select sum(${payments.amount}) from ${payments}
      where ${payments.invoiceId} = ${documents.id} and ${payments.status} = 'succeeded'), 0)`;
    const [unpaid] = await db
      .select({ count: sql<number>`count(*)`.mapWith(Number) })
      .from(documents)
      .where(
        and(
          eq(documents.subscriptionId, subscriptionId),
          eq(documents.kind, 'invoice'),
          sql`${documents.amountDue} > ${paid}`,
        ),
      );
    const [provisioning] = await db
      .select({ id: confirmedChanges.id, activeEntitlements: confirmedChanges.activeEntitlements })
      .from(confirmedChanges)
      .where(and(eq(confirmedChanges.subscriptionId, subscriptionId), eq(confirmedChanges.provisioning, 'pending')));
    return billingStateOf({
      accountRow,
      card: card ?? null,
      catalog,
      row,
      items,
      pending: pending ?? null,
      cancellation: cancellation ?? null,
      creditBalance: credit?.balance ?? 0,
      unpaidInvoices: unpaid?.count ?? 0,
      provisioning: provisioning ?? null,
    });
  }
}
