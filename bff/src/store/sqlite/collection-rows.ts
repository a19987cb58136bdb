import type { CurrencyCode } from '@planshift/shared/money';
import type { Instant } from '@planshift/shared/periods';
import { and, eq, sql } from 'drizzle-orm';
import type { Locale } from '../../api-types';
import * as t from '../../db/schema';
import type { CollectionDue, CollectionResult, PaymentMethod } from '../records';
import type { Conn } from './connection';

const paidSoFar = sql<number>`coalesce((select sum(${t.payments.amount}) from ${t.payments}
  where ${t.payments.invoiceId} = ${t.documents.id} and ${t.payments.status} = 'succeeded'), 0)`;

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
      attempts: sql<number>`coalesce(${t.collections.attempts}, 0)`,
      paymentMethod: t.accounts.paymentMethod,
    })
    .from(t.documents)
    .innerJoin(t.accounts, eq(t.accounts.id, t.documents.accountId))
    .leftJoin(t.collections, eq(t.collections.invoiceId, t.documents.id));
}

function toDue(row: Awaited<ReturnType<ReturnType<typeof dueQuery>['all']>>[number]): CollectionDue {
  return {
    invoiceId: row.invoiceId,
    number: row.number,
    accountId: row.accountId,
    subscriptionId: row.subscriptionId,
    amount: row.amountDue - row.paid,
    currency: row.currency as CurrencyCode,
    attempts: row.attempts,
    recipient: row.recipient,
    locale: row.locale as Locale,
    paymentMethod: (row.paymentMethod ?? null) as PaymentMethod | null,
  };
}

/** Invoices whose next collection attempt is due, oldest first. */
export function readDueCollections(db: Conn, now: Instant, limit: number): CollectionDue[] {
  return dueQuery(db)
    .where(sql`${t.collections.nextAttemptAt} <= ${now}`)
    .orderBy(t.collections.nextAttemptAt, t.collections.invoiceId)
    .limit(limit)
    .all()
    .map(toDue)
    .filter((due) => due.amount > 0);
}

/** One of the account's invoices with something still to pay, or null. */
export function readOpenInvoice(db: Conn, accountId: string, invoiceId: string): CollectionDue | null {
  const row = dueQuery(db)
    .where(and(eq(t.documents.id, invoiceId), eq(t.documents.accountId, accountId), eq(t.documents.kind, 'invoice')))
    .get();
  return row ? toDue(row) : null;
}

/**
 * Records what a collection attempt did, once: a second record of the same attempt (a concurrent
 * run, or a retry after a crash that the processor answered from its own record) changes nothing.
 * A decline puts the subscription past due and schedules the next attempt; the payment that
 * settles the last open invoice makes it active again.
 */
export function writeCollectionResult(
  tx: Conn,
  { due, paymentAttemptId, outcome }: CollectionResult,
  at: Instant,
  nextAttemptAt: (attempts: number) => Instant | null,
  bumpStatus: (subscriptionId: string, status: 'active' | 'past_due') => void,
): 'recorded' | 'duplicate' {
  const seen = tx
    .select({ id: t.payments.id })
    .from(t.payments)
    .where(eq(t.payments.paymentAttemptId, paymentAttemptId))
    .get();
  if (seen) return 'duplicate';
  const succeeded = outcome.status === 'succeeded';
  tx.insert(t.payments)
    .values({
      id: crypto.randomUUID(),
      accountId: due.accountId,
      invoiceId: due.invoiceId,
      paymentAttemptId,
      amount: due.amount,
      currency: due.currency,
      status: outcome.status,
      chargeId: succeeded ? outcome.chargeId : null,
      declineCode: succeeded ? null : outcome.decline,
      createdAt: at,
    })
    .run();
  const attempts = due.attempts + 1;
  const collection = {
    attempts,
    nextAttemptAt: succeeded ? null : nextAttemptAt(attempts),
    lastDecline: succeeded ? null : outcome.decline,
    paidAt: succeeded ? at : null,
  };
  tx.insert(t.collections)
    .values({ invoiceId: due.invoiceId, accountId: due.accountId, subscriptionId: due.subscriptionId, ...collection })
    .onConflictDoUpdate({ target: t.collections.invoiceId, set: collection })
    .run();

  const subscription = tx
    .select({ status: t.subscriptions.status })
    .from(t.subscriptions)
    .where(eq(t.subscriptions.id, due.subscriptionId))
    .get();
  if (!succeeded) {
    if (subscription?.status === 'active') bumpStatus(due.subscriptionId, 'past_due');
    tx.insert(t.outbox)
      .values({
        id: crypto.randomUUID(),
        accountId: due.accountId,
        kind: 'renewal_failed',
        recipient: due.recipient,
        payload: {
          invoiceId: due.invoiceId,
          locale: due.locale,
          decline: outcome.decline,
          nextAttemptAt: collection.nextAttemptAt,
        },
        createdAt: at,
        nextAttemptAt: at,
      })
      .run();
  } else if (subscription?.status === 'past_due' && openInvoices(tx, due.subscriptionId) === 0) {
    bumpStatus(due.subscriptionId, 'active');
  }
  tx.insert(t.auditEvents)
    .values({
      accountId: due.accountId,
      userId: null,
      action: succeeded ? 'invoice.paid' : 'invoice.payment_failed',
      subjectType: 'invoice',
      subjectId: due.invoiceId,
      data: { number: due.number, attempt: attempts, amount: due.amount, paymentAttemptId, outcome },
      at,
    })
    .run();
  return 'recorded';
}

function openInvoices(tx: Conn, subscriptionId: string): number {
  return (
    tx
      .select({ count: sql<number>`count(*)` })
      .from(t.documents)
      .where(
        and(
          eq(t.documents.subscriptionId, subscriptionId),
          eq(t.documents.kind, 'invoice'),
          sql`${t.documents.amountDue} > ${paidSoFar}`,
        ),
      )
      .get()?.count ?? 0
  );
}
