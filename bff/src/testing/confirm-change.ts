import { expect } from 'vitest';
import type { Client, Json } from './test-system';

/** Quotes a change and confirms it, as the SPA does; fails the test unless both succeed. Answers the confirmation. */
export async function confirmChange(client: Client, request: Json): Promise<Json> {
  const quote = await client.json<Json>('POST', '/api/quotes', request);
  expect(quote.status).toBe(201);
  const confirmed = await client.json<Json>(
    'POST',
    '/api/changes',
    { quoteId: quote.body.id },
    { 'idempotency-key': `confirm-${crypto.randomUUID()}` },
  );
  expect(confirmed.status).toBe(201);
  return confirmed.body;
}
