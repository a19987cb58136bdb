import { z } from '@hono/zod-openapi';
import {
  errorBodySchema,
  type SalesContactView,
  type SalesRequestView,
  salesContactViewSchema,
  salesRequestAnswerSchema,
  salesRequestSentSchema,
} from '@planshift/shared/api';
import { findPlan, type LocalNames } from '@planshift/shared/catalog';
import { salesPlans, salesRequestInputSchema, suggestedSeats } from '@planshift/shared/sales';
import type { AppDeps } from '../http/app-env';
import { answer, errors, json, jsonBody, signedInRoute } from '../http/openapi';
import { refuse } from '../http/refuse';
import { notFound } from '../refusal';
import { signedInRouter } from '../session/session-middleware';
import { canManageBilling } from '../session/sessions';
import type { SalesRequestRecord } from '../store/records';
import { requestSales } from './request-sales';

const sentSchema = salesRequestSentSchema.meta({ id: 'SalesRequestSent', description: 'A request sent to sales.' });

/** The account's requests the form page lists under it. */
const LISTED = 10;

/** "Contact sales": what the account can ask sales about, asking, and the requests sent. */
export function salesRoutes(deps: AppDeps) {
  const app = signedInRouter(deps, '/api/sales-requests');

  return app
    .openapi(
      signedInRoute({
        method: 'get',
        path: '/api/sales-requests',
        summary: 'Contact sales: the plans sold through sales, the contact to pre-fill, and the requests sent',
        responses: {
          200: answer(salesContactViewSchema, 'SalesContact', 'What the account can ask sales about'),
          ...errors(404),
        },
      }),
      async (c) => {
        const user = c.get('user');
        const state = await deps.store.accounts.loadBillingState(user.accountId);
        if (!state) return refuse(c, notFound('account'));
        const seats = state.subscription.plan.quantity;
        const view: SalesContactView = {
          plans: salesPlans(state.catalog.catalog, state.subscription.plan.planId).map((plan) => ({
            ...plan,
            suggestedSeats: suggestedSeats(plan.quantity, seats),
          })),
          contact: { name: user.name, email: user.email },
          canAsk: canManageBilling(user),
          requests: (await deps.store.salesRequests.ofAccount(user.accountId, LISTED)).map((request) =>
            salesRequestView(request, findPlan(state.catalog.catalog, request.planId)?.names),
          ),
        };
        return c.json(view, 200);
      },
    )

    .openapi(
      signedInRoute({
        method: 'post',
        path: '/api/sales-requests',
        summary: 'Ask sales about a plan sold through sales: stored, e-mailed to sales and confirmed by e-mail',
        description:
          'Owners and billing admins only (403 no_billing_permission). The same request again within 24 hours answers 200 with the first (sales is not told twice); a fourth new request within 24 hours answers 429 too_many_sales_requests with Retry-After.',
        request: { body: jsonBody(salesRequestInputSchema.meta({ id: 'SalesRequestInput' })) },
        responses: {
          201: json(sentSchema, 'Sent to sales'),
          200: json(sentSchema, 'The same request, already sent in the last 24 hours'),
          ...errors(400, 404, 415, 422),
          429: {
            ...json(errorBodySchema, 'Three new requests in the last 24 hours: wait, then try again.'),
            headers: z.object({ 'Retry-After': z.string().meta({ description: 'Seconds to wait.' }) }),
          },
        },
      }),
      async (c) => {
        const outcome = await requestSales(deps, c.get('user'), c.req.valid('json'));
        if (outcome.ok) {
          const body = { salesRequest: salesRequestView(outcome.request, outcome.planNames), repeat: outcome.repeat };
          return outcome.repeat ? c.json(body, 200) : c.json(body, 201);
        }
        const wait = (outcome.error.details as { retryAfter?: number } | undefined)?.retryAfter;
        if (wait !== undefined) c.header('Retry-After', String(wait));
        return refuse(c, outcome);
      },
    )

    .openapi(
      signedInRoute({
        method: 'get',
        path: '/api/sales-requests/{salesRequestId}',
        summary: 'A request the account sent to sales',
        request: { params: z.object({ salesRequestId: z.string().min(1).max(100) }) },
        responses: { 200: answer(salesRequestAnswerSchema, 'SalesRequest', 'The request'), ...errors(404) },
      }),
      async (c) => {
        const accountId = c.get('session').accountId;
        const record = await deps.store.salesRequests.find(accountId, c.req.valid('param').salesRequestId);
        const state = record && (await deps.store.accounts.loadBillingState(accountId));
        if (!record || !state) return refuse(c, notFound('sales request'));
        const names = findPlan(state.catalog.catalog, record.planId)?.names;
        return c.json({ salesRequest: salesRequestView(record, names) }, 200);
      },
    );
}

/** A request as sent; its plan also named in the languages the catalog has now (the SPA shows the reader's). */
function salesRequestView(record: SalesRequestRecord, names: LocalNames | undefined): SalesRequestView {
  return {
    id: record.id,
    plan: { id: record.planId, name: record.planName, ...(names && { names }) },
    seats: record.seats,
    message: record.message,
    contactName: record.contactName,
    contactEmail: record.contactEmail,
    createdAt: record.createdAt,
  };
}
