import type { DocumentSummaryView, DocumentsView, DocumentView } from '@planshift/shared/api';
import type { Page } from '@playwright/test';
import { expectStatus, readJson } from '../http/read-answer';
import { pdfText } from '../text/pdf-text';

/**
 * The signed-in account's invoices and credit notes, through the page's own requests (its
 * session and scenario): what the customer can read and download, nothing more.
 */
export class Documents {
  constructor(private readonly page: Page) {}

  /** Every document, newest first. */
  async list(): Promise<readonly DocumentSummaryView[]> {
    return (await readJson<DocumentsView>(await this.page.request.get('/api/documents'))).documents;
  }

  /** One document with its lines. */
  async get(id: string): Promise<DocumentView> {
    return readJson<DocumentView>(await this.page.request.get(`/api/documents/${encodeURIComponent(id)}`));
  }

  /** The documents issued since a list taken earlier (the ones it does not hold), with their lines. */
  async issuedSince(before: readonly Pick<DocumentSummaryView, 'id'>[]): Promise<readonly DocumentView[]> {
    const known = new Set(before.map((doc) => doc.id));
    const added = (await this.list()).filter((doc) => !known.has(doc.id));
    return Promise.all(added.map((doc) => this.get(doc.id)));
  }

  /** The document's PDF. */
  async download(id: string): Promise<Buffer> {
    const response = await this.page.request.get(`/api/documents/${encodeURIComponent(id)}/pdf`);
    await expectStatus(response, 200);
    return response.body();
  }

  /** The text of the document's PDF, every kind of space folded to one plain space. */
  async text(id: string): Promise<string> {
    return pdfText(await this.download(id));
  }
}
