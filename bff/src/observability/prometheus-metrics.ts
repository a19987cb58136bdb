import { prometheus } from '@hono/prometheus';
import type { MiddlewareHandler } from 'hono';
import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client';
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
    this.http = prometheus({ registry: this.registry }).registerMetrics;
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
