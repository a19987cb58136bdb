import { createRoute, z } from '@hono/zod-openapi';
import type { InvoicePaymentView } from '@planshift/shared/api';
import { invoicePaymentViewSchema } from '@planshift/shared/api';
import { documentSummary } from '../account/account-view';
import type { BillingRun } from '../billing/billing-run';
import { ApiError, notFound } from '../http/api-error';
import type { AppDeps } from '../http/app-env';
import { errors, json, router, SIGNED_IN_WITH_CSRF } from '../http/openapi';
import { requireSession } from '../session/session-middleware';
import { canManageBilling } from '../session/sessions';

// Nothing to say but the invoice in the path: an empty object, and nothing a client could think it set.
const payInvoiceSchema = z.strictObject({}).meta({ id: 'PayInvoice' });

export function invoiceRoutes(deps: AppDeps, billing: BillingRun) {
  const app = router();
  app.use('/api/invoices/*', requireSession(deps));

  return app.openapi(
    createRoute({
      method: 'post',
      path: '/api/invoices/{invoiceId}/pay',
      security: SIGNED_IN_WITH_CSRF,
      summary: 'Pay an open invoice with the card on file (a past-due subscription becomes active again)',
      description:
        'Safe to retry: the attempt is identified by the invoice and its attempt count, so the processor charges it once.',
      request: {
        params: z.object({ invoiceId: z.string().min(1).max(100) }),
        body: { content: { 'application/json': { schema: payInvoiceSchema } }, required: true },
      },
      responses: {
        200: json(
          invoicePaymentViewSchema.meta({ id: 'InvoicePayment', description: 'The invoice as it stands now.' }),
          'Paid',
        ),
        ...errors(400, 401, 402, 403, 404, 409, 415, 503),
      },
    }),
    async (c) => {
      const user = c.get('user');
      if (!canManageBilling(user)) {
        throw new ApiError(403, 'no_billing_permission', 'Only owners and billing admins can pay invoices.');
      }
      const { invoiceId } = c.req.valid('param');
      const due = await deps.store.collections.findOpenInvoice(user.accountId, invoiceId);
      if (!due) throw notFound('invoice');
      if (due.amount <= 0) throw new ApiError(409, 'invoice_already_paid', 'This invoice is already paid.');
      const now = deps.clock.now();
      const claim = await deps.store.collections.claim([due]);
      if (claim.dues.length === 0) {
        throw new ApiError(409, 'change_in_progress', 'Another change to this subscription is being made.');
      }
      const [result] = (await billing.collectClaimed(claim, now)).results;
      billing.resumeAfter(await deps.store.accounts.loadBillingState(user.accountId));
      if (!result) {
        throw new ApiError(503, 'payment_unavailable', 'The payment provider did not answer; retry shortly.');
      }
      if (result.outcome.status === 'failed') {
        throw new ApiError(402, 'payment_declined', result.outcome.message, null, { decline: result.outcome.decline });
      }
      const [invoice, state] = await Promise.all([
        deps.store.documents.find(user.accountId, invoiceId),
        deps.store.accounts.loadBillingState(user.accountId),
      ]);
      if (!invoice || !state) throw notFound('invoice');
      const body: InvoicePaymentView = {
        invoice: documentSummary(invoice),
        subscriptionStatus: state.subscription.status,
      };
      return c.json(body, 200);
    },
  );
}
