import { isDeepStrictEqual } from 'node:util';
import type { Instant } from '@planshift/shared/periods';
import type { DocumentRef, DocumentRepository } from '../store/document-repository';
import type { DocumentRecord } from '../store/records';
import type { RenderOptions } from './render-pdf';

export type DocumentPdf = Readonly<{ filename: string; bytes: Buffer }>;

export type DocumentPdfsDeps = Readonly<{
  store: Readonly<{ documents: Pick<DocumentRepository, 'find' | 'findPdf' | 'savePdf'> }>;
  /** Draws a PDF off the event loop (PdfWorkerPool.render). */
  render: (document: DocumentRecord, options: RenderOptions) => Promise<Buffer>;
  now: () => Instant;
  /** A rendered PDF could not be stored (it is still served; the background pass stores it later). */
  onError: (error: unknown) => void;
}>;

/**
 * Whether a document's PDF already prints what it always will. Documents never change after
 * issue, but an invoice prints what has been paid of it, so its PDF is final once it is paid.
 * (document-pdf-rows.ts selects the same documents in SQL.)
 */
export function pdfIsFinal(document: DocumentRecord): boolean {
  return document.kind === 'credit_note' || document.amountPaid >= document.amountDue;
}

type Rendering = Readonly<{ document: DocumentRecord; result: Promise<Readonly<{ pdf: Buffer; stored: boolean }>> }>;

/**
 * Issued documents as PDFs: rendered once, in a worker, then served as stored. Rendering is
 * deterministic, so stored bytes equal a fresh render's.
 */
export class DocumentPdfs {
  readonly #deps: DocumentPdfsDeps;
  /** Renders under way by document id: concurrent downloads and the background pass share one. */
  readonly #rendering = new Map<string, Rendering>();

  constructor(deps: DocumentPdfsDeps) {
    this.#deps = deps;
  }

  /** The account's document as a PDF named after its number, or null when the account has no such document. */
  async download(accountId: string, documentId: string): Promise<DocumentPdf | null> {
    const stored = await this.#deps.store.documents.findPdf(accountId, documentId);
    if (!stored) return null;
    if (stored.pdf) return { filename: `${stored.number}.pdf`, bytes: stored.pdf };
    const document = await this.#deps.store.documents.find(accountId, documentId);
    if (!document) return null;
    return { filename: `${document.number}.pdf`, bytes: (await this.#render(accountId, document)).pdf };
  }

  /** The PDF of a document the caller has read, e.g. to attach to an e-mail. */
  async pdfOf(accountId: string, document: DocumentRecord): Promise<Buffer> {
    const stored = await this.#deps.store.documents.findPdf(accountId, document.id);
    return stored?.pdf ?? (await this.#render(accountId, document)).pdf;
  }

  /** Renders and stores a document's PDF; answers whether it is stored now (an unpaid invoice's is not). */
  async ensureStored({ accountId, documentId }: DocumentRef): Promise<boolean> {
    const document = await this.#deps.store.documents.find(accountId, documentId);
    return document !== null && (await this.#render(accountId, document)).stored;
  }

  #render(accountId: string, document: DocumentRecord): Rendering['result'] {
    const running = this.#rendering.get(document.id);
    if (running && isDeepStrictEqual(running.document, document)) return running.result;
    const result = this.#renderAndStore(accountId, document).finally(() => {
      if (this.#rendering.get(document.id)?.result === result) this.#rendering.delete(document.id);
    });
    this.#rendering.set(document.id, { document, result });
    return result;
  }

  async #renderAndStore(accountId: string, document: DocumentRecord): Rendering['result'] {
    const { store, render, now } = this.#deps;
    // The PDF prints its related document's number, which only the account's documents tell.
    const related = document.relatedDocumentId
      ? await store.documents.find(accountId, document.relatedDocumentId)
      : null;
    const pdf = await render(document, related ? { relatedDocumentNumber: related.number } : {});
    if (!pdfIsFinal(document)) return { pdf, stored: false };
    try {
      return { pdf, stored: await store.documents.savePdf({ accountId, rendered: document, pdf, at: now() }) };
    } catch (error) {
      // The rendered bytes are still right to serve; the background pass stores them later.
      this.#deps.onError(error);
      return { pdf, stored: false };
    }
  }
}
