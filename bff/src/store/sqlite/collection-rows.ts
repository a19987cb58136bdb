import type { Locale } from '@planshift/shared/account';
import type { CurrencyCode } from '@planshift/shared/money';
import type { Instant } from '@planshift/shared/periods';
import type Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import { and, eq, sql } from 'drizzle-orm';
import * as t from '../../db/schema';
import { uuidV7 } from '../../ids';
import type { CollectionDue, CollectionResult } from '../records';
import type { Conn } from './connection';
import { chargeableCard } from './payment-method-rows';
import { rawColumns } from './raw-columns';
import type { AuditRow, OutboxRow, RowWriter } from './row-writer';

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

/** A due invoice's row (both dialects read the same columns) as a collection. */
export function toDue(row: Awaited<ReturnType<ReturnType<typeof dueQuery>['all']>>[number]): CollectionDue {
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
    paymentMethod: row.card ? chargeableCard(row.card) : null,
  };
}

const CARD = rawColumns(t.paymentMethods, 'pm');

/**
 * Invoices whose next collection attempt is due, oldest first: the rows `dueQuery` reads, as one
 * statement compiled once and mapped by hand (a renewal run reads one per renewed subscription,
 * and Drizzle's building and mapping of them cost more than SQLite's work).
 */
export class DueCollections {
  readonly #due: Statement<[Instant, number], unknown[]>;

  constructor(sqlite: Database.Database) {
    this.#due = sqlite
      .prepare<[Instant, number], unknown[]>(
        `select d.id, d.number, d.account_id, d.subscription_id, d.amount_due,
           coalesce((select sum(p.amount) from payments p where p.invoice_id = d.id and p.status = 'succeeded'), 0),
           d.currency, d.locale, a.billing_email, c.attempts, ${CARD.list}
         from collections c
           join documents d on d.id = c.invoice_id
           join accounts a on a.id = d.account_id
           left join payment_methods pm on pm.account_id = d.account_id and pm.is_default = 1
         where c.next_attempt_at <= ?
         order by c.next_attempt_at, c.invoice_id limit ?`,
      )
      .raw();
  }

  read(now: Instant, limit: number): CollectionDue[] {
    const dues: CollectionDue[] = [];
    for (const v of this.#due.all(now, limit)) {
      const card = CARD.row(v, 10);
      const due: CollectionDue = {
        invoiceId: v[0] as string,
        number: v[1] as string,
        accountId: v[2] as string,
        subscriptionId: v[3] as string,
        amount: (v[4] as number) - (v[5] as number),
        currency: v[6] as CurrencyCode,
        attempts: v[9] as number,
        recipient: v[8] as string,
        locale: v[7] as Locale,
        paymentMethod: card ? chargeableCard(card) : null,
      };
      if (due.amount > 0) dues.push(due);
    }
    return dues;
  }
}

/** One of the account's invoices with something still to pay, or null. */
export function readOpenInvoice(db: Conn, accountId: string, invoiceId: string): CollectionDue | null {
  const row = dueQuery(db)
    .where(and(eq(t.documents.id, invoiceId), eq(t.documents.accountId, accountId), eq(t.documents.kind, 'invoice')))
    .get();
  return row ? toDue(row) : null;
}

/**
 * Records what collection attempts did, once each: a second record of the same attempt (a
 * concurrent run, or a retry after a crash that the processor answered from its own record)
 * changes nothing. A decline puts the subscription past due and schedules the next attempt; the
 * payment that settles the last open invoice makes it active again. Plain statements compiled
 * once: a renewal run records one per renewed subscription.
 */
export class CollectionWriter {
  readonly #insertPayment;
  readonly #upsertCollection;
  readonly #status;
  readonly #setStatus;
  readonly #openInvoices;

