import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileChargeLedger } from './charge-ledger';
import { PaymentUnavailableError } from './payment-provider';
import { SimulatedPaymentProvider } from './simulated-provider';

const dir = mkdtempSync(join(tmpdir(), 'planshift-ledger-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const charge = (
  provider: SimulatedPaymentProvider,
  paymentMethod: string,
  id: string = crypto.randomUUID(),
  amount = 1234,
) => provider.charge({ paymentAttemptId: id, paymentMethod, amount, currency: 'USD', description: 'test' });

describe('the simulated card processor', () => {
  it.each([
    ['4242424242424242', 'succeeded', undefined],
    ['5555555555554444', 'succeeded', undefined],
    ['4000000000000002', 'failed', 'card_declined'],
    ['4000000000009995', 'failed', 'insufficient_funds'],
    ['4000000000000069', 'failed', 'expired_card'],
    ['4000000000000119', 'failed', 'processing_error'],
    ['4111111111111111', 'failed', 'card_declined'],
  ])('card %s: %s %s', async (card, status, decline) => {
    const outcome = await charge(new SimulatedPaymentProvider(), card);
    expect(outcome.status).toBe(status);
    if (outcome.status === 'failed') expect(outcome.decline).toBe(decline);
  });

  it('charges an attempt id once, even when asked twice at the same time', async () => {
    const provider = new SimulatedPaymentProvider();
    const [first, second] = await Promise.all([
      charge(provider, '4242424242424242', 'a-1'),
      charge(provider, '4242424242424242', 'a-1'),
    ]);
    expect(second).toEqual(first);
    expect(await charge(provider, '4242424242424242', 'a-1')).toEqual(first);
    expect(provider.charges()).toHaveLength(1);
  });

  it('refuses to reuse an attempt id for another amount', async () => {
    const provider = new SimulatedPaymentProvider();
    await charge(provider, '4242424242424242', 'a-2', 100);
    await expect(charge(provider, '4242424242424242', 'a-2', 200)).rejects.toThrow(/different parameters/);
  });

  it('can fail before charging: nothing is recorded and a retry charges once', async () => {
    const provider = new SimulatedPaymentProvider();
    provider.injectFault({ kind: 'fail_before_charge' });
    await expect(charge(provider, '4242424242424242', 'a-3')).rejects.toBeInstanceOf(PaymentUnavailableError);
    expect(await provider.lookup('a-3')).toBeNull();
    expect((await charge(provider, '4242424242424242', 'a-3')).status).toBe('succeeded');
    expect(provider.charges()).toHaveLength(1);
  });

  it('can charge and lose the answer: the lookup and a retry find the one charge', async () => {
    const provider = new SimulatedPaymentProvider();
    provider.injectFault({ kind: 'lose_response' });
    await expect(charge(provider, '4242424242424242', 'a-4')).rejects.toBeInstanceOf(PaymentUnavailableError);
    const seen = await provider.lookup('a-4');
    expect(seen?.status).toBe('succeeded');
    expect(await charge(provider, '4242424242424242', 'a-4')).toEqual(seen);
    expect(provider.charges()).toHaveLength(1);
  });

  it('remembers its charges across a restart when kept in a file', async () => {
    const file = join(dir, 'charges.jsonl');
    const before = new SimulatedPaymentProvider({ ledger: new FileChargeLedger(file) });
    const outcome = await charge(before, '4242424242424242', 'a-5');
    const after = new SimulatedPaymentProvider({ ledger: new FileChargeLedger(file) });
    expect(await after.lookup('a-5')).toEqual(outcome);
    expect(await charge(after, '4242424242424242', 'a-5')).toEqual(outcome);
    expect(after.charges()).toHaveLength(1);
  });
});
