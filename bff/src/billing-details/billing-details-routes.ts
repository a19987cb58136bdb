import { billingDetailsViewSchema } from '@planshift/shared/api';
import { billingDetailsInputSchema } from '@planshift/shared/billing-details';
import type { AppDeps } from '../http/app-env';
import { errors, json, jsonBody, signedInRoute } from '../http/openapi';
import { refuse } from '../http/refuse';
import { notFound } from '../refusal';
import { signedInRouter } from '../session/session-middleware';
import { canManageBilling } from '../session/sessions';
import { billingDetailsOf } from '../store/account-billing-details';
import { updateBillingDetails } from './update-billing-details';

const detailsSchema = billingDetailsViewSchema.meta({
  id: 'BillingDetails',
  description: 'The billing details new documents carry, and whether this person may change them.',
});

/** The name, address, tax ID and e-mail new documents are issued and sent to. */
export function billingDetailsRoutes(deps: AppDeps) {
  const app = signedInRouter(deps, '/api/billing-details');

  return app
    .openapi(
      signedInRoute({
        method: 'get',
        path: '/api/billing-details',
        summary: 'The billing details new invoices and credit notes carry',
        responses: { 200: json(detailsSchema, 'The billing details'), ...errors(404) },
      }),
      async (c) => {
        const state = await deps.store.accounts.loadBillingState(c.get('session').accountId);
        if (!state) return refuse(c, notFound('account'));
        const view = { billingDetails: billingDetailsOf(state.account), canEdit: canManageBilling(c.get('user')) };
        return c.json(view, 200);
      },
    )

    .openapi(
      signedInRoute({
        method: 'put',
        path: '/api/billing-details',
        summary: 'Change the billing details: documents issued from now on carry them, issued ones keep theirs',
        description:
          'Owners and billing admins only (403 no_billing_permission). An EU VAT number must match its country’s format (400 tax_id_invalid); it is kept compact and prefixed.',
        request: { body: jsonBody(billingDetailsInputSchema.meta({ id: 'BillingDetailsInput' })) },
        responses: { 200: json(detailsSchema, 'The billing details as saved'), ...errors(400, 404, 415) },
      }),
      async (c) => {
        const outcome = await updateBillingDetails(deps, c.get('user'), c.req.valid('json'));
        return outcome.ok ? c.json(outcome.view, 200) : refuse(c, outcome);
      },
    );
}
