import type { Locale } from '@planshift/shared/account';
import type { CancellationReason } from '@planshift/shared/api';
import { billingDetailsSchema } from '@planshift/shared/billing-details';
import type { Entitlements } from '@planshift/shared/catalog';
import type { CurrencyCode } from '@planshift/shared/money';
import type { ChangeDescriptor } from '@planshift/shared/quote';
import type { AddOnItem, Subscription, TargetState } from '@planshift/shared/subscription';
import { byAddOnId } from '@planshift/shared/subscription';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/open-database';
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
} from '../../db/schema';
import type {
  AccountRecord,
  BillingState,
  CancellationRecord,
  CatalogRecord,
  PaymentMethod,
  ScheduledChangeRecord,
} from '../records';
import type { CatalogCache } from './catalog-rows';
import { chargeableCard } from './payment-method-rows';

/**
 * Reads an account's billing state with statements compiled once: this runs on every quote, so
 * parsing SQL per request would cost more than pricing the change.
 */
const OTHER_WRITERS_MS = 250;

export class BillingStateReader {
  readonly #account;
  readonly #defaultCard;
  readonly #subscription;
  readonly #items;
  readonly #pending;
  readonly #cancellation;
  readonly #provisioning;
  readonly #credit;
  readonly #unpaid;
  readonly #dataVersion;
  /**
   * States by account. This process's writes drop the states of the accounts they may change
   * (`forget`, after every write transaction);
   * another process's commits (the operator's command line) are noticed through SQLite's
   * data_version, looked at most every OTHER_WRITERS_MS: a statement per quote to re-validate
   * a cached state cost a fifth of the quote endpoint under load (each one a lock on the WAL
   * index). A quote priced in that window from a state another process had just changed is
   * still caught at confirm, whose write transaction checks the subscription's version.
   */
  readonly #cache = new Map<string, BillingState>();
  #seenDataVersion = -1;
  #checkedAt = Number.NEGATIVE_INFINITY;

  constructor(
    db: Db,
    private readonly catalogs: CatalogCache,
  ) {
    const p = sql.placeholder;
    this.#account = db
      .select()
      .from(accounts)
      .where(eq(accounts.id, p('accountId')))
      .prepare();
    this.#defaultCard = db
      .select()
      .from(paymentMethods)
      .where(and(eq(paymentMethods.accountId, p('accountId')), eq(paymentMethods.isDefault, true)))
      .prepare();
    this.#subscription = db
      .select()
      .from(subscriptions)
      .where(eq(subscriptions.accountId, p('accountId')))
      .prepare();
    this.#dataVersion = db.$client.prepare<[], number>('pragma data_version').pluck();
    this.#items = db
      .select()
      .from(subscriptionItems)
      .where(eq(subscriptionItems.subscriptionId, p('subscriptionId')))
      .prepare();
    this.#pending = db
      .select()
      .from(scheduledChanges)
      .where(and(eq(scheduledChanges.subscriptionId, p('subscriptionId')), eq(scheduledChanges.status, 'pending')))
      .prepare();
    // The pending one first; else the last one applied (which matters only while the subscription is canceled).
    this.#cancellation = db
      .select({ cancellation: subscriptionCancellations, replaced: scheduledChanges })
      .from(subscriptionCancellations)
      .leftJoin(scheduledChanges, eq(scheduledChanges.id, subscriptionCancellations.replacedScheduledChangeId))
      .where(
        and(
          eq(subscriptionCancellations.subscriptionId, p('subscriptionId')),
          inArray(subscriptionCancellations.status, ['pending', 'applied']),
        ),
      )
      .orderBy(
        desc(sql`${subscriptionCancellations.status} = 'pending'`),
        desc(subscriptionCancellations.endedAt),
        desc(subscriptionCancellations.id),
      )
      .limit(1)
      .prepare();
    this.#provisioning = db
      .select({ id: confirmedChanges.id, activeEntitlements: confirmedChanges.activeEntitlements })
      .from(confirmedChanges)
      .where(
        and(eq(confirmedChanges.subscriptionId, p('subscriptionId')), eq(confirmedChanges.provisioning, 'pending')),
      )
      .prepare();
    this.#credit = db
      .select({ balance: sql<number>`coalesce(sum(${creditLedger.amount}), 0)` })
      .from(creditLedger)
      .where(eq(creditLedger.accountId, p('accountId')))
      .prepare();
    const paid = sql`coalesce((select sum(${payments.amount}) from ${payments}
      where ${payments.invoiceId} = ${documents.id} and ${payments.status} = 'succeeded'), 0)`;
    this.#unpaid = db
      .select({ count: sql<number>`count(*)` })
      .from(documents)
      .where(
        and(
          eq(documents.subscriptionId, p('subscriptionId')),
          eq(documents.kind, 'invoice'),
          sql`${documents.amountDue} > ${paid}`,
        ),
      )
      .prepare();
  }

  read(accountId: string): BillingState | null {
    this.#noticeOtherWriters();
    const cached = this.#cache.get(accountId);
    if (cached) return cached;
    const state = this.readFresh(accountId);
    if (state) this.#cache.set(accountId, state);
    else this.#cache.delete(accountId);
    return state;
  }

