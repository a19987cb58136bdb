import { timingSafeEqual } from 'node:crypto';
import type { Handler } from 'hono';
import type { Registry } from 'prom-client';

/**
 * GET /metrics in Prometheus's text format. With a token (METRICS_TOKEN) only a scraper that
 * sends it as a bearer token is answered; without one the endpoint is open, for a deployment
 * where only the private network reaches it.
 */
export function metricsEndpoint(registry: Registry, token: string | undefined): Handler {
  const expected = token === undefined ? null : Buffer.from(`Bearer ${token}`);
  return async (c) => {
    if (expected) {
      const given = Buffer.from(c.req.header('authorization') ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        c.header('WWW-Authenticate', 'Bearer realm="metrics"');
        return c.text('A bearer token is required.', 401);
      }
    }
    return c.body(await registry.metrics(), 200, { 'Content-Type': registry.contentType });
  };
}
