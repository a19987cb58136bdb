import { createRoute } from '@hono/zod-openapi';
import { healthViewSchema, readinessViewSchema } from '@planshift/shared/api';
import { json, router } from '../http/openapi';
import type { Readiness } from './readiness';

/**
 * Liveness and readiness, for a process supervisor and a load balancer. Neither takes a turn
 * (http/request-turns.ts) nor needs a session: they answer at once, even under load.
 */
export function healthRoutes(readiness: Readiness) {
  return router()
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/health',
        summary: 'Liveness: the process answers (restart it when it does not)',
        responses: { 200: json(healthViewSchema, 'Up') },
      }),
      (c) => c.json({ status: 'ok' as const }, 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/api/ready',
        summary: 'Readiness: the database answers and the process is not shutting down (send it traffic)',
        responses: {
          200: json(readinessViewSchema, 'Ready: { status: "ready" }'),
          503: json(readinessViewSchema, 'Not ready: { status: "not_ready", reason }'),
        },
      }),
      async (c) => {
        const view = await readiness.check();
        return view.status === 'ready' ? c.json(view, 200) : c.json(view, 503);
      },
    );
}
