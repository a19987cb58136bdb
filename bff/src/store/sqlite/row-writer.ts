import type { DocumentLine } from '@planshift/shared/documents';
import type { Instant } from '@planshift/shared/periods';
import { currentPeriod, type Subscription, type SubscriptionItem } from '@planshift/shared/subscription';
import type Database from 'better-sqlite3';
import { uuidV7 } from '../../ids';
import type { NewDocument } from './document-rows';

const SERIES = { invoice: 'INV', credit_note: 'CN' } as const;

export type OutboxRow = Readonly<{
  accountId: string;
  kind: string;
  recipient: string;
  payload: unknown;
  at: Instant;
}>;

export type AuditRow = Readonly<{
  accountId: string;
  userId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  data: unknown;
  at: Instant;
}>;

/**
 * The writes every change, renewal and seed makes, as plain statements compiled once: a renewal
 * run makes a dozen per subscription, and building each through the query builder cost more than
 * SQLite's work. Runs inside the caller's transaction (one connection, one transaction).
 */
export class RowWriter {
  readonly #updateSubscription;
  readonly #deleteItems;
  readonly #insertItem;
  readonly #nextNumber;
  readonly #insertDocument;
  readonly #insertLine;
  readonly #insertOutbox;
  readonly #insertAudit;

  constructor(sqlite: Database.Database) {
    this.#updateSubscription = sqlite.prepare(
      `update subscriptions set status = ?, interval_unit = ?, interval_count = ?, anchor = ?, period_index = ?,
         current_period_end = ?, version = ? where id = ? and version = ?`,
    );
    this.#deleteItems = sqlite.prepare('delete from subscription_items where subscription_id = ?');
    this.#insertItem = sqlite.prepare(
      `insert into subscription_items (subscription_id, kind, product_id, price_id, unit_amount, quantity,
         billed_in_period, credited_in_period) values (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#nextNumber = sqlite
      .prepare<[string, number], number>(
        `insert into document_sequences (series, year, last_number) values (?, ?, 1)
         on conflict (series, year) do update set last_number = last_number + 1 returning last_number`,
      )
      .pluck();
    this.#insertDocument = sqlite.prepare(
      `insert into documents (id, account_id, subscription_id, kind, reason, series, year, sequence, number, currency,
         total, credit_note_applied, credit_balance_applied, forfeited, amount_due, related_document_id, order_id,
         seller, customer, locale, issued_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#insertLine = sqlite.prepare(
      `insert into document_lines (document_id, position, kind, item_type, item_id, item_name, price_id, quantity,
         unit_amount, covers_start, covers_end, period_start, period_end, fraction_unit, fraction_numerator,
         fraction_denominator, amount, capped)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#insertOutbox = sqlite.prepare(
      `insert into outbox (id, account_id, kind, recipient, payload, created_at, attempts, next_attempt_at)
       values (?, ?, ?, ?, ?, ?, 0, ?)`,
    );
    this.#insertAudit = sqlite.prepare(
      `insert into audit_events (account_id, user_id, action, subject_type, subject_id, data, at)
       values (?, ?, ?, ?, ?, ?, ?)`,
    );
  }

  /**
   * Rewrites the subscription row and its items to the engine's state, if still at `expectedVersion`.
   * `stored`: the subscription as read at that version; its items are left as they are when the
   * engine did not change them (a renewal that only moves the period, most of them).
   */
  writeSubscription(subscription: Subscription, expectedVersion: number, stored?: Subscription): boolean {
    const { id, interval } = subscription;
    const updated = this.#updateSubscription.run(
      subscription.status,
      interval.unit,
      interval.count,
      subscription.anchor,
      subscription.periodIndex,
      currentPeriod(subscription).end,
      expectedVersion + 1,
      id,
      expectedVersion,
    );
    if (updated.changes !== 1) return false;
    if (stored && sameItems(stored, subscription)) return true;
    this.#deleteItems.run(id);
    const item = (kind: 'plan' | 'add_on', productId: string, i: SubscriptionItem) =>
      this.#insertItem.run(
        id,
        kind,
        productId,
        i.priceId,
        i.unitAmount,
        i.quantity,
        i.billedInPeriod,
        i.creditedInPeriod,
      );
    item('plan', subscription.plan.planId, subscription.plan);
    for (const addOn of subscription.addOns) item('add_on', addOn.addOnId, addOn);
    return true;
  }

  /**
   * Issues a document with the next number of its series and year. The counter row is bumped in
   * the caller's transaction, so a rollback leaves no gap and two writers never share a number.
   */
  issueDocument(doc: NewDocument): { id: string; number: string } {
    const { series, year } = documentSeries(doc);
    const sequence = this.#nextNumber.get(series, year);
    if (sequence === undefined) throw new Error(`no number left in series ${series}-${year}`);
    const number = documentNumber(series, year, sequence);
    this.#insertDocument.run(...documentValues(doc, series, year, sequence, number));
    doc.lines.forEach((line, position) => {
      this.#insertLine.run(...lineValues(doc, line, position));
    });
    return { id: doc.id, number };
  }

  /** Queues an e-mail in the caller's transaction: it is sent only if the change commits. */
  queueEmail({ accountId, kind, recipient, payload, at }: OutboxRow): void {
    this.#insertOutbox.run(uuidV7(), accountId, kind, recipient, JSON.stringify(payload), at, at);
  }

  audit({ accountId, userId, action, subjectType, subjectId, data, at }: AuditRow): void {
    this.#insertAudit.run(accountId, userId, action, subjectType, subjectId, JSON.stringify(data), at);
  }
}

const sameItem = (a: SubscriptionItem, b: SubscriptionItem): boolean =>
  a.priceId === b.priceId &&
  a.unitAmount === b.unitAmount &&
  a.quantity === b.quantity &&
  a.billedInPeriod === b.billedInPeriod &&
  a.creditedInPeriod === b.creditedInPeriod;

/** Do the two states of a subscription have the same item rows (plan and add-ons, in order)? */
export function sameItems(a: Subscription, b: Subscription): boolean {
  return (
    a.plan.planId === b.plan.planId &&
    sameItem(a.plan, b.plan) &&
    a.addOns.length === b.addOns.length &&
    a.addOns.every((addOn, i) => {
      const other = b.addOns[i];
      return other !== undefined && addOn.addOnId === other.addOnId && sameItem(addOn, other);
    })
  );
}

/** A document's series and year; refuses one whose lines do not add up to its total. */
export function documentSeries(doc: NewDocument): { series: string; year: number } {
  const lineSum = doc.lines.reduce((sum, line) => sum + line.amount.amount, 0);
  if (lineSum !== doc.total) throw new Error(`document lines add up to ${lineSum}, not its total ${doc.total}`);
  return { series: SERIES[doc.kind], year: new Date(doc.issuedAt * 1000).getUTCFullYear() };
}

export const documentNumber = (series: string, year: number, sequence: number): string =>
  `${series}-${year}-${String(sequence).padStart(6, '0')}`;

/**
 * The seller as the documents store it: one object for a whole renewal batch (or a change's
 * documents), so it is written out once per object rather than once per document.
 */
const sellerJson = new WeakMap<object, string>();
function storedSeller(seller: NewDocument['seller']): string {
  let json = sellerJson.get(seller);
  if (json === undefined) {
    json = JSON.stringify(seller);
    sellerJson.set(seller, json);
  }
  return json;
}

/** A document row's values in the order of both dialects' insert statements. */
export function documentValues(doc: NewDocument, series: string, year: number, sequence: number, number: string) {
  return [
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
    storedSeller(doc.seller),
    JSON.stringify(doc.customer),
    doc.locale,
    doc.issuedAt,
  ] as const;
}

/** A document line's values in the order of both dialects' insert statements (the flag as SQLite's 0/1). */
export function lineValues(doc: NewDocument, line: DocumentLine, position: number) {
  return [
    doc.id,
    position,
    line.kind,
    line.item.type,
    line.item.id,
    doc.itemNames[line.item.id] ?? line.item.id,
    line.item.priceId,
    line.quantity,
    line.unitAmount.amount,
    line.covers.start,
    line.covers.end,
    line.billingPeriod.start,
    line.billingPeriod.end,
    line.fraction.unit,
    line.fraction.numerator,
    line.fraction.denominator,
    line.amount.amount,
    line.capped ? 1 : 0,
  ] as const;
}
