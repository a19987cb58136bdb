import type { PgDb } from '../db/open-pg';
import * as t from '../db/pg-schema';

// Rows for tests of the PostgreSQL schema itself (triggers, numbering), before any store writes
// them: one account with one subscription, and invoices of one line issued to it.

/** 2027-01-01, epoch seconds. */
export const AT = 1_798_761_600;
const MONTH = 2_678_400;

/** An account with its subscription (`acct` and `sub` unless named); more than one may be made. */
export async function insertAccountWithSubscription(
  db: PgDb,
  accountId = 'acct',
  subscriptionId = 'sub',
): Promise<void> {
  await db.insert(t.catalogs).values({ id: 'c', name: 'Catalog', version: '1', policies: {} }).onConflictDoNothing();
  await db.insert(t.accounts).values({
    id: accountId,
    name: 'Acme',
    catalogId: 'c',
    currency: 'EUR',
    locale: 'en',
    billingEmail: 'billing@acme.example',
    billingAddress: { country: 'FR' },
    createdAt: AT,
  });
  await db.insert(t.subscriptions).values({
    id: subscriptionId,
    accountId,
    status: 'active',
    intervalUnit: 'month',
    intervalCount: 1,
    anchor: AT,
    periodIndex: 0,
    signupAt: AT,
    version: 1,
    currentPeriodEnd: AT + MONTH,
  });
}

/** An invoice for 2 seats at 29.00 EUR, numbered `sequence` in its series and year. */
export function invoiceRow(
  id: string,
  series: string,
  year: number,
  sequence: number,
): typeof t.documents.$inferInsert {
  return {
    id,
    accountId: 'acct',
    subscriptionId: 'sub',
    kind: 'invoice',
    reason: 'renewal',
    series,
    year,
    sequence,
    number: `${series}-${year}-${sequence}`,
    currency: 'EUR',
    total: 5_800,
    creditNoteApplied: 0,
    creditBalanceApplied: 0,
    forfeited: 0,
    amountDue: 5_800,
    seller: { name: 'Planshift' },
    customer: { name: 'Acme' },
    locale: 'en',
    issuedAt: AT,
  };
}

export function invoiceLineRow(documentId: string): typeof t.documentLines.$inferInsert {
  return {
    documentId,
    position: 0,
    kind: 'plan',
    itemType: 'plan',
    itemId: 'advanced',
    itemName: 'Advanced',
    priceId: 'advanced-monthly',
    quantity: 2,
    unitAmount: 2_900,
    coversStart: AT,
    coversEnd: AT + MONTH,
    periodStart: AT,
    periodEnd: AT + MONTH,
    fractionUnit: 'second',
    fractionNumerator: MONTH,
    fractionDenominator: MONTH,
    amount: 5_800,
    capped: false,
  };
}
