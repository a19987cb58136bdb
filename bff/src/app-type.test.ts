import type { AccountView, ErrorBody, QuoteView } from '@planshift/shared/api';
import { hc } from 'hono/client';
import { describe, expect, it } from 'vitest';
import type { AppType } from './app-type';

// The typed client sees each route's request and every answer it declares: these lines compile
// only while the routes declare them (tsc checks this file with the rest).
const client = hc<AppType>('http://127.0.0.1');

async function typedCalls() {
  const quote = await client.api.quotes.$post({
    json: { planId: 'team', interval: { unit: 'month', count: 1 }, quantity: 3, addOns: [] },
  });
  if (quote.status === 201) (await quote.json()).quote.dueNow.amount satisfies number;
  if (quote.status === 409) (await quote.json()).code satisfies ErrorBody['code'];
  // @ts-expect-error 402 is not an answer of POST /api/quotes
  if (quote.status === 402) return;
  const account = await client.api.account.$get();
  if (account.ok) (await account.json()).subscription.plan.name satisfies AccountView['subscription']['plan']['name'];
  const confirmed = await client.api.changes.$post({
    header: { 'idempotency-key': 'key-12345' },
    json: { quoteId: 'q' },
  });
  if (confirmed.status === 402) (await confirmed.json()).code satisfies ErrorBody['code'];
  // @ts-expect-error a quote view has no such field
  if (quote.status === 201) (await quote.json()).undocumented satisfies QuoteView;
}

describe('AppType', () => {
  it('types a client of every route (checked by tsc; this only keeps the calls referenced)', () => {
    expect(typeof typedCalls).toBe('function');
  });
});

async function qaCalls() {
  const personas = await client.api.test.personas.$get();
  if (personas.ok) (await personas.json()).personas[0]?.email satisfies string | undefined;
}

describe('AppType outside production', () => {
  it('also types the QA routes (checked by tsc)', () => {
    expect(typeof qaCalls).toBe('function');
  });
});
