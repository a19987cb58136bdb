import type { Locale } from '@planshift/shared/account';
import type { DocumentLine } from '@planshift/shared/documents';
import type { CurrencyCode } from '@planshift/shared/money';
import type { Instant } from '@planshift/shared/periods';
import { and, asc, desc, eq, getTableColumns, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/open-database';
import { documentLines, documents, payments } from '../../db/schema';
import type { Customer, DocumentRecord, Seller } from '../records';

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

type Row = typeof documents.$inferSelect;
type LineRow = typeof documentLines.$inferSelect;

/**
 * Reads an account's documents, newest first, each with its lines and what card payments paid
 * of it, through statements built once: the account page lists them on every visit, and building
 * the three queries anew cost more than running them.
 */
export class DocumentReader {
  readonly #documents;
  readonly #lines;
  readonly #paid;

  constructor(db: Db) {
    const p = sql.placeholder;
    // Every document of the account, or only the one asked for (documentId null means all).
    const asked = and(
      eq(documents.accountId, p('accountId')),
      or(sql`${p('documentId')} is null`, eq(documents.id, p('documentId'))),
    );
    this.#documents = db
      .select()
      .from(documents)
      .where(asked)
      .orderBy(desc(documents.issuedAt), desc(documents.sequence))
      .prepare();
    this.#lines = db
      .select(getTableColumns(documentLines))
      .from(documentLines)
      .innerJoin(documents, eq(documents.id, documentLines.documentId))
      .where(asked)
      .orderBy(asc(documentLines.documentId), asc(documentLines.position))
      .prepare();
    this.#paid = db
      .select({
        invoiceId: payments.invoiceId,
        amount: sql<number>`sum(${payments.amount})`,
        lastAt: sql<number>`max(${payments.createdAt})`,
      })
      .from(payments)
      .innerJoin(documents, eq(documents.id, payments.invoiceId))
      .where(and(asked, eq(payments.status, 'succeeded')))
      .groupBy(payments.invoiceId)
      .prepare();
  }

  /** Runs on the connection it was built on, so also inside a transaction open on it. */
  read(accountId: string, documentId: string | null = null): DocumentRecord[] {
    const params = { accountId, documentId };
    const rows = this.#documents.all(params);
    if (rows.length === 0) return [];
    const lines = new Map<string, LineRow[]>();
    for (const line of this.#lines.all(params)) {
      const list = lines.get(line.documentId);
      if (list) list.push(line);
      else lines.set(line.documentId, [line]);
    }
    const paid = new Map(this.#paid.all(params).map((p) => [p.invoiceId, p]));
    return rows.map((row) => documentRecord(row, lines.get(row.id) ?? [], paid.get(row.id) ?? null));
  }
}

export function documentRecord(
  row: Row,
  lineRows: readonly LineRow[],
  paid: Readonly<{ amount: number; lastAt: number }> | null,
): DocumentRecord {
  const currency = row.currency as CurrencyCode;
  const amountPaid = paid?.amount ?? 0;
  const settled = row.kind === 'invoice' && amountPaid >= row.amountDue;
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
    amountPaid,
    paidAt: settled ? (row.amountDue > 0 && paid ? paid.lastAt : row.issuedAt) : null,
    relatedDocumentId: row.relatedDocumentId,
    issuedAt: row.issuedAt,
    locale: row.locale as Locale,
    seller: row.seller as Seller,
    customer: row.customer as Customer,
    lines: lineRows.map((line) => ({
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
}