  clear(): void {
    this.#cache.clear();
  }

  /** Drops the named accounts' states, or every state. */
  forget(accounts: readonly string[] | 'any account'): void {
    if (accounts === 'any account') this.#cache.clear();
    else for (const id of accounts) this.#cache.delete(id);
  }

  #noticeOtherWriters(): void {
    const now = performance.now();
    if (now - this.#checkedAt < OTHER_WRITERS_MS) return;
    this.#checkedAt = now;
    const version = this.#dataVersion.get();
    if (version !== this.#seenDataVersion) this.#cache.clear();
    this.#seenDataVersion = version ?? -1;
  }

  /** Reads without the cache: for runs over many accounts, which would only fill it. */
  readFresh(accountId: string): BillingState | null {
    const accountRow = this.#account.get({ accountId });
    if (!accountRow) return null;
    const card = this.#defaultCard.get({ accountId });
    const catalog = this.catalogs.get(accountRow.catalogId);
    const row = this.#subscription.get({ accountId });
    if (!catalog || !row) return null;
    const subscriptionId = row.id;
    return billingStateOf({
      accountRow,
      card: card ?? null,
      catalog,
      row,
      items: this.#items.all({ subscriptionId }),
      pending: this.#pending.get({ subscriptionId }) ?? null,
      cancellation: this.#cancellation.get({ subscriptionId }) ?? null,
      creditBalance: this.#credit.get({ accountId })?.balance ?? 0,
      unpaidInvoices: this.#unpaid.get({ subscriptionId })?.count ?? 0,
      provisioning: this.#provisioning.get({ subscriptionId }) ?? null,
    });
  }
}

/** The rows an account's billing state is made of, as both dialects read them. */
export type BillingStateRows = Readonly<{
  accountRow: typeof accounts.$inferSelect;
  card: typeof paymentMethods.$inferSelect | null;
  catalog: CatalogRecord;
  row: typeof subscriptions.$inferSelect;
  items: readonly (typeof subscriptionItems.$inferSelect)[];
  /** The pending scheduled change. */
  pending: typeof scheduledChanges.$inferSelect | null;
  /** The pending cancellation first, else the last one applied, with the scheduled change it replaced. */
  cancellation: Readonly<{
    cancellation: typeof subscriptionCancellations.$inferSelect;
    replaced: typeof scheduledChanges.$inferSelect | null;
  }> | null;
  creditBalance: number;
  unpaidInvoices: number;
  provisioning: Readonly<{ id: string; activeEntitlements: unknown }> | null;
}>;

/** An account's billing state from its rows. */
export function billingStateOf(rows: BillingStateRows): BillingState {
  const { accountRow, card, catalog, row, items, pending, provisioning } = rows;
  const account = accountRecord(accountRow, card ? chargeableCard(card) : null);
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

  const scheduledChange = pending ? scheduledChangeRecord(pending) : null;
  const cancellation = cancellationRecord(rows.cancellation ?? undefined, row.status);

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
    creditBalance: rows.creditBalance,
    unpaidInvoices: rows.unpaidInvoices,
  };
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

/**
 * The stored address as the billing details' address: rows written before billing details were
 * editable lack line2 and region; a country that is not a code is a broken row, refused here.
 */
const storedAddressSchema = billingDetailsSchema.shape.address.extend({
  line2: z.string().default(''),
  region: z.string().default(''),
});

/** An account's row as a record, with its default card (read apart: cards have their own table). */
export function accountRecord(row: typeof accounts.$inferSelect, paymentMethod: PaymentMethod | null): AccountRecord {
  return {
    id: row.id,
    name: row.name,
    catalogId: row.catalogId,
    currency: row.currency as CurrencyCode,
    locale: row.locale as Locale,
    billingEmail: row.billingEmail,
    billingAddress: storedAddressSchema.parse(row.billingAddress),
    billingName: row.billingName,
    taxId: row.taxId,
    paymentMethod,
    createdAt: row.createdAt,
  };
}

export function scheduledChangeRecord(row: typeof scheduledChanges.$inferSelect): ScheduledChangeRecord {
  return {
    id: row.id,
    effectiveAt: row.effectiveAt,
    target: row.target as TargetState,
    changes: row.changes as ChangeDescriptor[],
    createdAt: row.createdAt,
  };
}

/**
 * The cancellation row that concerns the subscription now: a pending one, or the one that ended
 * it; with the scheduled change it replaced.
 */
export function cancellationRecord(
  joined:
    | Readonly<{
        cancellation: typeof subscriptionCancellations.$inferSelect;
        replaced: typeof scheduledChanges.$inferSelect | null;
      }>
    | undefined,
  status: Subscription['status'],
): CancellationRecord | null {
  if (!joined) return null;
  const row = joined.cancellation;
  if (row.status === 'applied' && status !== 'canceled') return null;
  if (row.status !== 'pending' && row.status !== 'applied') return null;
  return {
    id: row.id,
    status: row.status,
    effectiveAt: row.effectiveAt,
    reason: (row.reason ?? null) as CancellationReason | null,
    comment: row.comment,
    createdAt: row.createdAt,
    replaced: joined.replaced ? scheduledChangeRecord(joined.replaced) : null,
  };
}
