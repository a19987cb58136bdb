import { beforeEach, describe, expect, it } from 'vitest';
import { until } from '../testing/child-bff';
import { checkInvariants } from '../testing/invariants';
import { type Client, type Json, type TestSystem, useDemoSystem } from '../testing/test-system';

// One writer per subscription (docs/decisions/006): the claim an order holds across its charge,
// what other writers do meanwhile, and recovery that ends every captured charge.
const MONTHLY = { unit: 'month', count: 1 };

const demo = useDemoSystem();
let system: TestSystem;
beforeEach(() => {
  system = demo();
});

const rows = (sql: string) => system.sql.all<Json>(sql);
const captured = async () => (await system.payments.charges()).filter((c) => c.status === 'succeeded');

async function quote(client: Client, quantity: number): Promise<string> {
  const answer = await client.json<Json>('POST', '/api/quotes', {
    planId: 'business',
    interval: MONTHLY,
    quantity,
    addOns: [],
  });
  expect(answer.status).toBe(201);
  return answer.body.id;
}

const confirm = (client: Client, quoteId: string, key: string) =>
  client.json<Json>('POST', '/api/changes', { quoteId }, { 'idempotency-key': key });

/** Starts a confirm and waits until the processor has captured it, its answer still on the way. */
async function confirmInFlight(client: Client, quoteId: string, key: string) {
  system.payments.setDelay(400);
  const before = (await captured()).length;
  const answer = confirm(client, quoteId, key);
  await until(async () => (await captured()).length > before, 10_000, 'the capture');
  // Wrapped: an async function returning the promise itself would wait for the answer.
  return { answer };
}

describe('an order holds its subscription while its card is charged', () => {
  it('cancelling the scheduled change meanwhile answers 409 change_in_progress and changes nothing', async () => {
    const ben = await system.signIn('ben@bluebird.example');
    const quoteId = (
      await ben.json<Json>('POST', '/api/quotes', {
        planId: 'professional',
        interval: MONTHLY,
        quantity: 4,
        addOns: [{ addOnId: 'campaigns', quantity: 2 }],
      })
    ).body.id;
    const { answer } = await confirmInFlight(ben, quoteId, 'claim-cancel-0001');
    const cancel = await ben.json<Json>('DELETE', '/api/scheduled-change');
    expect(cancel).toMatchObject({ status: 409, body: { code: 'change_in_progress' } });
    expect((await answer).status).toBe(201);
    expect(await rows(`select * from subscription_claims`)).toEqual([]);
    expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
  });

  it('cancelling at the period end meanwhile answers 409 change_in_progress and writes nothing', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const quoteId = await quote(maria, 12);
    const { answer } = await confirmInFlight(maria, quoteId, 'claim-cancellation-0001');
    const cancel = await maria.json<Json>('POST', '/api/subscription/cancellation', { reason: 'too_expensive' });
    expect(cancel).toMatchObject({ status: 409, body: { code: 'change_in_progress' } });
    expect((await answer).status).toBe(201);
    expect(await rows(`select * from subscription_cancellations where subscription_id = 'sub-northwind'`)).toEqual([]);
    expect(await rows(`select kind from outbox where kind like 'cancellation%'`)).toEqual([]);
    // Once the order has ended, the cancellation goes through, after the change.
    expect(await maria.json('POST', '/api/subscription/cancellation', {})).toMatchObject({ status: 201 });
    expect(await rows(`select * from subscription_claims`)).toEqual([]);
    expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
  });

  it('resuming meanwhile answers 409 change_in_progress; the confirmed change replaces the cancellation', async () => {
    const hana = await system.signIn('hana@tidewater.example');
    const quoteId = (
      await hana.json<Json>('POST', '/api/quotes', {
        planId: 'professional',
        interval: MONTHLY,
        quantity: 3,
        addOns: [{ addOnId: 'leadbooster', quantity: 1 }],
      })
    ).body.id;
    const { answer } = await confirmInFlight(hana, quoteId, 'claim-resume-0001');
    const resume = await hana.json<Json>('DELETE', '/api/subscription/cancellation');
    expect(resume).toMatchObject({ status: 409, body: { code: 'change_in_progress' } });
    expect((await answer).status).toBe(201);
    expect(await rows(`select status from subscription_cancellations`)).toEqual([{ status: 'replaced' }]);
    expect(await rows(`select kind from outbox where kind = 'cancellation_resumed'`)).toEqual([]);
    expect(await rows(`select * from subscription_claims`)).toEqual([]);
    expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
  });

  it('a subscription moved under the charge by a writer that ignored the claim: refunded, told, replayed', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const quoteId = await quote(maria, 12);
    const { answer } = await confirmInFlight(maria, quoteId, 'claim-refund-0001');
    // What the claim prevents: a write to the subscription while the order is being charged.
    await system.sql.run(`update subscriptions set version = version + 1 where account_id = 'northwind-meetings'`);
    const refused = await answer;

    expect(refused).toMatchObject({
      status: 409,
      body: { code: 'change_not_applied', details: { refunded: { currency: 'USD' } } },
    });
    const [charge] = await captured();
    expect(charge).toBeDefined();
    expect(await system.payments.refunds()).toEqual([
      expect.objectContaining({
        paymentAttemptId: charge?.paymentAttemptId,
        amount: refused.body.details.refunded.amount,
      }),
    ]);
    expect(
      await rows(`select status, failure, case when refund_id is null then 0 else 1 end as refunded from orders`),
    ).toEqual([{ status: 'failed', failure: 'subscription_changed', refunded: 1 }]);
    expect(await system.sql.count(`select count(*) from documents where reason = 'change'`)).toBe(0);
    expect(await rows(`select kind, recipient from outbox where kind = 'change_refunded'`)).toEqual([
      { kind: 'change_refunded', recipient: 'accounts@northwind.example' },
    ]);
    await system.mail.dispatcher.dispatchDue();
    const [mail] = (await system.mail.mailbox.list()).filter((m) => m.subject.includes('refunded'));
    expect(mail).toMatchObject({
      to: ['accounts@northwind.example'],
      subject: 'Your subscription change was not applied: the payment is refunded',
    });
    expect(await confirm(maria, quoteId, 'claim-refund-0001')).toEqual(refused);
    expect(await system.payments.refunds()).toHaveLength(1);
    expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
  });
});

