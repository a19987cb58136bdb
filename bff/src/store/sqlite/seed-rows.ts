import { type Catalog, itemNames } from '@planshift/shared/catalog';
import { periodAt } from '@planshift/shared/periods';
import { currentPeriod } from '@planshift/shared/subscription';
import * as t from '../../db/schema';
import type { SeedPlan } from '../records';
import { catalogRows } from './catalog-rows';
import type { Conn } from './connection';
import { renewalInvoice } from './renewal-rows';
import type { RowWriter } from './row-writer';

/**
 * Every table a reset empties, by its name in either schema module (db/schema.ts, db/pg-schema.ts),
 * children before parents, so that foreign keys hold at every step.
 */
const TABLES_CHILDREN_FIRST = [
  'paymentChallenges',
  'paymentMethods',
  'subscriptionClaims',
  'signInThrottle',
  'documentPdfs',
  'auditEvents',
  'collections',
  'outbox',
  'salesRequests',
  'idempotencyKeys',
  'payments',
  'creditLedger',
  'documentLines',
  'documents',
  'documentSequences',
  'confirmedChanges',
  'orders',
  'subscriptionCancellations',
  'scheduledChanges',
  'subscriptionItems',
  'subscriptions',
  'sessions',
  'users',
  'accounts',
  'prices',
  'addOns',
  'plans',
  'planGroups',
  'catalogs',
  'system',
] as const satisfies readonly (keyof typeof t)[];

type TableName = (typeof TABLES_CHILDREN_FIRST)[number];

/** The tables a reset empties, children first, from a schema module (SQLite's or PostgreSQL's). */
export function tablesChildrenFirst<S extends Record<TableName, unknown>>(schema: S): S[TableName][] {
  return TABLES_CHILDREN_FIRST.map((name) => schema[name]);
}

/** Replaces every row with the seed plan's world, in the caller's transaction. */
export function writeSeedPlan(tx: Conn, rows: RowWriter, plan: SeedPlan): void {
  // Issued documents cannot be deleted (database triggers) except while this guard row exists,
  // which is only inside this transaction.
  tx.insert(t.resetGuard).values({ id: 1 }).run();
  for (const table of tablesChildrenFirst(t)) tx.delete(table).run();
  tx.delete(t.resetGuard).run();
  tx.insert(t.system).values({ id: 1, seller: plan.seller, frozenAt: plan.clock }).run();
  for (const record of plan.catalogs) {
    const rows = catalogRows(record);
    tx.insert(t.catalogs).values(rows.catalog).run();
    if (rows.groups.length) tx.insert(t.planGroups).values(rows.groups).run();
    tx.insert(t.plans).values(rows.plans).run();
    if (rows.addOns.length) tx.insert(t.addOns).values(rows.addOns).run();
    tx.insert(t.prices).values(rows.prices).run();
  }
  for (const seed of plan.accounts) seedAccount(tx, rows, plan, seed);
}

function seedAccount(tx: Conn, rows: RowWriter, plan: SeedPlan, seed: SeedPlan['accounts'][number]) {
  const seeded = seedAccountRows(plan, seed);
  tx.insert(t.accounts).values(seeded.account).run();
  if (seeded.cards.length) tx.insert(t.paymentMethods).values(seeded.cards).run();
  tx.insert(t.users).values(seeded.users).run();
  tx.insert(t.subscriptions).values(seeded.subscriptionRow).run();
  rows.writeSubscription(seeded.subscription, 0);
  if (seeded.scheduledChange) tx.insert(t.scheduledChanges).values(seeded.scheduledChange).run();
  if (seeded.cancellation) tx.insert(t.subscriptionCancellations).values(seeded.cancellation).run();
  rows.issueDocument(seeded.invoice);
  if (seeded.payment) tx.insert(t.payments).values(seeded.payment).run();
  if (seeded.collection) tx.insert(t.collections).values(seeded.collection).run();
  if (seeded.credit) tx.insert(t.creditLedger).values(seeded.credit).run();
}

/**
 * The rows a seeded account is written as, in the order they are inserted, whatever the
 * database: its account, cards, users, subscription (whose items the row writer writes), the
 * invoice of its current period, its payment, collection and opening credit.
 */
export function seedAccountRows(plan: SeedPlan, seed: SeedPlan['accounts'][number]) {
  const { account, subscription, invoice } = seed;
  const period = periodAt(subscription.anchor, subscription.interval, subscription.periodIndex);
  const invoiceId = `${subscription.id}-${subscription.periodIndex}`;
  const owed = invoice.amountDue.amount > 0;
  // Paid when the period began, or unpaid since: its first attempt declined (paying it settles it).
  const paid = seed.invoicePaid;
  // The next attempt is two days after the scenario's now.
  const now = plan.clock ?? period.start;
  return {
    account,
    // One second apart, the default last: the list shows the newest after the default.
    cards: seed.cards.map((card, i) => ({
      ...card,
      accountId: account.id,
      createdAt: account.createdAt + seed.cards.length - i,
    })),
    users: [...seed.users],
    subscription,
    subscriptionRow: {
      id: subscription.id,
      accountId: account.id,
      status: subscription.status,
      intervalUnit: subscription.interval.unit,
      intervalCount: subscription.interval.count,
      anchor: subscription.anchor,
      periodIndex: subscription.periodIndex,
      signupAt: seed.signupAt,
      currentPeriodEnd: currentPeriod(subscription).end,
      version: 0,
    },
    scheduledChange: seed.scheduledChange
      ? { ...seed.scheduledChange, subscriptionId: subscription.id, status: 'pending' as const }
      : null,
    cancellation: seed.cancellation
      ? {
          ...cancellationRow(seed.cancellation),
          subscriptionId: subscription.id,
          createdByUserId: seed.users[0]?.id ?? null,
        }
      : null,
    invoice: renewalInvoice({
      id: invoiceId,
      account,
      subscriptionId: subscription.id,
      seller: plan.seller,
      invoice,
      names: itemNames(catalogOf(plan, account.catalogId), account.locale),
      issuedAt: period.start,
    }),
    payment: owed
      ? {
          id: crypto.randomUUID(),
          accountId: account.id,
          invoiceId,
          paymentAttemptId: `seed-${invoiceId}`,
          amount: invoice.amountDue.amount,
          currency: invoice.currency,
          status: paid ? ('succeeded' as const) : ('failed' as const),
          chargeId: paid ? `ch_seed_${invoiceId}` : null,
          declineCode: paid ? null : 'card_declined',
          createdAt: period.start,
        }
      : null,
    collection:
      owed && !paid
        ? {
            invoiceId,
            accountId: account.id,
            subscriptionId: subscription.id,
            attempts: 1,
            nextAttemptAt: Math.max(now, period.start) + 2 * 86_400,
            lastDecline: 'card_declined',
          }
        : null,
    credit:
      seed.openingCredit > 0
        ? {
            accountId: account.id,
            amount: seed.openingCredit,
            currency: account.currency,
            reason: 'opening_balance' as const,
            createdAt: period.start,
          }
        : null,
  };
}

function cancellationRow(cancellation: NonNullable<SeedPlan['accounts'][number]['cancellation']>) {
  const { replaced, ...row } = cancellation;
  return { ...row, replacedScheduledChangeId: replaced?.id ?? null };
}

function catalogOf(plan: SeedPlan, catalogId: string): Catalog {
  const record = plan.catalogs.find((c) => c.id === catalogId);
  if (!record) throw new Error(`the scenario has no catalog ${catalogId}`);
  return record.catalog;
}
