import type { Instant } from '@planshift/shared/periods';
import type { DocumentRecord } from './records';

export type StoredDocumentPdf = Readonly<{ number: string; pdf: Buffer | null }>;

export type DocumentRef = Readonly<{ accountId: string; documentId: string }>;

/** Issued invoices and credit notes, and their PDFs: each rendered once, off the event loop, then served as stored. */
export interface DocumentRepository {
  list(accountId: string): Promise<DocumentRecord[]>;
  find(accountId: string, documentId: string): Promise<DocumentRecord | null>;
  /** The account's document number and stored PDF (null until rendered); null when it has no such document. */
  findPdf(accountId: string, documentId: string): Promise<StoredDocumentPdf | null>;
  /** Stores a rendered PDF unless its document no longer reads as rendered; answers whether it is stored. */
  savePdf(input: Readonly<{ accountId: string; rendered: DocumentRecord; pdf: Buffer; at: Instant }>): Promise<boolean>;
  /** Documents without a stored PDF whose PDF is final (credit notes, paid invoices), newest first. */
  withoutPdf(limit: number): Promise<DocumentRef[]>;
}
