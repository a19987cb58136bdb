// The race matrix's writers as the customer, the operator or the scheduler act, and what must hold after them.
import { instantFromIso } from '@planshift/shared/periods';
import type { BillingRunSummary } from '../../billing/billing-run';
import type { Client, Json, TestSystem } from '../test-system';

/** What one writer answered: an HTTP status and code, or what an in-process writer did. */
export type Answer = Readonly<{ label: string; serverError: boolean }>;

export async function setClock(system: TestSystem, iso: string): Promise<void> {
  const moved = await system.anonymous.json('PUT', '/api/test/clock', { at: iso });
  if (moved.status !== 200) throw new Error(`moving the clock answered ${moved.status}`);
}

/** A quote that charges something now (so the confirm waits for the processor). */
export async function quote(client: Client, request: Json): Promise<string> {
  const quoted = await client.json<Json>('POST', '/api/quotes', request);
  if (quoted.status !== 201) throw new Error(`quote answered ${quoted.status}: ${JSON.stringify(quoted.body)}`);
  if (!(quoted.body.quote.dueNow.amount > 0)) throw new Error(`quote charges nothing: ${JSON.stringify(request)}`);
  return quoted.body.id;
}

export async function confirm(client: Client, quoteId: string): Promise<Answer> {
  return http(
    await client.json('POST', '/api/changes', { quoteId }, { 'idempotency-key': `race-${crypto.randomUUID()}` }),
  );
}

/** A confirm that prepares the race: anything but 201 is a broken premise, not an outcome. */
export async function confirmed(client: Client, quoteId: string): Promise<Json> {
  const answer = await client.json<Json>(
    'POST',
    '/api/changes',
    { quoteId },
    { 'idempotency-key': `race-${crypto.randomUUID()}` },
  );
  if (answer.status !== 201) throw new Error(`confirm answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** The customer asks for a quote and confirms it; a quote refused (an unpaid invoice) is the answer. */
export async function quoteAndConfirm(client: Client, request: Json): Promise<Answer> {
  const quoted = await client.json<Json>('POST', '/api/quotes', request);
  if (quoted.status !== 201) return http(quoted, 'quote ');
  return confirm(client, quoted.body.id);
}

export function http(answer: { status: number; body: unknown }, prefix = ''): Answer {
  const code = answer.status >= 300 ? ` ${(answer.body as Json | null)?.code ?? ''}` : '';
  return { label: `${prefix}${answer.status}${code}`, serverError: answer.status >= 500 };
}

export function runAnswer(summary: BillingRunSummary): Answer {
  const did = [
    summary.renewed > 0 && 'renewed',
    summary.collected > 0 && 'collected',
    summary.declined > 0 && 'declined',
    summary.skipped > 0 && 'skipped (held)',
  ].filter(Boolean);
  return { label: did.length > 0 ? did.join(', ') : 'nothing due', serverError: false };
}

/** Every check's problems, in order. */
export async function problemsOf(...checks: Promise<string[]>[]): Promise<string[]> {
  return (await Promise.all(checks)).flat();
}

export async function expectCount(system: TestSystem, sql: string, expected: number, what: string): Promise<string[]> {
  const n = await system.sql.count(sql);
  return n === expected ? [] : [`${n} ${what}, expected ${expected}`];
}

/** The period that ended was renewed exactly once, and the subscription is in the next one. */
export async function renewedOnce(system: TestSystem, subscriptionId: string, periodEnd: string): Promise<string[]> {
  const end = instantFromIso(periodEnd);
  const renewals = await system.sql.count(
    `select count(*) from documents where subscription_id = ? and reason = 'renewal' and issued_at = ?`,
    subscriptionId,
    end,
  );
  const current = await system.sql.count('select current_period_end from subscriptions where id = ?', subscriptionId);
  return [
    ...(renewals === 1 ? [] : [`${subscriptionId} renewed ${renewals} times at ${periodEnd}`]),
    ...(current > end ? [] : [`${subscriptionId} still in the period ending ${periodEnd}`]),
  ];
}

export async function paidOnce(system: TestSystem, invoiceId: string): Promise<string[]> {
  const paid = await system.sql.count(
    `select count(*) from payments where invoice_id = ? and status = 'succeeded' and order_id is null`,
    invoiceId,
  );
  return paid === 1 ? [] : [`invoice ${invoiceId} has ${paid} payments, expected 1`];
}
