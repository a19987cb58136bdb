import { beforeEach, describe, expect, it } from 'vitest';
import { PaymentUnavailableError } from '../payments/payment-provider';
import { checkInvariants } from '../testing/invariants';
import { type Client, type Json, type TestSystem, useDemoSystem } from '../testing/test-system';

const MONTHLY = { unit: 'month', count: 1 };

const demo = useDemoSystem();
let system: TestSystem;
beforeEach(() => {
  system = demo();
});

const count = (sql: string) => system.sql.count(sql);

async function quoteFor(client: Client, quantity: number): Promise<string> {
  const { status, body } = await client.json<Json>('POST', '/api/quotes', {
    planId: 'business',
    interval: MONTHLY,
    quantity,
    addOns: [],
  });
  expect(status).toBe(201);
  return body.id;
}

const confirm = (client: Client, quoteId: string, idempotencyKey: string) =>
  client.json<Json>('POST', '/api/changes', { quoteId }, { 'idempotency-key': idempotencyKey });

describe('concurrent confirms', () => {
  it('20 confirms with one key make one change, one payment and one invoice', async () => {
    system.payments.setDelay(25);
    const maria = await system.signIn('maria@northwind.example');
    const quoteId = await quoteFor(maria, 12);
    const answers = await Promise.all(Array.from({ length: 20 }, () => confirm(maria, quoteId, 'same-key-0001')));
    system.payments.setDelay(0);

    const created = answers.filter((a) => a.status === 201);
    const first = created[0];
    expect(first).toBeDefined();
    for (const answer of answers) {
      if (answer.status === 201) expect(answer).toEqual(first);
      else expect(answer).toMatchObject({ status: 409, body: { code: 'request_in_progress' } });
    }
    expect(await count(`select count(*) as n from orders where status = 'succeeded'`)).toBe(1);
    expect(await count(`select count(*) as n from payments where status = 'succeeded' and order_id is not null`)).toBe(
      1,
    );
    expect(await count(`select count(*) as n from documents where kind = 'invoice' and reason = 'change'`)).toBe(1);
    expect(await confirm(maria, quoteId, 'same-key-0001')).toEqual(first);
    expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
  });

  it('20 confirms of different quotes for one subscription: exactly one succeeds, the rest get 409', async () => {
    system.payments.setDelay(25);
    const maria = await system.signIn('maria@northwind.example');
    const quoteIds = [];
    for (let i = 0; i < 20; i++) quoteIds.push(await quoteFor(maria, 11 + i));
    const answers = await Promise.all(quoteIds.map((id, i) => confirm(maria, id, `different-key-${i}`)));
    system.payments.setDelay(0);

    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    for (const answer of answers.filter((a) => a.status !== 201)) {
      expect(answer.status).toBe(409);
      expect(['change_in_progress', 'quote_stale']).toContain(answer.body.code);
    }
    expect(await count(`select count(*) as n from orders where status = 'succeeded'`)).toBe(1);
    expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
  });
});

describe('payment faults', () => {
  it('a charge whose answer is lost is recorded once when the client retries with its key', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const quoteId = await quoteFor(maria, 12);
    system.payments.injectFault({ kind: 'lose_response' });
    const lost = await confirm(maria, quoteId, 'lost-answer-key');
    expect(lost).toMatchObject({ status: 503, body: { code: 'payment_unavailable' } });
    expect(await count(`select count(*) as n from orders where status = 'pending'`)).toBe(1);
    expect(await count(`select count(*) as n from documents where reason = 'change'`)).toBe(0);

    const retried = await confirm(maria, quoteId, 'lost-answer-key');
    expect(retried.status).toBe(201);
    expect((await system.payments.charges()).filter((c) => c.status === 'succeeded')).toHaveLength(1);
    expect(await count(`select count(*) as n from documents where kind = 'invoice' and reason = 'change'`)).toBe(1);
    expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
  });

  it('a provider that fails before charging leaves the order retryable, then charges once', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const quoteId = await quoteFor(maria, 12);
    system.payments.injectFault({ kind: 'fail_before_charge' });
    expect((await confirm(maria, quoteId, 'unreachable-key')).status).toBe(503);
    expect(await system.payments.charges()).toHaveLength(0);
    expect((await confirm(maria, quoteId, 'unreachable-key')).status).toBe(201);
    expect(await system.payments.charges()).toHaveLength(1);
    expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
  });

  it('recovery leaves an order pending while the processor cannot be reached, and finishes it later', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const quoteId = await quoteFor(maria, 12);
    system.payments.injectFault({ kind: 'lose_response' });
    expect((await confirm(maria, quoteId, 'unreachable-recovery')).status).toBe(503);
    const lookup = system.payments.lookup.bind(system.payments);
    system.payments.lookup = async () => {
      throw new PaymentUnavailableError();
    };
    expect(await system.confirmer.recoverPendingOrders()).toBe(0);
    expect(await count(`select count(*) as n from orders where status = 'pending'`)).toBe(1);
    system.payments.lookup = lookup;
    expect(await system.confirmer.recoverPendingOrders()).toBe(1);
    expect(await count(`select count(*) as n from orders where status = 'succeeded'`)).toBe(1);
    expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
  });

  it('an order abandoned before the provider saw it is failed at recovery and nothing is charged', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const quoteId = await quoteFor(maria, 12);
    system.payments.injectFault({ kind: 'fail_before_charge' });
    expect((await confirm(maria, quoteId, 'abandoned-key')).status).toBe(503);
    expect(await system.confirmer.recoverPendingOrders()).toBe(1);
    expect(await count('select count(*) as n from orders')).toBe(0);
    // The key was released: the customer's retry starts afresh and succeeds once.
    expect((await confirm(maria, quoteId, 'abandoned-key')).status).toBe(201);
    expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
  });
});
