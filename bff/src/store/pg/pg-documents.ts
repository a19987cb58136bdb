import { isDeepStrictEqual } from 'node:util';
import type { Instant } from '@planshift/shared/periods';
import { documentPdfs } from '../../db/pg-schema';
import type { DocumentRef, DocumentRepository, StoredDocumentPdf } from '../document-repository';
import type { DocumentRecord } from '../records';
import type { PgContext } from './pg-context';
import { namesNoRow } from './pg-text';

const FIND_PDF = {
  name: 'document-find-pdf',
  text: `select d.number, p.pdf from documents d left join document_pdfs p on p.document_id = d.id
         where d.id = $1 and d.account_id = $2`,
};

// Newest first by issue time (PostgreSQL has no rowid in insertion order), id breaking ties.
const WITHOUT_PDF = {
  name: 'document-without-pdf',
  text: `select d.account_id as "accountId", d.id as "documentId" from documents d
         where not exists (select 1 from document_pdfs p where p.document_id = d.id)
           and (d.kind = 'credit_note' or d.amount_due <= (
             select coalesce(sum(amount), 0) from payments where invoice_id = d.id and status = 'succeeded'))
         order by d.issued_at desc, d.id desc limit $1`,
};

/** Issued documents (written by the orders, renewals and resets that issue them) and their stored PDFs. */
export class PgDocuments implements DocumentRepository {
  constructor(private readonly ctx: PgContext) {}

  async list(accountId: string): Promise<DocumentRecord[]> {
    return this.ctx.read((db) => this.ctx.documents.read(db, accountId));
  }

  async find(accountId: string, documentId: string): Promise<DocumentRecord | null> {
    if (namesNoRow(documentId)) return null;
    return (await this.ctx.read((db) => this.ctx.documents.read(db, accountId, documentId)))[0] ?? null;
  }

  /** The download's one query: the account's document number and its stored PDF, if any. */
  async findPdf(accountId: string, documentId: string): Promise<StoredDocumentPdf | null> {
    if (namesNoRow(documentId)) return null;
    const found = await this.ctx.db.$client.query<{ number: string; pdf: Buffer | null }>({
      ...FIND_PDF,
      values: [documentId, accountId],
    });
    const row = found.rows[0];
    return row ? { number: row.number, pdf: row.pdf } : null;
  }

  /**
   * Stores the PDF only if the document still reads exactly as it was rendered, in the same
   * transaction as that read: a QA reset may have reissued its id with other content meanwhile.
   * A reset deletes documents while it holds every account (`lockEverything`): the account's row
   * lock taken here makes the read and the insert wait for it, or it for them.
   */
  async savePdf(
    input: Readonly<{ accountId: string; rendered: DocumentRecord; pdf: Buffer; at: Instant }>,
  ): Promise<boolean> {
    return this.ctx.write([input.accountId], async (tx) => {
      const [current] = await this.ctx.documents.read(tx, input.accountId, input.rendered.id);
      if (!current || !isDeepStrictEqual(current, input.rendered)) return false;
      await tx
        .insert(documentPdfs)
        .values({ documentId: input.rendered.id, pdf: input.pdf, renderedAt: input.at })
        .onConflictDoNothing();
      return true;
    });
  }

  /** Documents whose PDF prints what it always will (see pdfIsFinal) and is not stored yet, newest first. */
  async withoutPdf(limit: number): Promise<DocumentRef[]> {
    return (await this.ctx.db.$client.query<DocumentRef>({ ...WITHOUT_PDF, values: [limit] })).rows;
  }
}
