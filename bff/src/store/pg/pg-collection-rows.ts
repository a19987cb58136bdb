import type { Instant } from '@planshift/shared/periods';
import { and, eq, inArray, not, sql } from 'drizzle-orm';
import * as t from '../../db/pg-schema';
import { uuidV7 } from '../../ids';
import type { ClaimPolicy } from '../claim-policy';
import type { CollectionDue, CollectionResult } from '../records';
import { collectionTold, toDue } from '../sqlite/collection-rows';
import type { Conn } from './connection';
import type { PgRowWriter } from './pg-row-writer';

const paidSoFar = sql<number>`coalesce((select sum(${t.payments.amount}) from ${t.payments}
  where ${t.payments.invoiceId} = ${t.documents.id} and ${t.payments.status} = 'succeeded'), 0)`.mapWith(Number);

function dueQuery(db: Conn) {
  return db
    .select({
      invoiceId: t.documents.id,
      number: t.documents.number,
      accountId: t.documents.accountId,
      subscriptionId: t.documents.subscriptionId,
      amountDue: t.documents.amountDue,
      paid: paidSoFar,
      currency: t.documents.currency,
      locale: t.documents.locale,
      recipient: t.accounts.billingEmail,
      attempts: sql<number>`coalesce(${t.collections.attempts}, 0)`.mapWith(Number),
      card: t.paymentMethods,
    })
    .from(t.documents)
    .innerJoin(t.accounts, eq(t.accounts.id, t.documents.accountId))
    .leftJoin(t.collections, eq(t.collections.invoiceId, t.documents.id))
    .leftJoin(
      t.paymentMethods,
      and(eq(t.paymentMethods.accountId, t.documents.accountId), eq(t.paymentMethods.isDefault, true)),
    );
}

/**
 * Invoices whose next collection attempt is due, oldest first, leaving out those whose
 * subscription a live claim holds (another instance's pass, an order, this boot's own work):
 * instances running passes at once then read different batches instead of all reading the same
 * first `limit` invoices and all but one finding them claimed (docs/decisions/020). A claim
 * whose owner is gone (lease lapsed, or an earlier boot of this instance) does not hide its
 * invoice: `claim` decides then, by the claim rules.
 */
export async function readDueCollections(
  db: Conn,
  now: Instant,
  limit: number,
  policy: ClaimPolicy,
): Promise<CollectionDue[]> {
  const live = sql`exists (select 1 from ${t.subscriptionClaims} c
    where c.subscription_id = ${t.documents.subscriptionId} and c.expires_at > ${policy.wallNow()}
      and not (starts_with(c.owner, ${`${policy.instance}/`}) and c.owner <> ${policy.owner}))`;
  const rows = await dueQuery(db)
    .where(and(sql`${t.collections.nextAttemptAt} <= ${now}`, not(live)))
    .orderBy(t.collections.nextAttemptAt, t.collections.invoiceId)
    .limit(limit);
  return rows.map(toDue).filter((due) => due.amount > 0);
}

/**
 * Of the dues a pass read, those still due as read: open, with the same amount and number of
 * attempts. Read under the accounts' locks when claiming, so that a pass that read an invoice
 * just before another instance recorded its payment does not charge it again.
 */
export async function stillDue(db: Conn, dues: readonly CollectionDue[]): Promise<CollectionDue[]> {
  if (dues.length === 0) return [];
  const rows = await dueQuery(db).where(
    inArray(
      t.documents.id,
      dues.map((due) => due.invoiceId),
    ),
  );
  const now = new Map(rows.map((row) => [row.invoiceId, toDue(row)]));
  return dues.filter((due) => {
    const current = now.get(due.invoiceId);
    return current !== undefined && current.amount === due.amount && current.attempts === due.attempts;
  });
}

/** One of the account's invoices with something still to pay, or null. */
export async function readOpenInvoice(db: Conn, accountId: string, invoiceId: string): Promise<CollectionDue | null> {
  const [row] = await dueQuery(db).where(
    and(eq(t.documents.id, invoiceId), eq(t.documents.accountId, accountId), eq(t.documents.kind, 'invoice')),
  );
  return row ? toDue(row) : null;
}

