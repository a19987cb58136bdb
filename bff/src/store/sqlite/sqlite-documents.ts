import { isDeepStrictEqual } from 'node:util';
import type { Instant } from '@planshift/shared/periods';
import type { DocumentRef, DocumentRepository, StoredDocumentPdf } from '../document-repository';
import type { DocumentRecord } from '../records';
import type { SqliteContext } from './sqlite-context';

/** Issued documents (written by the orders, renewals and resets that issue them) and their stored PDFs. */
export class SqliteDocuments implements DocumentRepository {
  /**
   * Compiled once: the pending-PDF renderer stores thousands of PDFs after a reset or a renewal
   * run, and building Drizzle's insert around a PDF's bytes took a third of the main thread's
   * time while it did (a CPU profile of bench:api's quote runs).
   */
  readonly #insertPdf;

  constructor(private readonly ctx: SqliteContext) {
    this.#insertPdf = ctx.db.$client.prepare<[string, Buffer, number]>(
      'insert into document_pdfs (document_id, pdf, rendered_at) values (?, ?, ?) on conflict do nothing',
    );
  }

  async list(accountId: string): Promise<DocumentRecord[]> {
    return this.ctx.documents.read(accountId);
  }

  async find(accountId: string, documentId: string): Promise<DocumentRecord | null> {
    return this.ctx.documents.read(accountId, documentId)[0] ?? null;
  }

  /** The download's one query: the account's document number and its stored PDF, if any. */
  async findPdf(accountId: string, documentId: string): Promise<StoredDocumentPdf | null> {
    const row = this.ctx.db.$client
      .prepare<[string, string], { number: string; pdf: Buffer | null }>(
        `select d.number, p.pdf from documents d left join document_pdfs p on p.document_id = d.id
         where d.id = ? and d.account_id = ?`,
      )
      .get(documentId, accountId);
    return row ? { number: row.number, pdf: row.pdf } : null;
  }

  /**
   * Stores the PDF only if the document still reads exactly as it was rendered, in the same
   * transaction as that read: a QA reset may have reissued its id with other content meanwhile.
   */
  async savePdf(
    input: Readonly<{ accountId: string; rendered: DocumentRecord; pdf: Buffer; at: Instant }>,
  ): Promise<boolean> {
    // Touches no account's billing state.
    return this.ctx.write([], () => {
      // The reader's statements and this insert run on this connection, so inside this transaction.
      const current = this.ctx.documents.read(input.accountId, input.rendered.id)[0];
      if (!current || !isDeepStrictEqual(current, input.rendered)) return false;
      this.#insertPdf.run(input.rendered.id, input.pdf, input.at);
      return true;
    });
  }

  /**
   * Documents whose PDF prints what it always will (see pdfIsFinal) and is not stored yet, newest
   * first: rowid is insertion order, so the walk needs no sort of the whole table.
   */
  async withoutPdf(limit: number): Promise<DocumentRef[]> {
    return this.ctx.db.$client
      .prepare<[number], DocumentRef>(
        `select d.account_id as accountId, d.id as documentId from documents d
         where not exists (select 1 from document_pdfs p where p.document_id = d.id)
           and (d.kind = 'credit_note' or d.amount_due <= (
             select coalesce(sum(amount), 0) from payments where invoice_id = d.id and status = 'succeeded'))
         order by d.rowid desc limit ?`,
      )
      .all(limit);
  }
}
