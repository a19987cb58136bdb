import type { APIResponse } from '@playwright/test';
import type { z } from 'zod';

/**
 * Fails unless the portal answered the status expected, naming the route and what it said:
 * a flow's failure reads as the portal's refusal, not as a parse error further on.
 */
export async function expectStatus(response: APIResponse, expected: number): Promise<void> {
  if (response.status() === expected) return;
  const body = (await response.text().catch(() => '')).slice(0, 600);
  const path = new URL(response.url()).pathname;
  const hint =
    response.status() === 404 && path.startsWith('/api/test/')
      ? ' The QA routes answer 404 in production: scenarios, the test clock and the mailbox exist only on a development or test portal.'
      : '';
  throw new Error(`${path} answered ${response.status()}, not ${expected}: ${body}${hint}`);
}

/** The answer's JSON, read with its wire schema (so a portal that answers another shape fails here, clearly). */
export async function readAnswer<S extends z.ZodType>(
  response: APIResponse,
  schema: S,
  expected = 200,
): Promise<z.output<S>> {
  await expectStatus(response, expected);
  return schema.parse(await response.json());
}

/**
 * The answer's JSON as the portal sent it, typed by its wire shape but not parsed with it: the
 * customer's own answers (account, documents) may carry more than a flow reads, and a strict
 * schema would fail a flow over a field it never looks at.
 */
export async function readJson<T>(response: APIResponse, expected = 200): Promise<T> {
  await expectStatus(response, expected);
  return (await response.json()) as T;
}
