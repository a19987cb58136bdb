import * as t from '../../db/pg-schema';
import type { SeedPlan } from '../records';
import { catalogRows } from '../sqlite/catalog-rows';
import { seedAccountRows, tablesChildrenFirst } from '../sqlite/seed-rows';
import type { Conn } from './connection';
import type { PgRowWriter } from './pg-row-writer';

/**
 * Replaces every row with the seed plan's world, in the caller's transaction, which holds
 * everything (`lockEverything`): SQLite's writeSeedPlan, table for table.
 */
export async function writeSeedPlan(tx: Conn, rows: PgRowWriter, plan: SeedPlan): Promise<void> {
  // Children before parents (tablesChildrenFirst). Issued documents cannot be deleted (database triggers) except while this guard row exists,
  // which is only inside this transaction (no other transaction sees it uncommitted).
  await tx.insert(t.resetGuard).values({ id: 1 });
  for (const table of tablesChildrenFirst(t)) await tx.delete(table);
  await tx.delete(t.resetGuard);
  await tx.insert(t.system).values({ id: 1, seller: plan.seller, frozenAt: plan.clock });
  for (const record of plan.catalogs) {
    const catalog = catalogRows(record);
    await tx.insert(t.catalogs).values(catalog.catalog);
    if (catalog.groups.length) await tx.insert(t.planGroups).values(catalog.groups);
    await tx.insert(t.plans).values(catalog.plans);
    if (catalog.addOns.length) await tx.insert(t.addOns).values(catalog.addOns);
    await tx.insert(t.prices).values(catalog.prices);
  }
  for (const seed of plan.accounts) {
    const seeded = seedAccountRows(plan, seed);
    await tx.insert(t.accounts).values(seeded.account);
    if (seeded.cards.length) await tx.insert(t.paymentMethods).values(seeded.cards);
    await tx.insert(t.users).values(seeded.users);
    await tx.insert(t.subscriptions).values(seeded.subscriptionRow);
    await rows.writeSubscription(tx, seeded.subscription, 0);
    if (seeded.scheduledChange) await tx.insert(t.scheduledChanges).values(seeded.scheduledChange);
    if (seeded.cancellation) await tx.insert(t.subscriptionCancellations).values(seeded.cancellation);
    await rows.issueDocument(tx, seeded.invoice);
    if (seeded.payment) await tx.insert(t.payments).values(seeded.payment);
    if (seeded.collection) await tx.insert(t.collections).values(seeded.collection);
    if (seeded.credit) await tx.insert(t.creditLedger).values(seeded.credit);
  }
}
