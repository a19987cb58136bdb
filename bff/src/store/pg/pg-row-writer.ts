import { currentPeriod, type Subscription, type SubscriptionItem } from '@planshift/shared/subscription';
import { nextDocumentNumber } from '../../db/pg-document-numbers';
import { uuidV7 } from '../../ids';
import type { NewDocument } from '../sqlite/document-rows';
import {
  type AuditRow,
  documentNumber,
  documentSeries,
  documentValues,
  lineValues,
  type OutboxRow,
  sameItems,
} from '../sqlite/row-writer';
import type { Conn } from './connection';

export type { AuditRow, OutboxRow } from '../sqlite/row-writer';

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
   * `expectedVersion` (docs/decisions/019: a row count of 0 means it moved; never overwrite);
   * unchanged items are left as they are when `stored` (the state read at that version) is given.
   */
  async writeSubscription(
    tx: Conn,
    subscription: Subscription,
    expectedVersion: number,
    stored?: Subscription,
  ): Promise<boolean> {
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
    if (stored && sameItems(stored, subscription)) return true;
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
    const { series, year } = documentSeries(doc);
    const sequence = await nextDocumentNumber(tx.$client, series, year);
    const number = documentNumber(series, year, sequence);
    await tx.$client.query({ ...INSERT_DOCUMENT, values: [...documentValues(doc, series, year, sequence, number)] });
    // One array per column, each line's values in the statement's order; the flag as a boolean.
    const rows = doc.lines.map((line, position) => lineValues(doc, line, position));
    const column = (index: number) => rows.map((row) => row[index]);
    const flags = rows.map((row) => row[17] === 1);
    await tx.$client.query({
      ...INSERT_LINES,
      values: [doc.id, ...Array.from({ length: 16 }, (_, i) => column(i + 1)), flags],
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
