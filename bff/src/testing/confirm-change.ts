import { expect } from 'vitest';
import type { Client, Json } from './test-system';

export type QuotedConfirm = Readonly<{ quote: Json; answer: { status: number; body: Json } }>;

/**
 * Quotes a change and sends its confirm with `key` as its Idempotency-Key, as the SPA does; fails the
 * test unless it is quoted, and answers the quote and whatever the confirm answered (a 202 challenge,
 * a decline…), for the tests that look at more than a success.
 */
export async function quoteAndConfirm(
  client: Client,
  request: Json,
  key = `confirm-${crypto.randomUUID()}`,
): Promise<QuotedConfirm> {
  const quote = await client.json<Json>('POST', '/api/quotes', request);
  expect(quote.status).toBe(201);
  const answer = await client.json<Json>(
    'POST',
    '/api/changes',
    { quoteId: quote.body.id },
    { 'idempotency-key': key },
  );
  return { quote: quote.body, answer };
}

/** Quotes a change and confirms it, as the SPA does; fails the test unless both succeed. Answers the confirmation. */
export async function confirmChange(client: Client, request: Json, key?: string): Promise<Json> {
  const { answer } = await quoteAndConfirm(client, request, key);
  expect(answer.status).toBe(201);
  return answer.body;
}
