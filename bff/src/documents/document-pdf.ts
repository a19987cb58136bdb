import type { Store } from '../store/store';
import { renderDocumentPdf } from './render-pdf';

export type DocumentPdf = Readonly<{ filename: string; bytes: Buffer }>;

/** An account's document as a PDF named after its number, or null when the account has no such document. */
export async function documentPdf(store: Store, accountId: string, documentId: string): Promise<DocumentPdf | null> {
  const document = await store.findDocument(accountId, documentId);
  if (!document) return null;
  const related = document.relatedDocumentId && (await store.findDocument(accountId, document.relatedDocumentId));
  const bytes = await renderDocumentPdf(document, related ? { relatedDocumentNumber: related.number } : {});
  return { filename: `${document.number}.pdf`, bytes };
}
