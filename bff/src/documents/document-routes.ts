import { z } from '@hono/zod-openapi';
import { type DocumentView, documentsViewSchema, documentViewSchema } from '@planshift/shared/api';
import { documentSummary } from '../account/account-view';
import type { AppDeps } from '../http/app-env';
import { answer, errors, signedInRoute } from '../http/openapi';
import { refuse } from '../http/refuse';
import { notFound } from '../refusal';
import { signedInRouter } from '../session/session-middleware';

/** The account's invoices and credit notes: the list, one with its lines, and its PDF. */
export function documentRoutes(deps: AppDeps) {
  const app = signedInRouter(deps, '/api/documents');

  return app
    .openapi(
      signedInRoute({
        method: 'get',
        path: '/api/documents',
        summary: 'Invoices and credit notes, newest first',
        responses: {
          200: answer(documentsViewSchema, 'Documents', 'Document summaries, newest first'),
        },
      }),
      async (c) => {
        const documents = await deps.store.documents.list(c.get('session').accountId);
        return c.json({ documents: documents.map(documentSummary) }, 200);
      },
    )

    .openapi(
      signedInRoute({
        method: 'get',
        path: '/api/documents/{documentId}',
        summary: 'One invoice or credit note with its lines',
        request: { params: z.object({ documentId: z.string().min(1).max(100) }) },
        responses: {
          200: answer(documentViewSchema, 'Document', 'A document with its lines'),
          ...errors(404),
        },
      }),
      async (c) => {
        const doc = await deps.store.documents.find(c.get('session').accountId, c.req.valid('param').documentId);
        if (!doc) return refuse(c, notFound('document'));
        const body: DocumentView = {
          ...documentSummary(doc),
          lines: doc.lines,
          seller: doc.seller,
          customer: doc.customer,
          locale: doc.locale,
          creditNoteApplied: doc.creditNoteApplied,
          creditBalanceApplied: doc.creditBalanceApplied,
          forfeited: doc.forfeited,
        };
        return c.json(body, 200);
      },
    )

    .openapi(
      signedInRoute({
        method: 'get',
        path: '/api/documents/{documentId}/pdf',
        summary: 'The invoice or credit note as a PDF, in the account’s language',
        request: { params: z.object({ documentId: z.string().min(1).max(100) }) },
        responses: {
          200: {
            content: { 'application/pdf': { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
            description: 'The PDF',
          },
          ...errors(404),
        },
      }),
      async (c) => {
        const pdf = await deps.pdfs.download(c.get('session').accountId, c.req.valid('param').documentId);
        if (!pdf) return refuse(c, notFound('document'));
        return c.body(new Uint8Array(pdf.bytes), 200, {
          'Content-Type': 'application/pdf',
          'Content-Disposition': `attachment; filename="${pdf.filename}"`,
        });
      },
    );
}
