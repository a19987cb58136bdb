import { createRoute, z } from '@hono/zod-openapi';
import {
  type ConfirmationView,
  confirmationViewSchema,
  type ErrorBody,
  errorBodySchema,
  scheduledChangeViewSchema,
} from '@planshift/shared/api';
import type { JSONParsed } from 'hono/utils/types';
import { ApiError, notFound } from '../http/api-error';
import type { AppDeps } from '../http/app-env';
import { errors, json, router, SIGNED_IN, SIGNED_IN_WITH_CSRF } from '../http/openapi';
import { sha256 } from '../quotes/price-quote';
import { requireSession } from '../session/session-middleware';
import { canManageBilling } from '../session/sessions';
import type { ChangeConfirmer } from './confirm-change';

const confirmSchema = z.strictObject({ quoteId: z.string().min(1).max(100) }).meta({ id: 'ConfirmChange' });
const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(8)
    .max(255)
    .regex(/^[\x21-\x7e]+$/, 'visible ASCII characters only')
    .meta({ description: 'One key per confirmation intent; retries and double clicks reuse it.' }),
});

export function changeRoutes(deps: AppDeps, confirmer: ChangeConfirmer) {
  const app = router();
  app.use('/api/changes', requireSession(deps));
  app.use('/api/scheduled-change', requireSession(deps));

  return app
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/changes',
        security: SIGNED_IN_WITH_CSRF,
        summary: 'Confirm a quote: pay what is due now and apply or schedule the change, exactly once',
        request: {
          headers: idempotencyHeaders,
          body: { content: { 'application/json': { schema: confirmSchema } }, required: true },
        },
        responses: {
          201: json(
            confirmationViewSchema.meta({
              id: 'Confirmation',
              description: 'What changed now, what is scheduled, the documents and the new limits.',
            }),
            'Confirmed',
          ),
          402: json(
            errorBodySchema,
            'The card was declined (payment_declined, with the reason in details); nothing changed.',
          ),
          ...errors(400, 401, 403, 404, 409, 415, 422, 503),
        },
      }),
      async (c) => {
        const body = c.req.valid('json');
        const response = await confirmer.confirm({
          user: c.get('user'),
          quoteId: body.quoteId,
          idempotencyKey: c.req.valid('header')['idempotency-key'],
          requestHash: sha256(JSON.stringify(['POST', '/api/changes', body.quoteId])),
        });
        // The change's invoice and credit note get their PDFs in the background now.
        if (response.status === 201) deps.documentsIssued();
        // A replay answers exactly what the first request answered: a confirmation, or a refusal.
        // Stored answers are 201, 402 (declined) or 409 (abandoned, or not applied and refunded).
        if (response.status === 201) return c.json(response.body as ConfirmationView, 201);
        const refusal = response.body as JSONParsed<ErrorBody>;
        return response.status === 402 ? c.json(refusal, 402) : c.json(refusal, 409);
      },
    )

    .openapi(
      createRoute({
        method: 'get',
        path: '/api/scheduled-change',
        security: SIGNED_IN,
        summary: 'The change waiting for the period end, if any',
        responses: {
          200: json(
            scheduledChangeViewSchema.meta({ id: 'ScheduledChange', description: 'The pending change, or null' }),
            'The scheduled change',
          ),
          ...errors(401),
        },
      }),
      async (c) => {
        const state = await deps.store.accounts.loadBillingState(c.get('session').accountId);
        if (!state) throw notFound('subscription');
        return c.json({ scheduledChange: state.scheduledChange }, 200);
      },
    )

    .openapi(
      createRoute({
        method: 'delete',
        path: '/api/scheduled-change',
        security: SIGNED_IN_WITH_CSRF,
        summary: 'Cancel the scheduled change',
        responses: { 204: { description: 'Canceled' }, ...errors(401, 403, 404, 409) },
      }),
      async (c) => {
        const user = c.get('user');
        if (!canManageBilling(user))
          throw new ApiError(
            403,
            'no_billing_permission',
            'Only owners and billing admins can change the subscription.',
          );
        const state = await deps.store.accounts.loadBillingState(user.accountId);
        if (!state?.scheduledChange) throw new ApiError(404, 'no_scheduled_change', 'There is no scheduled change.');
        const outcome = await deps.store.subscriptions.cancelScheduledChange({
          accountId: user.accountId,
          userId: user.id,
          expectedVersion: state.version,
          at: deps.clock.now(),
        });
        if (outcome === 'none') throw new ApiError(404, 'no_scheduled_change', 'There is no scheduled change.');
        if (outcome === 'busy')
          throw new ApiError(409, 'change_in_progress', 'A change to this subscription is being confirmed.');
        if (outcome === 'stale')
          throw new ApiError(409, 'subscription_changed', 'The subscription changed meanwhile; reload it.');
        return c.body(null, 204);
      },
    );
}
