import { z } from '@hono/zod-openapi';
import {
  type AuthenticationRequiredView,
  authenticationRequiredViewSchema,
  type ConfirmationView,
  confirmationViewSchema,
  type ErrorBody,
  errorBodySchema,
  quoteIdSchema,
} from '@planshift/shared/api';
import type { JSONParsed } from 'hono/utils/types';
import type { AppDeps } from '../http/app-env';
import { answer, errors, json, jsonBody, signedInRoute } from '../http/openapi';
import { refuse } from '../http/refuse';
import { sha256 } from '../quotes/price-quote';
import { signedInRouter } from '../session/session-middleware';
import type { ChangeConfirmer } from './confirm-change';

const confirmSchema = z.strictObject({ quoteId: quoteIdSchema }).meta({ id: 'ConfirmChange' });
const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(8)
    .max(255)
    .regex(/^[\x21-\x7e]+$/, 'visible ASCII characters only')
    .meta({ description: 'One key per confirmation intent; retries and double clicks reuse it.' }),
});

export function changeRoutes(deps: AppDeps, confirmer: ChangeConfirmer) {
  const app = signedInRouter(deps, '/api/changes');

  return app.openapi(
    signedInRoute({
      method: 'post',
      path: '/api/changes',
      summary: 'Confirm a quote: pay what is due now and apply or schedule the change, exactly once',
      request: {
        headers: idempotencyHeaders,
        body: jsonBody(confirmSchema),
      },
      responses: {
        201: answer(
          confirmationViewSchema,
          'Confirmation',
          'What changed now, what is scheduled, the documents and the new limits.',
        ),
        202: json(
          authenticationRequiredViewSchema,
          'The card’s bank asks the customer to authenticate the payment: nothing is charged or changed until they answer at challenge.url; the same request (same Idempotency-Key) then answers how it ended. Unanswered, it is given up after 15 minutes.',
        ),
        402: json(
          errorBodySchema,
          'The card was declined (payment_declined, with the reason in details); nothing changed.',
        ),
        ...errors(400, 404, 409, 415, 422, 503),
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const outcome = await confirmer.confirm({
        user: c.get('user'),
        quoteId: body.quoteId,
        idempotencyKey: c.req.valid('header')['idempotency-key'],
        requestHash: sha256(JSON.stringify(['POST', '/api/changes', body.quoteId])),
      });
      if (!outcome.ok) return refuse(c, outcome);
      const { status, body: answer } = outcome.answer;
      // The change's invoice and credit note get their PDFs in the background now.
      if (status === 201) deps.documentsIssued();
      // A replay answers exactly what the first request answered: a confirmation, or how the
      // order ended without the change: 402 declined, 409 abandoned or not applied (refunded).
      if (status === 201) return c.json(answer as ConfirmationView, 201);
      if (status === 202) return c.json(answer as AuthenticationRequiredView, 202);
      const ended = answer as JSONParsed<ErrorBody>;
      return status === 402 ? c.json(ended, 402) : c.json(ended, 409);
    },
  );
}
