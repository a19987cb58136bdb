import type { Entitlements } from '@planshift/shared/catalog';
import type { AddOnItem, Subscription } from '@planshift/shared/subscription';
import { byAddOnId } from '@planshift/shared/subscription';
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
import { accountRecord, cancellationRecord, scheduledChangeRecord } from '../sqlite/billing-state-rows';
import { chargeableCard } from '../sqlite/payment-method-rows';
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
    const account = accountRecord(accountRow, card ? chargeableCard(card) : null);
    const catalog = await this.catalogs.get(db, account.catalogId);
    const [row] = await db.select().from(subscriptions).where(eq(subscriptions.accountId, accountId));
    if (!catalog || !row) return null;
    const subscriptionId = row.id;

    const items = await db.select().from(subscriptionItems).where(eq(subscriptionItems.subscriptionId, subscriptionId));
    const planRow = items.find((item) => item.kind === 'plan');
    if (!planRow) throw new Error(`subscription ${row.id} has no plan item`);
    const item = (r: typeof planRow) => ({
      priceId: r.priceId,
      unitAmount: r.unitAmount,
      quantity: r.quantity,
      billedInPeriod: r.billedInPeriod,
      creditedInPeriod: r.creditedInPeriod,
    });
    const addOns: AddOnItem[] = items
      .filter((r) => r.kind === 'add_on')
      .map((r) => ({ addOnId: r.productId, ...item(r) }))
      .sort(byAddOnId);

    const [pending] = await db
      .select()
      .from(scheduledChanges)
      .where(and(eq(scheduledChanges.subscriptionId, subscriptionId), eq(scheduledChanges.status, 'pending')));
    const scheduledChange = pending ? scheduledChangeRecord(pending) : null;

    // The pending one first; else the last one applied (which matters only while the subscription is canceled).
    const [joined] = await db
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
    const cancellation = cancellationRecord(joined, row.status);

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

    const subscription: Subscription = {
      id: row.id,
      currency: account.currency,
      status: row.status,
      interval: { unit: row.intervalUnit, count: row.intervalCount },
      anchor: row.anchor,
      periodIndex: row.periodIndex,
      plan: { planId: planRow.productId, ...item(planRow) },
      addOns,
      pendingChange: scheduledChange
        ? { kind: 'change', effectiveAt: scheduledChange.effectiveAt, target: scheduledChange.target }
        : cancellation?.status === 'pending'
          ? {
              kind: 'cancellation',
              effectiveAt: cancellation.effectiveAt,
              replaced: cancellation.replaced && {
                kind: 'change',
                effectiveAt: cancellation.replaced.effectiveAt,
                target: cancellation.replaced.target,
              },
            }
          : null,
      creditBalance: credit?.balance ?? 0,
      unpaidInvoices: unpaid?.count ?? 0,
    };
    const [provisioning] = await db
      .select({ id: confirmedChanges.id, activeEntitlements: confirmedChanges.activeEntitlements })
      .from(confirmedChanges)
      .where(and(eq(confirmedChanges.subscriptionId, subscriptionId), eq(confirmedChanges.provisioning, 'pending')));
    return {
      account,
      catalog,
      subscription,
      version: row.version,
      signupAt: row.signupAt,
      scheduledChange,
      cancellation,
      pendingProvisioning: provisioning
        ? { changeId: provisioning.id, activeEntitlements: provisioning.activeEntitlements as Entitlements }
        : null,
    };
  }
}
