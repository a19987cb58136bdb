import { createRoute, z } from '@hono/zod-openapi';
import { paymentChallengeViewSchema } from '@planshift/shared/api';
import type { ChangeConfirmer } from '../changes/confirm-change';
import type { AppDeps } from '../http/app-env';
import { errors, json, SIGNED_IN, SIGNED_IN_WITH_CSRF } from '../http/openapi';
import { refuse } from '../http/refuse';
import { signedInRouter } from '../session/session-middleware';
import type { InvoiceChallenges } from './invoice-challenges';
import { findChallenge, resolveChallenge } from './resolve-challenge';

const params = z.object({ challengeId: z.string().min(1).max(100) });
// The answer is in the path; the body says nothing.
const answerSchema = z.strictObject({}).meta({ id: 'ChallengeAnswer' });

/**
 * The simulated bank's side of a payment that needs the customer's authentication (3-D Secure):
 * read the challenge, approve it or fail it. A real bank hosts this page itself; the portal
 * simulates it so that every path can be tried from the browser and from tests.
 */
export function challengeRoutes(
  deps: AppDeps,
  services: Readonly<{ confirmer: ChangeConfirmer; invoices: InvoiceChallenges }>,
) {
  const app = signedInRouter(deps, '/api/payment-challenges');
  const answerRoute = (decision: 'approve' | 'fail', summary: string) =>
    createRoute({
      method: 'post',
      path: `/api/payment-challenges/{challengeId}/${decision}`,
      security: SIGNED_IN_WITH_CSRF,
      summary,
      request: { params, body: { content: { 'application/json': { schema: answerSchema } }, required: true } },
      responses: {
        200: json(paymentChallengeViewSchema, 'The challenge as it ended (or as it had already ended)'),
        ...errors(400, 401, 403, 404, 409, 415, 503),
      },
    });

  return app
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/payment-challenges/{challengeId}',
        security: SIGNED_IN,
        summary: 'A payment waiting for (or past) the customer’s authentication at their bank',
        request: { params },
        responses: { 200: json(paymentChallengeViewSchema, 'The challenge'), ...errors(400, 401, 404) },
      }),
      async (c) => {
        const outcome = await findChallenge(deps, c.get('user'), c.req.valid('param').challengeId);
        return outcome.ok ? c.json(outcome.challenge, 200) : refuse(c, outcome);
      },
    )
    .openapi(
      answerRoute('approve', 'The customer approves the payment at their bank: it is captured and the change applied'),
      async (c) => {
        const { challengeId } = c.req.valid('param');
        const outcome = await resolveChallenge(deps, services, c.get('user'), challengeId, 'approve');
        if (outcome.ok) deps.documentsIssued();
        return outcome.ok ? c.json(outcome.challenge, 200) : refuse(c, outcome);
      },
    )
    .openapi(
      answerRoute('fail', 'The customer’s bank refuses the payment: nothing is charged and nothing changes'),
      async (c) => {
        const { challengeId } = c.req.valid('param');
        const outcome = await resolveChallenge(deps, services, c.get('user'), challengeId, 'fail');
        return outcome.ok ? c.json(outcome.challenge, 200) : refuse(c, outcome);
      },
    );
}
