import { z } from 'zod';

/** GET /api/health (liveness): the process answers. */
export const healthViewSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });
export type HealthView = z.output<typeof healthViewSchema>;

/** Why an instance should get no traffic now (GET /api/ready answers 503). */
export const NOT_READY_REASONS = ['shutting_down', 'database_unavailable'] as const;

/**
 * GET /api/ready (readiness): ready when the database answers and the process is not shutting
 * down; otherwise not ready, with the reason (503).
 */
export const readinessViewSchema = z
  .discriminatedUnion('status', [
    z.object({ status: z.literal('ready') }),
    z.object({ status: z.literal('not_ready'), reason: z.enum(NOT_READY_REASONS) }),
  ])
  .meta({ id: 'Readiness' });
export type ReadinessView = z.output<typeof readinessViewSchema>;
