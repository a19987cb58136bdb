import { createRoute, z } from '@hono/zod-openapi';
import { paymentMethodsViewSchema, paymentMethodViewSchema } from '@planshift/shared/api';
import { addPaymentMethodSchema } from '@planshift/shared/payment-card';
import type { AppDeps } from '../http/app-env';
import { errors, json, SIGNED_IN, SIGNED_IN_WITH_CSRF } from '../http/openapi';
import { refuse } from '../http/refuse';
import { signedInRouter } from '../session/session-middleware';
import { addPaymentMethod, makeDefaultPaymentMethod, removePaymentMethod } from './change-payment-methods';
import { paymentMethodsView } from './payment-methods-view';

const params = z.object({ id: z.string().min(1).max(100) });
const makeDefaultSchema = z.strictObject({}).meta({ id: 'MakeDefaultPaymentMethod' });

/** The cards on file: list them (anyone signed in), add one, choose the default, remove one (billing managers). */
export function paymentMethodRoutes(deps: AppDeps) {
  const app = signedInRouter(deps, '/api/payment-methods');
  const list = async (user: Parameters<typeof paymentMethodsView>[1]) =>
    paymentMethodsView(await deps.store.paymentMethods.list(user.accountId), user);

  return app
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/payment-methods',
        security: SIGNED_IN,
        summary: 'The cards on file, the default first',
        responses: { 200: json(paymentMethodsViewSchema, 'The cards'), ...errors(401) },
      }),
      async (c) => c.json(await list(c.get('user')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/api/payment-methods',
        security: SIGNED_IN_WITH_CSRF,
        summary:
          'Add a card: checked and kept by the processor; the portal keeps its token, brand, last four and expiry',
        description:
          'A card that is not one answers 422 with card_number_invalid, card_expiry_invalid, card_expired or card_cvc_invalid, its field, and every problem in details.issues.',
        request: { body: { content: { 'application/json': { schema: addPaymentMethodSchema } }, required: true } },
        responses: {
          201: json(paymentMethodViewSchema, 'Added'),
          ...errors(400, 401, 403, 409, 415, 422, 503),
        },
      }),
      async (c) => {
        const outcome = await addPaymentMethod(deps, c.get('user'), c.req.valid('json'));
        return outcome.ok ? c.json(outcome.paymentMethod, 201) : refuse(c, outcome);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/api/payment-methods/{id}/default',
        security: SIGNED_IN_WITH_CSRF,
        summary: 'Make a card the default: every charge from now on goes to it',
        request: {
          params,
          body: { content: { 'application/json': { schema: makeDefaultSchema } }, required: true },
        },
        responses: { 200: json(paymentMethodsViewSchema, 'The cards'), ...errors(400, 401, 403, 404, 415) },
      }),
      async (c) => {
        const user = c.get('user');
        const outcome = await makeDefaultPaymentMethod(deps, user, c.req.valid('param').id);
        return outcome.ok ? c.json(await list(user), 200) : refuse(c, outcome);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/api/payment-methods/{id}',
        security: SIGNED_IN_WITH_CSRF,
        summary: 'Remove a card that is not the default',
        request: { params },
        responses: { 204: { description: 'Removed' }, ...errors(400, 401, 403, 404, 409) },
      }),
      async (c) => {
        const outcome = await removePaymentMethod(deps, c.get('user'), c.req.valid('param').id);
        return outcome.ok ? c.body(null, 204) : refuse(c, outcome);
      },
    );
}
