import { instantFromIso } from '@planshift/shared/periods';
import { beforeEach, describe, expect, it } from 'vitest';
import { until } from '../testing/child-bff';
import { checkInvariants } from '../testing/invariants';
import { type Json, type TestSystem, useDemoSystem } from '../testing/test-system';

// One writer per subscription: a period-end run skips a subscription an order or an invoice
// payment holds, and is owed a run as soon as that writer ends, whichever way it ends.

const demo = useDemoSystem();
let system: TestSystem;
beforeEach(() => {
  system = demo();
});

const MONTHLY = { unit: 'month', count: 1 };
const held = (subscriptionId: string) => async () =>
  (await system.sql.one('select 1 from subscription_claims where subscription_id = ?', subscriptionId)) !== undefined;
const renewalsAt = (subscriptionId: string, iso: string) =>
  system.sql.count(
    `select count(*) from documents where subscription_id = ? and reason = 'renewal' and issued_at = ?`,
    subscriptionId,
    instantFromIso(iso),
  );

/** Quotes `request` 20 minutes before `periodEnd`, then lets real time pass it (no run yet). */
async function quotedJustBefore(email: string, periodEnd: string, request: Json) {
  const at = instantFromIso(periodEnd);
  expect(
    (await system.anonymous.json('PUT', '/api/test/clock', { at: new Date((at - 1200) * 1000).toISOString() })).status,
  ).toBe(200);
  const client = await system.signIn(email);
  const quote = await client.json<Json>('POST', '/api/quotes', request);
  expect(quote.status).toBe(201);
  await system.store.clock.write(at + 30);
  await system.deps.clock.load();
  return { client, quoteId: quote.body.id as string };
}

describe('a period-end run that skipped a subscription held by an order', () => {
  it('renews it once the order is declined, without waiting for the next maintenance pass', async () => {
    // Sam (Cobalt) pays with a card the processor declines; his period ends on 9 December.
    const { client, quoteId } = await quotedJustBefore('sam@cobalt.example', '2026-12-09T14:00:00Z', {
      planId: 'advanced',
      interval: MONTHLY,
      quantity: 2,
      addOns: [],
    });
    system.payments.setDelay(300);
    const confirming = client.json('POST', '/api/changes', { quoteId }, { 'idempotency-key': 'declined-during-run' });
    await until(held('sub-cobalt'), 10_000, 'the order’s claim');
    expect((await system.billing.run()).skipped).toBe(1);
    expect(await confirming).toMatchObject({ status: 402, body: { code: 'payment_declined' } });
    system.payments.setDelay(0);

    await system.confirmer.settled();
    await system.billing.settled();
    expect(await renewalsAt('sub-cobalt', '2026-12-09T14:00:00Z')).toBe(1);
    expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
  });

  it('renews it once the order is applied, with the change in force', async () => {
    const { client, quoteId } = await quotedJustBefore('ben@bluebird.example', '2026-11-20T00:00:00Z', {
      planId: 'professional',
      interval: MONTHLY,
      quantity: 5,
      addOns: [{ addOnId: 'campaigns', quantity: 2 }],
    });
    system.payments.setDelay(300);
    const confirming = client.json('POST', '/api/changes', { quoteId }, { 'idempotency-key': 'applied-during-run' });
    await until(held('sub-bluebird'), 10_000, 'the order’s claim');
    expect((await system.billing.run()).skipped).toBe(1);
    expect((await confirming).status).toBe(201);
    system.payments.setDelay(0);

    await system.confirmer.settled();
    await system.billing.settled();
    expect(await renewalsAt('sub-bluebird', '2026-11-20T00:00:00Z')).toBe(1);
    expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
  });
});

describe('a period-end run that skipped a subscription held by an invoice payment', () => {
  it('renews it once the payment is recorded', async () => {
    // James (Oakridge) pays his unpaid invoice just after his period ended on 1 December.
    const james = await system.signIn('james@oakridge.example');
    await system.store.clock.write(instantFromIso('2026-12-01T00:00:30Z'));
    await system.deps.clock.load();
    system.payments.setDelay(300);
    const paying = james.json('POST', '/api/invoices/sub-oakridge-0/pay', {});
    await until(held('sub-oakridge'), 10_000, 'the payment’s claim');
    await system.billing.run();
    expect(await renewalsAt('sub-oakridge', '2026-12-01T00:00:00Z')).toBe(0);
    expect((await paying).status).toBe(200);
    system.payments.setDelay(0);

    await system.billing.settled();
    expect(await renewalsAt('sub-oakridge', '2026-12-01T00:00:00Z')).toBe(1);
    expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
  });
});
