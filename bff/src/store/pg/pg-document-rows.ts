import { and, asc, desc, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import { documentLines, documents, payments } from '../../db/pg-schema';
import type { DocumentRecord } from '../records';
import { documentRecord } from '../sqlite/document-rows';
import type { Conn } from './connection';

type LineRow = typeof documentLines.$inferSelect;

/**
 * Reads an account's documents, newest first, each with its lines and what card payments paid
 * of it (SQLite's DocumentReader): on the connection given, so also inside a transaction.
 */
export class PgDocumentReader {
  async read(db: Conn, accountId: string, documentId: string | null = null): Promise<DocumentRecord[]> {
    const asked: SQL | undefined = and(
      eq(documents.accountId, accountId),
      documentId === null ? undefined : eq(documents.id, documentId),
    );
    const rows = await db
      .select()
      .from(documents)
      .where(asked)
      .orderBy(desc(documents.issuedAt), desc(documents.sequence));
    if (rows.length === 0) return [];
    const lineRows = await db
      .select(getTableColumns(documentLines))
      .from(documentLines)
      .innerJoin(documents, eq(documents.id, documentLines.documentId))
      .where(asked)
      .orderBy(asc(documentLines.documentId), asc(documentLines.position));
    const lines = new Map<string, LineRow[]>();
    for (const line of lineRows) {
      const list = lines.get(line.documentId);
      if (list) list.push(line);
      else lines.set(line.documentId, [line]);
    }
    const paidRows = await db
      .select({
        invoiceId: payments.invoiceId,
        amount: sql<number>`sum(${payments.amount})`.mapWith(Number),
        lastAt: sql<number>`max(${payments.createdAt})`.mapWith(Number),
      })
      .from(payments)
      .innerJoin(documents, eq(documents.id, payments.invoiceId))
      .where(and(asked, eq(payments.status, 'succeeded')))
      .groupBy(payments.invoiceId);
    const paid = new Map(paidRows.map((p) => [p.invoiceId, p]));
    return rows.map((row) => documentRecord(row, lines.get(row.id) ?? [], paid.get(row.id) ?? null));
  }
}
