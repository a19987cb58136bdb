import { z } from '@hono/zod-openapi';
import { invoicePaymentViewSchema } from '@planshift/shared/api';
import type { BillingRun } from '../billing/billing-run';
import type { AppDeps } from '../http/app-env';
import { answer, errors, jsonBody, signedInRoute } from '../http/openapi';
import { refuse } from '../http/refuse';
import { signedInRouter } from '../session/session-middleware';
import { payInvoice } from './pay-invoice';

// Nothing to say but the invoice in the path: an empty object, and nothing a client could think it set.
const payInvoiceSchema = z.strictObject({}).meta({ id: 'PayInvoice' });

export function invoiceRoutes(deps: AppDeps, billing: BillingRun) {
  const app = signedInRouter(deps, '/api/invoices');

  return app.openapi(
    signedInRoute({
      method: 'post',
      path: '/api/invoices/{invoiceId}/pay',
      summary: 'Pay an open invoice with the card on file (a past-due subscription becomes active again)',
      description:
        'Safe to retry: the attempt is identified by the invoice and its attempt count, so the processor charges it once.',
      request: {
        params: z.object({ invoiceId: z.string().min(1).max(100) }),
        body: jsonBody(payInvoiceSchema),
      },
      responses: {
        200: answer(invoicePaymentViewSchema, 'InvoicePayment', 'The invoice as it stands now.'),
        ...errors(400, 402, 404, 409, 415, 503),
      },
    }),
    async (c) => {
      const outcome = await payInvoice(deps, billing, c.get('user'), c.req.valid('param').invoiceId);
      return outcome.ok ? c.json(outcome.payment, 200) : refuse(c, outcome);
    },
  );
}
