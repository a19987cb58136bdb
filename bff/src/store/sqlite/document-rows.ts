import type { DocumentLine } from '@planshift/shared/documents';
import type { CurrencyCode } from '@planshift/shared/money';
import type { Instant } from '@planshift/shared/periods';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Locale } from '../../api-types';
import { documentLines, documents, payments } from '../../db/schema';
import type { Customer, DocumentRecord, Seller } from '../records';
import type { Conn } from './connection';

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
