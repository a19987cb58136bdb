import { z } from '@hono/zod-openapi';
import { type QuoteView, quoteIdSchema, quoteViewSchema } from '@planshift/shared/api';
import { changeRequestSchema } from '@planshift/shared/quote';
import type { AppDeps } from '../http/app-env';
import { errors, json, jsonBody, signedInRoute } from '../http/openapi';
import { refuse } from '../http/refuse';
import { schemaSerializer, writtenJson } from '../http/schema-serializer';
import { notFound } from '../refusal';
import { signedInRouter } from '../session/session-middleware';
import { priceChange, quoteRefusal } from './price-quote';
import { issueQuote, quoteView, repriceQuote } from './quotes';

const quoteAnswer = quoteViewSchema.meta({
  id: 'Quote',
  description: 'A quote: its id (a signed token), expiry, the request, and the engine’s quote.',
});
const writeQuote = schemaSerializer<QuoteView>(quoteViewSchema);

export function quoteRoutes(deps: AppDeps) {
  const app = signedInRouter(deps, '/api/quotes');

  return app
    .openapi(
      signedInRoute({
        method: 'post',
        path: '/api/quotes',
        summary: 'Price a requested target state (plan, interval, total seats, add-ons)',
        request: {
          body: jsonBody(changeRequestSchema.meta({ id: 'ChangeRequest' })),
        },
        responses: {
          201: json(
            quoteAnswer,
            'The quote, with an expiry, under an id that is a token signed with what it was priced from (nothing is stored)',
          ),
          ...errors(400, 404, 409, 415, 422),
        },
      }),
      async (c) => {
        const request = c.req.valid('json');
        const state = await deps.store.accounts.loadBillingState(c.get('session').accountId);
        if (!state) return refuse(c, notFound('subscription'));
        const now = deps.clock.now();
        const priced = priceChange(state, c.get('user'), request, now);
        if (!priced.ok) return refuse(c, quoteRefusal(priced.errors));
        const view = issueQuote(deps.quoteTokens, state, request, priced.quote, now);
        deps.metrics.quotePriced();
        return writtenJson<QuoteView, 201>(c, writeQuote(view), 201);
      },
    )

    .openapi(
      signedInRoute({
        method: 'get',
        path: '/api/quotes/{quoteId}',
        summary: 'A quote made earlier, priced again at the instant it was priced at',
        request: { params: z.object({ quoteId: quoteIdSchema }) },
        responses: { 200: json(quoteAnswer, 'The quote'), ...errors(403, 404, 409, 422) },
      }),
      async (c) => {
        const accountId = c.get('session').accountId;
        // Tampered, truncated, another account's or another key's: all answer as an unknown quote.
        const signed = deps.quoteTokens.verify(c.req.valid('param').quoteId, accountId);
        const state = signed && (await deps.store.accounts.loadBillingState(accountId));
        if (!signed || !state) return refuse(c, notFound('quote'));
        const repriced = repriceQuote(state, c.get('user'), signed);
        if (!repriced.ok) return refuse(c, repriced);
        return writtenJson<QuoteView, 200>(c, writeQuote(quoteView(signed, repriced.quote)), 200);
      },
    );
}
