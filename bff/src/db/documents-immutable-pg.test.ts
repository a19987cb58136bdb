import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PgCluster, startPgCluster } from '../testing/pg-cluster';
import { AT, insertAccountWithSubscription, invoiceLineRow, invoiceRow } from '../testing/pg-documents';
import { migratePostgres } from './migrate-pg';
import { openPostgres, type PgDb } from './open-pg';
import * as t from './pg-schema';

// Issued documents and their lines never change and are never deleted on PostgreSQL either
// (bff/drizzle-pg/0001_documents_immutable.sql, as bff/drizzle/0004_* on SQLite); only a QA
// reset, holding a reset_guard row inside its transaction, may empty them.

let cluster: PgCluster;
let db: PgDb;

beforeAll(async () => {
  cluster = await startPgCluster();
  await migratePostgres(cluster.url);
  db = openPostgres(cluster.url);
  await insertAccountWithSubscription(db);
});

afterAll(async () => {
  await db?.$client.end();
  await cluster?.stop();
});

let sequence = 0;

/** Issues an invoice of one line, as the store does: a document and its lines, in one transaction. */
async function issueInvoice(): Promise<string> {
  sequence += 1;
  const id = `inv-${sequence}`;
  await db.transaction(async (tx) => {
    await tx.insert(t.documents).values(invoiceRow(id, 'INV', 2027, sequence));
    await tx.insert(t.documentLines).values(invoiceLineRow(id));
  });
  return id;
}

/** What PostgreSQL answered to a refused statement: SQLSTATE and message. */
async function refusal(statement: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await statement.then(
    () => null,
    (e: unknown) => e,
  );
  if (!error) throw new Error('the statement was not refused');
  // Drizzle wraps the driver's error; the database's answer is its cause.
  const cause = (error as { cause?: { code?: string; message?: string } }).cause ?? error;
  return { code: String((cause as { code?: string }).code), message: String((cause as Error).message) };
}

const immutable = { code: '23000', message: 'issued documents are immutable' };
const neverDeleted = { code: '23000', message: 'issued documents are never deleted' };

describe('issued documents on PostgreSQL', () => {
  it('refuse every update of a document or of its lines, even one that changes nothing', async () => {
    const id = await issueInvoice();
    expect(await refusal(db.update(t.documents).set({ amountDue: 0 }).where(eq(t.documents.id, id)))).toEqual(
      immutable,
    );
    expect(await refusal(db.update(t.documents).set({ total: 5_800 }).where(eq(t.documents.id, id)))).toEqual(
      immutable,
    );
    expect(
      await refusal(db.update(t.documentLines).set({ quantity: 3 }).where(eq(t.documentLines.documentId, id))),
    ).toEqual(immutable);
    const [document] = await db.select().from(t.documents).where(eq(t.documents.id, id));
    expect(document?.amountDue).toBe(5_800);
  });

  it('refuse deleting or truncating a document or its lines outside a reset', async () => {
    const id = await issueInvoice();
    expect(await refusal(db.delete(t.documentLines).where(eq(t.documentLines.documentId, id)))).toEqual(neverDeleted);
    expect(await refusal(db.delete(t.documents).where(eq(t.documents.id, id)))).toEqual(neverDeleted);
    expect(await refusal(db.execute(sql`truncate document_lines`))).toEqual(neverDeleted);
    expect(await refusal(db.execute(sql`truncate documents cascade`))).toEqual(neverDeleted);
    expect(await db.select().from(t.documentLines).where(eq(t.documentLines.documentId, id))).toHaveLength(1);
  });

  it('still take what may change around them: a PDF rendered once, a collection and its attempts', async () => {
    const id = await issueInvoice();
    await db.insert(t.documentPdfs).values({ documentId: id, pdf: Buffer.from('%PDF-1.7'), renderedAt: AT });
    await db.insert(t.collections).values({
      invoiceId: id,
      accountId: 'acct',
      subscriptionId: 'sub',
      attempts: 0,
      nextAttemptAt: AT,
    });
    await db
      .update(t.collections)
      .set({ attempts: 1, nextAttemptAt: AT + 86_400, lastDecline: 'insufficient_funds' })
      .where(eq(t.collections.invoiceId, id));
    const [pdf] = await db.select().from(t.documentPdfs).where(eq(t.documentPdfs.documentId, id));
    expect(pdf?.pdf.toString()).toBe('%PDF-1.7');
    const [collection] = await db.select().from(t.collections).where(eq(t.collections.invoiceId, id));
    expect(collection).toMatchObject({ attempts: 1, nextAttemptAt: AT + 86_400 });
  });

  it('let a reset holding the guard row empty them, and only inside its transaction', async () => {
    await issueInvoice();
    await db.transaction(async (tx) => {
      await tx.insert(t.resetGuard).values({ id: 1 });
      await tx.delete(t.documentPdfs);
      await tx.delete(t.collections);
      await tx.delete(t.documentLines);
      await tx.delete(t.documents);
      await tx.delete(t.resetGuard);
    });
    expect(await db.select().from(t.documents)).toEqual([]);
    // The guard is gone with its transaction: the next document is protected again.
    const id = await issueInvoice();
    expect(await refusal(db.delete(t.documents).where(eq(t.documents.id, id)))).toEqual(neverDeleted);
  });
});
