import { cancellationRequestSchema, cancellationViewSchema, resumeViewSchema } from '@planshift/shared/api';
import type { AppDeps } from '../http/app-env';
import { answer, errors, jsonBody, signedInRoute } from '../http/openapi';
import { refuse } from '../http/refuse';
import { signedInRouter } from '../session/session-middleware';
import { resumeSubscription } from './resume-subscription';
import { scheduleCancellation } from './schedule-cancellation';

/** Cancelling the subscription at the end of its period, and resuming it before then. */
export function cancellationRoutes(deps: AppDeps) {
  const app = signedInRouter(deps, '/api/subscription/cancellation');

  return app
    .openapi(
      signedInRoute({
        method: 'post',
        path: '/api/subscription/cancellation',
        summary: 'Cancel the subscription at the end of its billing period',
        description:
          'The subscription stays active until the period ends, then is canceled: no further bill, no refund. It replaces a change scheduled for the period end (resuming brings it back); a change confirmed later replaces it. The reason and comment are optional.',
        request: { body: jsonBody(cancellationRequestSchema.meta({ id: 'CancellationRequest' })) },
        responses: {
          201: answer(cancellationViewSchema, 'Cancellation', 'The scheduled cancellation'),
          ...errors(400, 404, 409, 415),
        },
      }),
      async (c) => {
        const outcome = await scheduleCancellation(deps, c.get('user'), c.req.valid('json'));
        return outcome.ok ? c.json(outcome.cancellation, 201) : refuse(c, outcome);
      },
    )

    .openapi(
      signedInRoute({
        method: 'delete',
        path: '/api/subscription/cancellation',
        summary: 'Resume: withdraw the scheduled cancellation, returning to the state before cancelling',
        description:
          'The subscription renews at the period end; the change the cancellation replaced, if any, is scheduled again.',
        responses: {
          200: answer(resumeViewSchema, 'Resumption', 'When it renews, and the change scheduled again, if any'),
          ...errors(404, 409),
        },
      }),
      async (c) => {
        const outcome = await resumeSubscription(deps, c.get('user'));
        return outcome.ok ? c.json(outcome.resumed, 200) : refuse(c, outcome);
      },
    );
}
