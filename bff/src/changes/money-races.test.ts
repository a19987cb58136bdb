import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ChildBff, type HttpClient, until } from '../testing/child-bff';
import type { Json } from '../testing/test-system';

// A safety net against a hang, not a budget: the test waits for conditions; the child BFFs
// share 2 cores with everything else on this machine (two minutes were not enough at a load of 35).
const CHILD_TEST_TIMEOUT_MS = 600_000;

// Two writers of one subscription racing an order whose card is being charged: the real BFF as a
// child process, its processor answering 1.5 s after it captured, so the second writer lands
// while the money is taken and the order not yet recorded (docs/decisions/006).
const LATENCY = { PAYMENTS_LATENCY_MS: '1500' };
const MONTHLY = { unit: 'month', count: 1 };

let bff: ChildBff | undefined;
let dir: string | undefined;
afterEach(async () => {
  await bff?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<ChildBff> {
  dir = mkdtempSync(join(tmpdir(), 'planshift-race-'));
  bff = await ChildBff.start(dir, LATENCY);
  return bff;
}

const captured = (b: ChildBff) => async () => (await b.capturedCharges()) > 0;
const capturedMore = (b: ChildBff, before: number) => async () => (await b.capturedCharges()) > before;

async function confirm(client: HttpClient, request: Json, key: string) {
  const quote = await client.json<Json>('POST', '/api/quotes', request);
  expect(quote.status).toBe(201);
  const answer = client.json<Json>('POST', '/api/changes', { quoteId: quote.body.id }, { 'idempotency-key': key });
  return { quoteId: quote.body.id as string, answer };
}

/** Captured charges of orders (renewal invoices collected by the run are charged too, as `pa_inv_…`). */
async function capturedCharges(b: ChildBff): Promise<number> {
  return (await (await b.processor()).charges()).filter(
    (c) => c.status === 'succeeded' && !c.paymentAttemptId.startsWith('pa_inv_'),
  ).length;
}

describe('an order being charged while another writer moves its subscription', () => {
  it(
    'period-end run: the run waits, the change is applied once, then the period renews with it in force',
    async () => {
      const b = await start();
      const ben = await b.signIn('ben@bluebird.example');
      // Five seats on Professional, now: charged prorated for the rest of the period ending 20 Nov.
      const { quoteId, answer } = await confirm(
        ben,
        { planId: 'professional', interval: MONTHLY, quantity: 5, addOns: [{ addOnId: 'campaigns', quantity: 2 }] },
        'race-renewal-0001',
      );
      await until(captured(b), 30_000, 'the charge');
      const moved = await b.client().json('PUT', '/api/test/clock', { at: '2026-11-21T00:00:00Z' });
      const confirmed = await answer;

      expect(moved.status).toBe(200);
      expect(confirmed.status).toBe(201);
      expect(confirmed.body.charged.amount).toBeGreaterThan(0);
      // The run skipped Ben while his order held the subscription, and renewed it once the order ended;
      // then collected the renewal invoice (charged with the processor's latency too).
      await until(
        () =>
          b.read(
            async (sql) =>
              (await sql.count(
                `select count(*) from documents d join payments p on p.invoice_id = d.id
                where d.reason = 'renewal' and d.account_id = 'bluebird-crm'`,
              )) > 0 && (await sql.one('select 1 from subscription_claims')) === undefined,
          ),
        30_000,
        'the renewal collected',
      );
      const renewal = await b.read((sql) =>
        sql.all(
          `select l.quantity, l.item_id as item from documents d join document_lines l on l.document_id = d.id
          where d.reason = 'renewal' and d.account_id = 'bluebird-crm' order by l.position`,
        ),
      );
      expect(renewal).toContainEqual({ quantity: 5, item: 'professional' });
      expect(await b.read((sql) => sql.all('select status from orders'))).toEqual([{ status: 'succeeded' }]);
      expect(await capturedCharges(b)).toBe(1);
      expect(await b.invariants()).toEqual([]);

      // Restart and retry: the same answer, no second charge.
      await b.kill();
      await b.restart();
      const again = await (await b.signIn('ben@bluebird.example')).json(
        'POST',
        '/api/changes',
        { quoteId },
        { 'idempotency-key': 'race-renewal-0001' },
      );
      expect(again).toEqual(confirmed);
      expect(await capturedCharges(b)).toBe(1);
      expect(await b.invariants()).toEqual([]);
    },
    CHILD_TEST_TIMEOUT_MS,
  );

  it(
    'provisioning completion: the operator waits for the order, then completes; one charge, applied',
    async () => {
      const b = await start();
      const julien = await b.signIn('julien@erable.example');
      const first = await confirm(
        julien,
        { planId: 'hosting-plus', interval: MONTHLY, quantity: 1, addOns: [] },
        'race-provisioning-0001',
      );
      const plus = await first.answer;
      expect(plus).toMatchObject({ status: 201, body: { provisioning: 'pending' } });
      const chargesBefore = await capturedCharges(b);

      const second = await confirm(
        julien,
        { planId: 'hosting-plus', interval: MONTHLY, quantity: 1, addOns: [{ addOnId: 'dedicated-ip', quantity: 1 }] },
        'race-provisioning-0002',
      );
      await until(capturedMore(b, chargesBefore), 30_000, 'the second charge');
      const completing = b.provisioning('complete', plus.body.changeId, '--operator', 'race-test');
      const [confirmed, completed] = await Promise.all([second.answer, completing]);

      expect(confirmed.status).toBe(201);
      expect(completed.code).toBe(0);
      expect(await capturedCharges(b)).toBe(chargesBefore + 1);
      expect(await b.read((sql) => sql.all('select status from orders order by created_at'))).toEqual([
        { status: 'succeeded' },
        { status: 'succeeded' },
      ]);
      expect(await b.invariants()).toEqual([]);

      await b.kill();
      await b.restart();
      const again = await (await b.signIn('julien@erable.example')).json(
        'POST',
        '/api/changes',
        { quoteId: second.quoteId },
        { 'idempotency-key': 'race-provisioning-0002' },
      );
      expect(again).toEqual(confirmed);
      expect(await b.invariants()).toEqual([]);
    },
    CHILD_TEST_TIMEOUT_MS,
  );
});
