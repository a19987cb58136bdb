import { scheduledChangeViewSchema } from '@planshift/shared/api';
import type { AppDeps } from '../http/app-env';
import { answer, errors, signedInRoute } from '../http/openapi';
import { refuse } from '../http/refuse';
import { notFound } from '../refusal';
import { signedInRouter } from '../session/session-middleware';
import { cancelScheduledChange } from './cancel-scheduled-change';

/** The change waiting for the period end: read it, or cancel it. */
export function scheduledChangeRoutes(deps: AppDeps) {
  const app = signedInRouter(deps, '/api/scheduled-change');

  return app
    .openapi(
      signedInRoute({
        method: 'get',
        path: '/api/scheduled-change',
        summary: 'The change waiting for the period end, if any',
        responses: {
          200: answer(scheduledChangeViewSchema, 'ScheduledChange', 'The pending change, or null'),
          ...errors(404),
        },
      }),
      async (c) => {
        const state = await deps.store.accounts.loadBillingState(c.get('session').accountId);
        if (!state) return refuse(c, notFound('subscription'));
        return c.json({ scheduledChange: state.scheduledChange }, 200);
      },
    )

    .openapi(
      signedInRoute({
        method: 'delete',
        path: '/api/scheduled-change',
        summary: 'Cancel the scheduled change',
        responses: { 204: { description: 'Canceled' }, ...errors(404, 409) },
      }),
      async (c) => {
        const outcome = await cancelScheduledChange(deps, c.get('user'));
        if (!outcome.ok) return refuse(c, outcome);
        return c.body(null, 204);
      },
    );
}
