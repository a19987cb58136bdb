import type { MiddlewareHandler } from 'hono';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { BusinessMetrics } from './business-metrics';

/** What the gauges read when /metrics is scraped: the real world's database (store.maintenance.backlog). */
export type BacklogReader = () => Promise<Readonly<{ unsentMessages: number; pendingOrders: number }>>;

/**
 * The process's one metrics registry: Node's default metrics, HTTP requests by route pattern,
 * the business counters, and gauges read at scrape time.
 *
 * Scenario worlds (outside production, docs/decisions/018) are counted with the real world, not
 * under a label of their own: production has no scenarios, so a `world` label would be a
 * dimension that never varies where metrics matter, and a scenario's id as a label would be
 * unbounded. The gauges read the real world's database only.
 */
export class PrometheusMetrics {
  readonly registry = new Registry();
  /** Counts each request and times it, labelled with its route's pattern (/api/documents/:id), never its path. */
  readonly http: MiddlewareHandler;
  readonly business: BusinessMetrics;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    this.http = httpRequestMetrics(this.registry);
    const counter = (name: string, help: string, labelNames: string[] = []) =>
      new Counter({ name, help, labelNames, registers: [this.registry] });
    const quotes = counter('planshift_quotes_priced_total', 'Quotes priced and answered');
    const confirms = counter('planshift_confirms_total', 'Confirmations by how they ended', ['outcome']);
    const charges = counter('planshift_charges_total', 'Card charges by the processor’s answer', ['outcome']);
    const refunds = counter('planshift_refunds_total', 'Charges refunded');
    const renewals = counter('planshift_renewals_total', 'Subscription periods renewed by the period-end run');
    const failures = counter('planshift_collection_failures_total', 'Invoice collection attempts declined');
    this.business = {
      quotePriced: () => quotes.inc(),
      confirmed: (outcome) => confirms.inc({ outcome }),
      charged: (outcome) => charges.inc({ outcome }),
      refunded: () => refunds.inc(),
      renewed: (count) => {
        if (count > 0) renewals.inc(count);
      },
      collectionFailed: (count) => {
        if (count > 0) failures.inc(count);
      },
    };
  }

  /** The outbox backlog and the pending orders, read from the database at each scrape. */
  watchBacklog(read: BacklogReader): void {
    let reading: ReturnType<BacklogReader> | null = null;
    // Both gauges are read by one query per scrape: the first collect starts it, the second reuses it.
    const backlog = () => {
      reading ??= read().finally(() => {
        reading = null;
      });
      return reading;
    };
    const gauge = (name: string, help: string, value: (read: Awaited<ReturnType<BacklogReader>>) => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        async collect() {
          this.set(value(await backlog()));
        },
      });
    gauge('planshift_outbox_backlog', 'E-mails queued and not yet sent', (read) => read.unsentMessages);
    gauge(
      'planshift_pending_orders',
      'Orders claimed and not yet ended (being charged, waiting for the customer’s bank, or left by a crash)',
      (read) => read.pendingOrders,
    );
  }
}

/** @hono/prometheus's standard metrics: the same names, help, labels and buckets. */
const HTTP_LABELS = ['method', 'status', 'ok', 'route'] as const;
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

/**
 * Counts and times each request by method, status and route pattern, as @hono/prometheus's
 * middleware does, but finds each series once: prom-client hashes the labels of every
 * observation (sorting their names), which was a twentieth of a quote's CPU time.
 */
function httpRequestMetrics(registry: Registry): MiddlewareHandler {
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Duration of HTTP requests in seconds',
    labelNames: HTTP_LABELS,
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  const total = new Counter({
    name: 'http_requests_total',
    help: 'Total number of HTTP requests',
    labelNames: HTTP_LABELS,
    registers: [registry],
  });
  // By method, status and route: as many as the registry's series, which nothing resets.
  const series = new Map<string, Readonly<{ duration: Histogram.Internal<string>; total: Counter.Internal }>>();
  return async (c, next) => {
    const startedAt = performance.now();
    try {
      await next();
    } finally {
      const seconds = (performance.now() - startedAt) / 1000;
      const { method, routePath } = c.req;
      const { status } = c.res;
      const key = `${method} ${status} ${routePath}`;
      let found = series.get(key);
      if (!found) {
        const labels = { method, route: routePath, status: String(status), ok: String(c.res.ok) };
        found = { duration: duration.labels(labels), total: total.labels(labels) };
        series.set(key, found);
      }
      found.duration.observe(seconds);
      found.total.inc();
    }
  };
}
