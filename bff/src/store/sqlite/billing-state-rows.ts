import type { CurrencyCode } from '@planshift/shared/money';
import type { ChangeDescriptor } from '@planshift/shared/quote';
import type { AddOnItem, Subscription, SubscriptionItem, TargetState } from '@planshift/shared/subscription';
import { and, eq, sql } from 'drizzle-orm';
import {
  accounts,
  confirmedChanges,
  creditLedger,
  documents,
  payments,
  scheduledChanges,
  subscriptionItems,
  subscriptions,
} from '../../db/schema';
import type { Locale } from '../../scenarios/scenario-schema';
import type { AccountRecord, Address, BillingState, PaymentMethod } from '../records';
import type { CatalogCache } from './catalog-rows';
import type { Conn } from './connection';

export function creditBalanceOf(db: Conn, accountId: string): number {
  const row = db
    .select({ balance: sql<number>`coalesce(sum(${creditLedger.amount}), 0)` })
    .from(creditLedger)
    .where(eq(creditLedger.accountId, accountId))
    .get();
  return row?.balance ?? 0;
}

function unpaidInvoicesOf(db: Conn, subscriptionId: string): number {
  const paid = db
    .select({ invoiceId: payments.invoiceId, amount: sql<number>`sum(${payments.amount})`.as('amount') })
    .from(payments)
    .where(eq(payments.status, 'succeeded'))
    .groupBy(payments.invoiceId)
    .as('paid');
  const row = db
    .select({ count: sql<number>`count(*)` })
    .from(documents)
    .leftJoin(paid, eq(paid.invoiceId, documents.id))
    .where(
      and(
        eq(documents.subscriptionId, subscriptionId),
        eq(documents.kind, 'invoice'),
        sql`${documents.amountDue} > coalesce(${paid.amount}, 0)`,
      ),
    )
    .get();
  return row?.count ?? 0;
}

export function accountRecord(row: typeof accounts.$inferSelect): AccountRecord {
  return {
    id: row.id,
    name: row.name,
    catalogId: row.catalogId,
    currency: row.currency as CurrencyCode,
    locale: row.locale as Locale,
    billingEmail: row.billingEmail,
    billingAddress: row.billingAddress as Address,
    paymentMethod: (row.paymentMethod ?? null) as PaymentMethod | null,
    createdAt: row.createdAt,
  };
}

/** The account's subscription in the engine's shape, with the version it was read at. */
export function readBillingState(db: Conn, catalogs: CatalogCache, accountId: string): BillingState | null {
  const accountRow = db.select().from(accounts).where(eq(accounts.id, accountId)).get();
  if (!accountRow) return null;
  const account = accountRecord(accountRow);
  const catalog = catalogs.get(account.catalogId);
  const row = db.select().from(subscriptions).where(eq(subscriptions.accountId, accountId)).get();
  if (!catalog || !row) return null;

  const items = db.select().from(subscriptionItems).where(eq(subscriptionItems.subscriptionId, row.id)).all();
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
    .sort((a, b) => (a.addOnId < b.addOnId ? -1 : a.addOnId > b.addOnId ? 1 : 0));

  const pending = db
    .select()
    .from(scheduledChanges)
    .where(and(eq(scheduledChanges.subscriptionId, row.id), eq(scheduledChanges.status, 'pending')))
    .get();
  const scheduledChange = pending
    ? {
        id: pending.id,
        effectiveAt: pending.effectiveAt,
        target: pending.target as TargetState,
        changes: pending.changes as ChangeDescriptor[],
        createdAt: pending.createdAt,
      }
    : null;
  const provisioning = db
    .select({ id: confirmedChanges.id })
    .from(confirmedChanges)
    .where(and(eq(confirmedChanges.subscriptionId, row.id), eq(confirmedChanges.provisioning, 'pending')))
    .get();

  const subscription: Subscription = {
    id: row.id,
    currency: account.currency,
    status: row.status,
    interval: { unit: row.intervalUnit, count: row.intervalCount },
    anchor: row.anchor,
    periodIndex: row.periodIndex,
    plan: { planId: planRow.productId, ...item(planRow) },
    addOns,
    pendingChange: scheduledChange && { effectiveAt: scheduledChange.effectiveAt, target: scheduledChange.target },
    creditBalance: creditBalanceOf(db, accountId),
    unpaidInvoices: unpaidInvoicesOf(db, row.id),
  };
  return {
    account,
    catalog,
    subscription,
    version: row.version,
    signupAt: row.signupAt,
    scheduledChange,
    provisioningPending: provisioning !== undefined,
  };
}

/** Rewrites the subscription row and its items to the engine's state, if still at `expectedVersion`. */
export function writeSubscription(tx: Conn, subscription: Subscription, expectedVersion: number): boolean {
  const updated = tx
    .update(subscriptions)
    .set({
      status: subscription.status,
      intervalUnit: subscription.interval.unit,
      intervalCount: subscription.interval.count,
      anchor: subscription.anchor,
      periodIndex: subscription.periodIndex,
      version: expectedVersion + 1,
    })
    .where(and(eq(subscriptions.id, subscription.id), eq(subscriptions.version, expectedVersion)))
    .run();
  if (updated.changes !== 1) return false;
  tx.delete(subscriptionItems).where(eq(subscriptionItems.subscriptionId, subscription.id)).run();
  const { plan } = subscription;
  tx.insert(subscriptionItems)
    .values([
      { subscriptionId: subscription.id, kind: 'plan' as const, productId: plan.planId, ...itemColumns(plan) },
      ...subscription.addOns.map((a) => ({
        subscriptionId: subscription.id,
        kind: 'add_on' as const,
        productId: a.addOnId,
        ...itemColumns(a),
      })),
    ])
    .run();
  return true;
}

function itemColumns(item: SubscriptionItem) {
  return {
    priceId: item.priceId,
    unitAmount: item.unitAmount,
    quantity: item.quantity,
    billedInPeriod: item.billedInPeriod,
    creditedInPeriod: item.creditedInPeriod,
  };
}