const PAYMENT_EXISTS = {
  name: 'collection-payment-exists',
  text: 'select 1 from payments where payment_attempt_id = $1',
};
const INSERT_PAYMENT = {
  name: 'collection-insert-payment',
  text: `insert into payments (id, account_id, order_id, invoice_id, payment_attempt_id, amount, currency, status,
           charge_id, decline_code, created_at) values ($1, $2, null, $3, $4, $5, $6, $7, $8, $9, $10)
         on conflict (payment_attempt_id) do nothing`,
};
const UPSERT_COLLECTION = {
  name: 'collection-upsert',
  text: `insert into collections (invoice_id, account_id, subscription_id, attempts, next_attempt_at, last_decline, paid_at)
         values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (invoice_id) do update set attempts = excluded.attempts, next_attempt_at = excluded.next_attempt_at,
           last_decline = excluded.last_decline, paid_at = excluded.paid_at`,
};
const STATUS = { name: 'collection-status', text: 'select status from subscriptions where id = $1' };
const SET_STATUS = {
  name: 'collection-set-status',
  text: 'update subscriptions set status = $1, version = version + 1 where id = $2',
};
const OPEN_INVOICES = {
  name: 'collection-open-invoices',
  text: `select count(*) as count from documents d where d.subscription_id = $1 and d.kind = 'invoice' and d.amount_due >
           coalesce((select sum(p.amount) from payments p where p.invoice_id = d.id and p.status = 'succeeded'), 0)`,
};

/**
 * Records what collection attempts did, once each (SQLite's CollectionWriter): a second record
 * of the same attempt changes nothing. On PostgreSQL the payment is inserted `on conflict do
 * nothing` and its row count says whether this was the first record, so two transactions
 * recording the same attempt at once cannot both count it (the account lock already orders them).
 */
export class PgCollectionWriter {
  constructor(private readonly rows: PgRowWriter) {}

  /** Schedules collecting a new invoice's amount due at `at`. */
  async schedule(
    tx: Conn,
    due: Readonly<{ invoiceId: string; accountId: string; subscriptionId: string }>,
    at: Instant,
  ): Promise<void> {
    await tx.$client.query({
      ...UPSERT_COLLECTION,
      values: [due.invoiceId, due.accountId, due.subscriptionId, 0, at, null, null],
    });
  }

  async record(
    tx: Conn,
    result: CollectionResult,
    at: Instant,
    nextAttemptAt: (attempts: number) => Instant | null,
  ): Promise<'recorded' | 'duplicate'> {
    const { due, paymentAttemptId, outcome } = result;
    const q = tx.$client;
    if ((await q.query({ ...PAYMENT_EXISTS, values: [paymentAttemptId] })).rowCount) return 'duplicate';
    const succeeded = outcome.status === 'succeeded';
    const inserted = await q.query({
      ...INSERT_PAYMENT,
      values: [
        uuidV7(),
        due.accountId,
        due.invoiceId,
        paymentAttemptId,
        due.amount,
        due.currency,
        outcome.status,
        succeeded ? outcome.chargeId : null,
        succeeded ? null : outcome.decline,
        at,
      ],
    });
    if (inserted.rowCount !== 1) return 'duplicate';
    const attempts = due.attempts + 1;
    const next = succeeded ? null : nextAttemptAt(attempts);
    const decline = succeeded ? null : outcome.decline;
    await q.query({
      ...UPSERT_COLLECTION,
      values: [due.invoiceId, due.accountId, due.subscriptionId, attempts, next, decline, succeeded ? at : null],
    });

    const status = (await q.query<{ status: string }>({ ...STATUS, values: [due.subscriptionId] })).rows[0]?.status;
    if (!succeeded && status === 'active') await q.query({ ...SET_STATUS, values: ['past_due', due.subscriptionId] });
    if (succeeded && status === 'past_due') {
      const open = (await q.query<{ count: number }>({ ...OPEN_INVOICES, values: [due.subscriptionId] })).rows[0];
      if (open?.count === 0) await q.query({ ...SET_STATUS, values: ['active', due.subscriptionId] });
    }
    const told = collectionTold(result, at, attempts, next);
    if (told.email) await this.rows.queueEmail(tx, told.email);
    await this.rows.audit(tx, told.audit);
    return 'recorded';
  }
}
