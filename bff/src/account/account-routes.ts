import { createRoute, z } from '@hono/zod-openapi';
import type { DocumentView, OptionsView } from '@planshift/shared/api';
import { accountViewSchema, documentsViewSchema, documentViewSchema, optionsViewSchema } from '@planshift/shared/api';
import { catalogIdSchema } from '@planshift/shared/catalog';
import { changeOptions } from '@planshift/shared/eligibility';
import { billingIntervalSchema } from '@planshift/shared/periods';
import { notFound } from '../http/api-error';
import type { AppDeps } from '../http/app-env';
import { errors, json, router, SIGNED_IN } from '../http/openapi';
import { requireSession } from '../session/session-middleware';
import { canManageBilling } from '../session/sessions';
import type { BillingState } from '../store/records';
import { accountView, documentSummary } from './account-view';

const optionsQuerySchema = z.object({
  planId: catalogIdSchema.optional(),
  interval: z
    .string()
    .regex(/^P[1-9]\d?[MY]$/)
    .transform((key) => ({ unit: key.endsWith('M') ? 'month' : 'year', count: Number(key.slice(1, -1)) }))
    .pipe(billingIntervalSchema)
    .optional()
    .meta({ description: 'The interval to price add-ons in, as an ISO 8601 duration: P1M, P1Y.' }),
  quantity: z.coerce.number().int().min(1).max(100_000).optional(),
});

export function accountRoutes(deps: AppDeps) {
  const app = router();
  // A path ending in /* also matches the path without it, so one guard runs once per request.
  app.use('/api/account/*', requireSession(deps));
  app.use('/api/documents/*', requireSession(deps));

  const load = async (accountId: string): Promise<BillingState> => {
    const state = await deps.store.accounts.loadBillingState(accountId);
    if (!state) throw notFound('account');
    return state;
  };

  return app
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/account',
        security: SIGNED_IN,
        summary: 'The account page: subscription, credit, scheduled change, and whether Change is possible',
        responses: {
          200: json(accountViewSchema.meta({ id: 'Account', description: 'The account page facts.' }), 'The account'),
          ...errors(401),
        },
      }),
      async (c) => c.json(accountView(await load(c.get('session').accountId), c.get('user')), 200),
    )

    .openapi(
      createRoute({
        method: 'get',
        path: '/api/account/options',
        security: SIGNED_IN,
        summary: 'What the customer may choose, with reason codes for what they may not',
        description:
          'Also returns the catalog and the subscription in the engine’s shape, so the browser can price every choice with the same engine.',
        request: { query: optionsQuerySchema },
        responses: {
          200: json(
            optionsViewSchema.meta({ id: 'ChangeOptions', description: 'Options, catalog and subscription.' }),
            'Options',
          ),
          ...errors(400, 401),
        },
      }),
      async (c) => {
        const query = c.req.valid('query');
        const state = await load(c.get('session').accountId);
        const { subscription, catalog } = state;
        const actor = { canManageBilling: canManageBilling(c.get('user')) };
        const options = changeOptions(catalog.catalog, subscription, actor, {
          planId: query.planId ?? subscription.plan.planId,
          interval: query.interval ?? subscription.interval,
          quantity: query.quantity ?? subscription.plan.quantity,
        });
        const body: OptionsView = {
          actor,
          options,
          catalog: { id: catalog.id, name: catalog.name, groups: catalog.groups, ...catalog.catalog },
          subscription,
        };
        return c.json(body, 200);
      },
    )

    .openapi(
      createRoute({
        method: 'get',
        path: '/api/documents',
        security: SIGNED_IN,
        summary: 'Invoices and credit notes, newest first',
        responses: {
          200: json(
            documentsViewSchema.meta({ id: 'Documents', description: 'Document summaries, newest first' }),
            'Documents',
          ),
          ...errors(401),
        },
      }),
      async (c) => {
        const documents = await deps.store.documents.list(c.get('session').accountId);
        return c.json({ documents: documents.map(documentSummary) }, 200);
      },
    )

    .openapi(
      createRoute({
        method: 'get',
        path: '/api/documents/{documentId}',
        security: SIGNED_IN,
        summary: 'One invoice or credit note with its lines',
        request: { params: z.object({ documentId: z.string().min(1).max(100) }) },
        responses: {
          200: json(
            documentViewSchema.meta({ id: 'Document', description: 'A document with its lines' }),
            'The document',
          ),
          ...errors(401, 404),
        },
      }),
      async (c) => {
        const doc = await deps.store.documents.find(c.get('session').accountId, c.req.valid('param').documentId);
        if (!doc) throw notFound('document');
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
      createRoute({
        method: 'get',
        path: '/api/documents/{documentId}/pdf',
        security: SIGNED_IN,
        summary: 'The invoice or credit note as a PDF, in the account’s language',
        request: { params: z.object({ documentId: z.string().min(1).max(100) }) },
        responses: {
          200: {
            content: { 'application/pdf': { schema: z.any().meta({ type: 'string', format: 'binary' }) } },
            description: 'The PDF',
          },
          ...errors(401, 404),
        },
      }),
      async (c) => {
        const pdf = await deps.pdfs.download(c.get('session').accountId, c.req.valid('param').documentId);
        if (!pdf) throw notFound('document');
        return c.body(new Uint8Array(pdf.bytes), 200, {
          'Content-Type': 'application/pdf',
          'Content-Disposition': `attachment; filename="${pdf.filename}"`,
        });
      },
    );
}
