import { currentPeriod, type Subscription, type SubscriptionItem } from '@planshift/shared/subscription';
import { nextDocumentNumber } from '../../db/pg-document-numbers';
import { uuidV7 } from '../../ids';
import type { NewDocument } from '../sqlite/document-rows';
import type { AuditRow, OutboxRow } from '../sqlite/row-writer';
import type { Conn } from './connection';

export type { AuditRow, OutboxRow } from '../sqlite/row-writer';

const SERIES = { invoice: 'INV', credit_note: 'CN' } as const;

// Named statements, prepared once per connection. Items and lines go in one statement each,
// whatever their number, through `unnest` of one array per column: one round trip, not one a row.
const UPDATE_SUBSCRIPTION = {
  name: 'row-update-subscription',
  text: `update subscriptions set status = $1, interval_unit = $2, interval_count = $3, anchor = $4, period_index = $5,
           current_period_end = $6, version = $7 where id = $8 and version = $9`,
};
const DELETE_ITEMS = { name: 'row-delete-items', text: 'delete from subscription_items where subscription_id = $1' };
const INSERT_ITEMS = {
  name: 'row-insert-items',
  text: `insert into subscription_items (subscription_id, kind, product_id, price_id, unit_amount, quantity,
           billed_in_period, credited_in_period)
         select $1, * from unnest($2::text[], $3::text[], $4::text[], $5::bigint[], $6::integer[], $7::bigint[], $8::bigint[])`,
};
const INSERT_DOCUMENT = {
  name: 'row-insert-document',
  text: `insert into documents (id, account_id, subscription_id, kind, reason, series, year, sequence, number, currency,
           total, credit_note_applied, credit_balance_applied, forfeited, amount_due, related_document_id, order_id,
           seller, customer, locale, issued_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)`,
};
const INSERT_LINES = {
  name: 'row-insert-lines',
  text: `insert into document_lines (document_id, position, kind, item_type, item_id, item_name, price_id, quantity,
           unit_amount, covers_start, covers_end, period_start, period_end, fraction_unit, fraction_numerator,
           fraction_denominator, amount, capped)
         select $1, * from unnest($2::integer[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
           $8::integer[], $9::bigint[], $10::bigint[], $11::bigint[], $12::bigint[], $13::bigint[], $14::text[],
           $15::bigint[], $16::bigint[], $17::bigint[], $18::boolean[])`,
};
const INSERT_OUTBOX = {
  name: 'row-insert-outbox',
  text: `insert into outbox (id, account_id, kind, recipient, payload, created_at, attempts, next_attempt_at)
         values ($1, $2, $3, $4, $5, $6, 0, $6)`,
};
const INSERT_AUDIT = {
  name: 'row-insert-audit',
  text: `insert into audit_events (account_id, user_id, action, subject_type, subject_id, data, at)
         values ($1, $2, $3, $4, $5, $6, $7)`,
};

/** Columns of rows, for an `unnest` insert. */
function columns<R>(rows: readonly R[], pick: ((row: R) => unknown)[]): unknown[][] {
  return pick.map((value) => rows.map(value));
}

/**
 * The writes every change, renewal and seed makes (SQLite's RowWriter, statement for statement),
 * on the caller's transaction: the one a PgContext `write` opened, after its account locks.
 */