describe('recovery of an order whose owner is gone', () => {
  /** An order charged but not recorded: the processor's answer was lost. */
  async function orphanedOrder(): Promise<{ maria: Client; quoteId: string }> {
    const maria = await system.signIn('maria@northwind.example');
    const quoteId = await quote(maria, 12);
    system.payments.injectFault({ kind: 'lose_response' });
    expect((await confirm(maria, quoteId, 'claim-recover-0001')).status).toBe(503);
    expect(await rows(`select status from orders`)).toEqual([{ status: 'pending' }]);
    return { maria, quoteId };
  }
  const setClaim = (owner: string, expiresAt: number) =>
    system.sql.run('update subscription_claims set owner = ?, expires_at = ?', owner, expiresAt);

  it('leaves an order another live instance holds, and finishes it once the lease lapses', async () => {
    const { maria, quoteId } = await orphanedOrder();
    await setClaim('another-instance/boot-1', now() + 60);
    expect(await system.confirmer.recoverPendingOrders()).toBe(0);
    expect(await confirm(maria, quoteId, 'claim-recover-0001')).toMatchObject({
      status: 409,
      body: { code: 'request_in_progress' },
    });
    expect(await rows(`select status from orders`)).toEqual([{ status: 'pending' }]);

    await setClaim('another-instance/boot-1', now() - 1);
    expect(await system.confirmer.recoverPendingOrders()).toBe(1);
    expect(await rows(`select status from orders`)).toEqual([{ status: 'succeeded' }]);
    expect(await rows(`select * from subscription_claims`)).toEqual([]);
    expect((await confirm(maria, quoteId, 'claim-recover-0001')).status).toBe(201);
    expect(await captured()).toHaveLength(1);
    expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
  });

  it('finishes at once an order an earlier boot of this very instance left', async () => {
    await orphanedOrder();
    await setClaim(`${system.env.INSTANCE_ID}/an-earlier-boot`, now() + 60);
    expect(await system.confirmer.recoverPendingOrders()).toBe(1);
    expect(await rows(`select status from orders`)).toEqual([{ status: 'succeeded' }]);
    expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
  });

  it('the invariant checker reports an order pending past its lease and a pass', async () => {
    await orphanedOrder();
    await setClaim('another-instance/boot-1', now() - 3600);
    expect(await checkInvariants(system.sql, system.payments)).toEqual(
      expect.arrayContaining([expect.stringMatching(/pending beyond its claim's lease/)]),
    );
  });
});

describe('an Idempotency-Key reused after its 48 hours were swept', () => {
  it('answers 422 idempotency_key_expired and writes nothing', async () => {
    const maria = await system.signIn('maria@northwind.example');
    expect((await confirm(maria, await quote(maria, 12), 'swept-key-0001')).status).toBe(201);
    await system.sql.run('update idempotency_keys set expires_at = 0');
    await system.store.maintenance.purgeExpired({ wallNow: now() });
    expect(await system.sql.count('select count(*) from idempotency_keys')).toBe(0);

    const again = await confirm(maria, await quote(maria, 13), 'swept-key-0001');
    expect(again).toMatchObject({
      status: 422,
      body: { code: 'idempotency_key_expired', field: 'Idempotency-Key' },
    });
    expect(await system.sql.count('select count(*) from orders')).toBe(1);
    expect(await captured()).toHaveLength(1);
    expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
  });
});

function now() {
  return Math.floor(Date.now() / 1000);
}
