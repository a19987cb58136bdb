import { z } from '@hono/zod-openapi';
import { accountViewSchema, type OptionsView, optionsViewSchema } from '@planshift/shared/api';
import { catalogIdSchema } from '@planshift/shared/catalog';
import { changeOptions } from '@planshift/shared/eligibility';
import { billingIntervalSchema } from '@planshift/shared/periods';
import type { AppDeps } from '../http/app-env';
import { answer, errors, signedInRoute } from '../http/openapi';
import { refuse } from '../http/refuse';
import { notFound } from '../refusal';
import { signedInRouter } from '../session/session-middleware';
import { canManageBilling } from '../session/sessions';
import { accountView } from './account-view';

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
  const app = signedInRouter(deps, '/api/account');

  const load = (accountId: string) => deps.store.accounts.loadBillingState(accountId);

  return app
    .openapi(
      signedInRoute({
        method: 'get',
        path: '/api/account',
        summary: 'The account page: subscription, credit, scheduled change, and whether Change is possible',
        responses: {
          200: answer(accountViewSchema, 'Account', 'The account page facts.'),
          ...errors(404),
        },
      }),
      async (c) => {
        const state = await load(c.get('session').accountId);
        if (!state) return refuse(c, notFound('account'));
        return c.json(accountView(state, c.get('user')), 200);
      },
    )

    .openapi(
      signedInRoute({
        method: 'get',
        path: '/api/account/options',
        summary: 'What the customer may choose, with reason codes for what they may not',
        description:
          'Also returns the catalog and the subscription in the engine’s shape, so the browser can price every choice with the same engine.',
        request: { query: optionsQuerySchema },
        responses: {
          200: answer(optionsViewSchema, 'ChangeOptions', 'Options, catalog and subscription.'),
          ...errors(400, 404),
        },
      }),
      async (c) => {
        const query = c.req.valid('query');
        const state = await load(c.get('session').accountId);
        if (!state) return refuse(c, notFound('account'));
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
    );
}