  constructor(
    sqlite: Database.Database,
    private readonly rows: RowWriter,
  ) {
    // An attempt already recorded (payments_attempt is unique) inserts nothing: one statement, not a look-up first.
    this.#insertPayment = sqlite.prepare(
      `insert into payments (id, account_id, order_id, invoice_id, payment_attempt_id, amount, currency, status,
         charge_id, decline_code, created_at) values (?, ?, null, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (payment_attempt_id) do nothing`,
    );
    this.#upsertCollection = sqlite.prepare(
      `insert into collections (invoice_id, account_id, subscription_id, attempts, next_attempt_at, last_decline, paid_at)
       values (?, ?, ?, ?, ?, ?, ?)
       on conflict (invoice_id) do update set attempts = excluded.attempts, next_attempt_at = excluded.next_attempt_at,
         last_decline = excluded.last_decline, paid_at = excluded.paid_at`,
    );
    this.#status = sqlite.prepare<[string], string>('select status from subscriptions where id = ?').pluck();
    this.#setStatus = sqlite.prepare('update subscriptions set status = ?, version = version + 1 where id = ?');
    this.#openInvoices = sqlite
      .prepare<[string], number>(
        `select count(*) from documents d where d.subscription_id = ? and d.kind = 'invoice' and d.amount_due >
           coalesce((select sum(p.amount) from payments p where p.invoice_id = d.id and p.status = 'succeeded'), 0)`,
      )
      .pluck();
  }

  /** Schedules collecting a new invoice's amount due at `at`. */
  schedule(due: Readonly<{ invoiceId: string; accountId: string; subscriptionId: string }>, at: Instant): void {
    this.#upsertCollection.run(due.invoiceId, due.accountId, due.subscriptionId, 0, at, null, null);
  }

  record(
    result: CollectionResult,
    at: Instant,
    nextAttemptAt: (attempts: number) => Instant | null,
  ): 'recorded' | 'duplicate' {
    const { due, paymentAttemptId, outcome } = result;
    const succeeded = outcome.status === 'succeeded';
    const inserted = this.#insertPayment.run(
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
    );
    if (inserted.changes === 0) return 'duplicate';
    const attempts = due.attempts + 1;
    const next = succeeded ? null : nextAttemptAt(attempts);
    const decline = succeeded ? null : outcome.decline;
    this.#upsertCollection.run(
      due.invoiceId,
      due.accountId,
      due.subscriptionId,
      attempts,
      next,
      decline,
      succeeded ? at : null,
    );

    const status = this.#status.get(due.subscriptionId);
    if (!succeeded && status === 'active') this.#setStatus.run('past_due', due.subscriptionId);
    if (succeeded && status === 'past_due' && this.#openInvoices.get(due.subscriptionId) === 0) {
      this.#setStatus.run('active', due.subscriptionId);
    }
    const told = collectionTold(result, at, attempts, next);
    if (told.email) this.rows.queueEmail(told.email);
    this.rows.audit(told.audit);
    return 'recorded';
  }
}

/**
 * What recording a collection attempt tells: an e-mail (a failed scheduled attempt, or the
 * receipt of a payment the customer made at the portal; none otherwise: a customer paying is
 * told on screen, a paid scheduled attempt by the invoice) and the audit event.
 */
export function collectionTold(
  { due, paymentAttemptId, outcome, customerPresent }: CollectionResult,
  at: Instant,
  attempts: number,
  nextAttemptAt: Instant | null,
): { email: OutboxRow | null; audit: AuditRow } {
  const succeeded = outcome.status === 'succeeded';
  const decline = succeeded ? null : outcome.decline;
  const to = { accountId: due.accountId, recipient: due.recipient, at };
  const email: OutboxRow | null = !succeeded
    ? customerPresent
      ? null
      : {
          ...to,
          kind: 'renewal_failed',
          payload: { invoiceId: due.invoiceId, locale: due.locale, decline, nextAttemptAt },
        }
    : customerPresent
      ? {
          ...to,
          kind: 'payment_receipt',
          payload: {
            invoiceId: due.invoiceId,
            locale: due.locale,
            amount: due.amount,
            currency: due.currency,
            card: due.paymentMethod && { brand: due.paymentMethod.brand, last4: due.paymentMethod.last4 },
          },
        }
      : null;
  return {
    email,
    audit: {
      accountId: due.accountId,
      userId: null,
      action: succeeded ? 'invoice.paid' : 'invoice.payment_failed',
      subjectType: 'invoice',
      subjectId: due.invoiceId,
      data: { number: due.number, attempt: attempts, amount: due.amount, paymentAttemptId, outcome },
      at,
    },
  };
}
