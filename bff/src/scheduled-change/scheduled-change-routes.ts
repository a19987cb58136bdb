import { createRoute } from '@hono/zod-openapi';
import { scheduledChangeViewSchema } from '@planshift/shared/api';
import type { AppDeps } from '../http/app-env';
import { errors, json, SIGNED_IN, SIGNED_IN_WITH_CSRF } from '../http/openapi';
import { refuse } from '../http/refuse';
import { notFound } from '../refusal';
import { signedInRouter } from '../session/session-middleware';
import { cancelScheduledChange } from './cancel-scheduled-change';

/** The change waiting for the period end: read it, or cancel it. */
export function scheduledChangeRoutes(deps: AppDeps) {
  const app = signedInRouter(deps, '/api/scheduled-change');

  return app
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
          ...errors(401, 404),
        },
      }),
      async (c) => {
        const state = await deps.store.accounts.loadBillingState(c.get('session').accountId);
        if (!state) return refuse(c, notFound('subscription'));
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
        const outcome = await cancelScheduledChange(deps, c.get('user'));
        if (!outcome.ok) return refuse(c, outcome);
        return c.body(null, 204);
      },
    );
}
