import { z } from '@hono/zod-openapi';
import { authenticationRequiredViewSchema, invoicePaymentViewSchema } from '@planshift/shared/api';
import type { BillingRun } from '../billing/billing-run';
import type { AppDeps } from '../http/app-env';
import { answer, errors, json, jsonBody, signedInRoute } from '../http/openapi';
import { refuse } from '../http/refuse';
import type { InvoiceChallenges } from '../payment-challenges/invoice-challenges';
import { signedInRouter } from '../session/session-middleware';
import { payInvoice } from './pay-invoice';

// Nothing to say but the invoice in the path: an empty object, and nothing a client could think it set.
const payInvoiceSchema = z.strictObject({}).meta({ id: 'PayInvoice' });

export function invoiceRoutes(deps: AppDeps, billing: BillingRun, challenges: InvoiceChallenges) {
  const app = signedInRouter(deps, '/api/invoices');

  return app.openapi(
    signedInRoute({
      method: 'post',
      path: '/api/invoices/{invoiceId}/pay',
      summary: 'Pay an open invoice with the card on file (a past-due subscription becomes active again)',
      description:
        'Safe to retry: the attempt is identified by the invoice and its attempt count, so the processor charges it once. A card whose bank asks for authentication answers 202 with the challenge, and again 202 with the same challenge until the customer has answered their bank (or 15 minutes passed).',
      request: {
        params: z.object({ invoiceId: z.string().min(1).max(100) }),
        body: jsonBody(payInvoiceSchema),
      },
      responses: {
        200: answer(invoicePaymentViewSchema, 'InvoicePayment', 'The invoice as it stands now.'),
        202: json(
          authenticationRequiredViewSchema,
          'The card’s bank asks the customer to authenticate: nothing is paid yet',
        ),
        ...errors(400, 402, 404, 409, 415, 503),
      },
    }),
    async (c) => {
      const outcome = await payInvoice(deps, billing, challenges, c.get('user'), c.req.valid('param').invoiceId);
      if (!outcome.ok) return refuse(c, outcome);
      return 'authentication' in outcome ? c.json(outcome.authentication, 202) : c.json(outcome.payment, 200);
    },
  );
}
