import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteAndConfirm } from '../testing/confirm-change';
import { type Json, startTestSystem, type TestSystem } from '../testing/test-system';
import { PrometheusMetrics } from './prometheus-metrics';

const TOKEN = 'a-scraper-token-of-some-length';
const MONTHLY = { unit: 'month', count: 1 };

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem({ metrics: new PrometheusMetrics(), metricsToken: TOKEN });
});
afterAll(() => system?.dispose());

async function scrape(): Promise<string> {
  const response = await system.anonymous.request('GET', '/metrics', undefined, { authorization: `Bearer ${TOKEN}` });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

/** A sample's value in Prometheus's text format: 0 when the series does not exist yet. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const has = (match[2] ?? '').split(/,(?=[a-zA-Z_]\w*=")/);
    if (wanted.every((label) => has.includes(label))) return Number(match[3]);
  }
  return 0;
}

const difference = (before: string, after: string, name: string, labels: Record<string, string> = {}) =>
  sample(after, name, labels) - sample(before, name, labels);

describe('GET /metrics', () => {
  it('answers only a scraper with the token when one is set', async () => {
    expect((await system.anonymous.request('GET', '/metrics')).status).toBe(401);
    const wrong = await system.anonymous.request('GET', '/metrics', undefined, { authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await scrape()).toContain('process_cpu_user_seconds_total');
  });

  it('counts a quote, a confirmation by outcome, its charge, and a renewal by the amounts they were', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const before = await scrape();
    const key = `metrics-${crypto.randomUUID()}`;
    const more = { planId: 'pro', interval: MONTHLY, quantity: 12, addOns: [] };
    const { quote, answer } = await quoteAndConfirm(maria, more, key);
    expect(answer.status).toBe(201);
    expect(quote.quote.dueNow.amount).toBeGreaterThan(0);
    const afterConfirm = await scrape();
    expect(difference(before, afterConfirm, 'planshift_quotes_priced_total')).toBe(1);
    expect(difference(before, afterConfirm, 'planshift_confirms_total', { outcome: 'applied' })).toBe(1);
    expect(difference(before, afterConfirm, 'planshift_charges_total', { outcome: 'captured' })).toBe(1);
    expect(difference(before, afterConfirm, 'planshift_refunds_total')).toBe(0);

    // A replay answers the same confirmation and is counted as what it answered; nothing is charged again.
    const replay = await maria.json<Json>('POST', '/api/changes', { quoteId: quote.id }, { 'idempotency-key': key });
    expect(replay.status).toBe(201);
    const afterReplay = await scrape();
    expect(difference(afterConfirm, afterReplay, 'planshift_charges_total', { outcome: 'captured' })).toBe(0);
    expect(difference(afterConfirm, afterReplay, 'planshift_confirms_total', { outcome: 'applied' })).toBe(1);

    const moved = await system.anonymous.json<Json>('PUT', '/api/test/clock', { at: '2026-12-21T00:00:00Z' });
    expect(moved.status).toBe(200);
    expect(moved.body.ran.renewals).toBeGreaterThan(0);
    const afterRenewal = await scrape();
    expect(difference(afterReplay, afterRenewal, 'planshift_renewals_total')).toBe(moved.body.ran.renewals);
  });

  it('labels requests with their route’s pattern, never the path with its ids', async () => {
    const ben = await system.signIn('ben@bluebird.example');
    const { body } = await ben.json<Json>('GET', '/api/documents');
    const id = body.documents[0].id as string;
    expect((await ben.request('GET', `/api/documents/${id}`)).status).toBe(200);
    const text = await scrape();
    expect(sample(text, 'http_requests_total', { route: '/api/documents/:documentId', status: '200' })).toBe(1);
    expect(sample(text, 'http_requests_total', { route: '/api/changes', method: 'POST' })).toBeGreaterThan(0);
    expect(text).not.toContain(id);
    expect(text).toMatch(/http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/api\/documents"/);
  });

  it('reads the outbox backlog and the pending orders from the database when scraped', async () => {
    // A change's confirmation e-mail waits in the outbox: this system runs no dispatcher.
    const ben = await system.signIn('ben@bluebird.example');
    const { answer } = await quoteAndConfirm(ben, { planId: 'essential', interval: MONTHLY, quantity: 3, addOns: [] });
    expect(answer.status).toBe(201);
    const unsent = await system.sql.count('select count(*) from outbox where sent_at is null');
    const pending = await system.sql.count(`select count(*) from orders where status = 'pending'`);
    const text = await scrape();
    expect(text).toMatch(/^planshift_outbox_backlog \d+$/m);
    expect(text).toMatch(/^planshift_pending_orders \d+$/m);
    expect(sample(text, 'planshift_outbox_backlog')).toBe(unsent);
    expect(sample(text, 'planshift_pending_orders')).toBe(pending);
    expect(unsent).toBeGreaterThan(0);
  });
});