export class PgRowWriter {
  /**
   * Rewrites the subscription row and its items to the engine's state, if still at
   * `expectedVersion` (docs/decisions/019: a row count of 0 means it moved; never overwrite).
   */
  async writeSubscription(tx: Conn, subscription: Subscription, expectedVersion: number): Promise<boolean> {
    const { id, interval } = subscription;
    const updated = await tx.$client.query({
      ...UPDATE_SUBSCRIPTION,
      values: [
        subscription.status,
        interval.unit,
        interval.count,
        subscription.anchor,
        subscription.periodIndex,
        currentPeriod(subscription).end,
        expectedVersion + 1,
        id,
        expectedVersion,
      ],
    });
    if (updated.rowCount !== 1) return false;
    await tx.$client.query({ ...DELETE_ITEMS, values: [id] });
    type Item = readonly ['plan' | 'add_on', string, SubscriptionItem];
    const items: Item[] = [
      ['plan', subscription.plan.planId, subscription.plan],
      ...subscription.addOns.map((a): Item => ['add_on', a.addOnId, a]),
    ];
    await tx.$client.query({
      ...INSERT_ITEMS,
      values: [
        id,
        ...columns(items, [
          ([kind]) => kind,
          ([, productId]) => productId,
          ([, , i]) => i.priceId,
          ([, , i]) => i.unitAmount,
          ([, , i]) => i.quantity,
          ([, , i]) => i.billedInPeriod,
          ([, , i]) => i.creditedInPeriod,
        ]),
      ],
    });
    return true;
  }

  /**
   * Issues a document with the next number of its series and year (`nextDocumentNumber`: the
   * counter row's lock makes issuers of one series take turns until their transactions end, and
   * a rollback gives the number back). Call it late in the transaction.
   */
  async issueDocument(tx: Conn, doc: NewDocument): Promise<{ id: string; number: string }> {
    const lineSum = doc.lines.reduce((sum, line) => sum + line.amount.amount, 0);
    if (lineSum !== doc.total) throw new Error(`document lines add up to ${lineSum}, not its total ${doc.total}`);
    const series = SERIES[doc.kind];
    const year = new Date(doc.issuedAt * 1000).getUTCFullYear();
    const sequence = await nextDocumentNumber(tx.$client, series, year);
    const number = `${series}-${year}-${String(sequence).padStart(6, '0')}`;
    await tx.$client.query({
      ...INSERT_DOCUMENT,
      values: [
        doc.id,
        doc.accountId,
        doc.subscriptionId,
        doc.kind,
        doc.reason,
        series,
        year,
        sequence,
        number,
        doc.currency,
        doc.total,
        doc.creditNoteApplied,
        doc.creditBalanceApplied,
        doc.forfeited,
        doc.amountDue,
        doc.relatedDocumentId,
        doc.orderId,
        JSON.stringify(doc.seller),
        JSON.stringify(doc.customer),
        doc.locale,
        doc.issuedAt,
      ],
    });
    const lines = doc.lines.map((line, position) => ({ line, position }));
    await tx.$client.query({
      ...INSERT_LINES,
      values: [
        doc.id,
        ...columns(lines, [
          ({ position }) => position,
          ({ line }) => line.kind,
          ({ line }) => line.item.type,
          ({ line }) => line.item.id,
          ({ line }) => doc.itemNames[line.item.id] ?? line.item.id,
          ({ line }) => line.item.priceId,
          ({ line }) => line.quantity,
          ({ line }) => line.unitAmount.amount,
          ({ line }) => line.covers.start,
          ({ line }) => line.covers.end,
          ({ line }) => line.billingPeriod.start,
          ({ line }) => line.billingPeriod.end,
          ({ line }) => line.fraction.unit,
          ({ line }) => line.fraction.numerator,
          ({ line }) => line.fraction.denominator,
          ({ line }) => line.amount.amount,
          ({ line }) => line.capped,
        ]),
      ],
    });
    return { id: doc.id, number };
  }

  /** Queues an e-mail in the caller's transaction: it is sent only if the change commits. */
  async queueEmail(tx: Conn, { accountId, kind, recipient, payload, at }: OutboxRow): Promise<void> {
    await tx.$client.query({
      ...INSERT_OUTBOX,
      values: [uuidV7(), accountId, kind, recipient, JSON.stringify(payload), at],
    });
  }

  async audit(tx: Conn, { accountId, userId, action, subjectType, subjectId, data, at }: AuditRow): Promise<void> {
    await tx.$client.query({
      ...INSERT_AUDIT,
      values: [accountId, userId, action, subjectType, subjectId, JSON.stringify(data), at],
    });
  }
}
