import type { DocumentLine } from '@planshift/shared/documents';
import type { CurrencyCode } from '@planshift/shared/money';
import type { Instant } from '@planshift/shared/periods';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Locale } from '../../api-types';
import { documentLines, documentSequences, documents, payments } from '../../db/schema';
import type { Customer, DocumentRecord, Seller } from '../records';
import type { Conn } from './connection';

const SERIES = { invoice: 'INV', credit_note: 'CN' } as const;

export type NewDocument = Readonly<{
  id: string;
  accountId: string;
  subscriptionId: string;
  kind: 'invoice' | 'credit_note';
  reason: 'change' | 'renewal';
  currency: CurrencyCode;
  total: number;
  creditNoteApplied: number;
  creditBalanceApplied: number;
  forfeited: number;
  amountDue: number;
  relatedDocumentId: string | null;
  orderId: string | null;
  seller: Seller;
  customer: Customer;
  locale: Locale;
  issuedAt: Instant;
  lines: readonly DocumentLine[];
  /** Plan and add-on names by id, frozen into the lines. */
  itemNames: Readonly<Record<string, string>>;
}>;

function utcYear(at: Instant): number {
  return new Date(at * 1000).getUTCFullYear();
}

/**
 * Issues a document with the next number of its series and year. The counter row is bumped in
 * the caller's transaction, so a rollback leaves no gap and two writers never share a number.
 */
export function issueDocument(tx: Conn, doc: NewDocument): { id: string; number: string } {
  const lineSum = doc.lines.reduce((sum, line) => sum + line.amount.amount, 0);
  if (lineSum !== doc.total) throw new Error(`document lines add up to ${lineSum}, not its total ${doc.total}`);
  const series = SERIES[doc.kind];
  const year = utcYear(doc.issuedAt);
  const counter = tx
    .insert(documentSequences)
    .values({ series, year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [documentSequences.series, documentSequences.year],
      set: { lastNumber: sql`${documentSequences.lastNumber} + 1` },
    })
    .returning()
    .get();
  const number = `${series}-${year}-${String(counter.lastNumber).padStart(6, '0')}`;
  tx.insert(documents)
    .values({
      id: doc.id,
      accountId: doc.accountId,
      subscriptionId: doc.subscriptionId,
      kind: doc.kind,
      reason: doc.reason,
      series,
      year,
      sequence: counter.lastNumber,
      number,
      currency: doc.currency,
      total: doc.total,
      creditNoteApplied: doc.creditNoteApplied,
      creditBalanceApplied: doc.creditBalanceApplied,
      forfeited: doc.forfeited,
      amountDue: doc.amountDue,
      relatedDocumentId: doc.relatedDocumentId,
      orderId: doc.orderId,
      seller: doc.seller,
      customer: doc.customer,
      locale: doc.locale,
      issuedAt: doc.issuedAt,
    })
    .run();
  if (doc.lines.length > 0) {
    tx.insert(documentLines)
      .values(
        doc.lines.map((line, position) => ({
          documentId: doc.id,
          position,
          kind: line.kind,
          itemType: line.item.type,
          itemId: line.item.id,
          itemName: doc.itemNames[line.item.id] ?? line.item.id,
          priceId: line.item.priceId,
          quantity: line.quantity,
          unitAmount: line.unitAmount.amount,
          coversStart: line.covers.start,
          coversEnd: line.covers.end,
          periodStart: line.billingPeriod.start,
          periodEnd: line.billingPeriod.end,
          fractionUnit: line.fraction.unit,
          fractionNumerator: line.fraction.numerator,
          fractionDenominator: line.fraction.denominator,
          amount: line.amount.amount,
          capped: line.capped,
        })),
      )
      .run();
  }
  return { id: doc.id, number };
}

/** An account's documents, newest first, each with its lines and what card payments paid of it. */
export function readDocuments(db: Conn, accountId: string, documentId?: string): DocumentRecord[] {
  const where = documentId
    ? and(eq(documents.accountId, accountId), eq(documents.id, documentId))
    : eq(documents.accountId, accountId);
  const rows = db
    .select()
    .from(documents)
    .where(where)
    .orderBy(desc(documents.issuedAt), desc(documents.sequence))
    .all();
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const lineRows = db
    .select()
    .from(documentLines)
    .where(inArray(documentLines.documentId, ids))
    .orderBy(asc(documentLines.documentId), asc(documentLines.position))
    .all();
  const paid = db
    .select({ invoiceId: payments.invoiceId, amount: sql<number>`sum(${payments.amount})` })
    .from(payments)
    .where(and(inArray(payments.invoiceId, ids), eq(payments.status, 'succeeded')))
    .groupBy(payments.invoiceId)
    .all();
  return rows.map((row) => {
    const currency = row.currency as CurrencyCode;
    const money = (amount: number) => ({ amount, currency });
    return {
      id: row.id,
      kind: row.kind,
      reason: row.reason,
      number: row.number,
      currency,
      total: row.total,
      creditNoteApplied: row.creditNoteApplied,
      creditBalanceApplied: row.creditBalanceApplied,
      forfeited: row.forfeited,
      amountDue: row.amountDue,
      amountPaid: paid.find((p) => p.invoiceId === row.id)?.amount ?? 0,
      relatedDocumentId: row.relatedDocumentId,
      issuedAt: row.issuedAt,
      locale: row.locale as Locale,
      seller: row.seller as Seller,
      customer: row.customer as Customer,
      lines: lineRows
        .filter((line) => line.documentId === row.id)
        .map((line) => ({
          kind: line.kind as DocumentLine['kind'],
          item: { type: line.itemType, id: line.itemId, priceId: line.priceId },
          itemName: line.itemName,
          quantity: line.quantity,
          unitAmount: money(line.unitAmount),
          covers: { start: line.coversStart, end: line.coversEnd },
          billingPeriod: { start: line.periodStart, end: line.periodEnd },
          fraction: {
            numerator: line.fractionNumerator,
            denominator: line.fractionDenominator,
            unit: line.fractionUnit,
          },
          amount: money(line.amount),
          capped: line.capped,
        })),
    };
  });
}
