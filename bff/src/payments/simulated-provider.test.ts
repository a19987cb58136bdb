import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { type ChargeLedger, FileChargeLedger, InMemoryChargeLedger } from './charge-ledger';
import { PaymentUnavailableError } from './payment-provider';
import { SimulatedPaymentProvider } from './simulated-provider';

const dir = mkdtempSync(join(tmpdir(), 'planshift-ledger-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const charge = (
  provider: SimulatedPaymentProvider,
  paymentMethod: string,
  id: string = crypto.randomUUID(),
  amount = 1234,
) =>
  provider.charge({
    paymentAttemptId: id,
    paymentMethod,
    amount,
    currency: 'USD',
    description: 'test',
    customerPresent: true,
  });

describe('the simulated card processor', () => {
  it.each([
    ['pm_card_visa', 'succeeded', undefined],
    ['pm_card_mastercard', 'succeeded', undefined],
    ['pm_card_chargeDeclined', 'failed', 'card_declined'],
    ['pm_card_chargeDeclinedInsufficientFunds', 'failed', 'insufficient_funds'],
    ['pm_card_chargeDeclinedExpiredCard', 'failed', 'expired_card'],
    ['pm_card_chargeDeclinedProcessingError', 'failed', 'processing_error'],
    ['pm_unknown', 'failed', 'card_declined'],
  ])('card %s: %s %s', async (card, status, decline) => {
    const outcome = await charge(new SimulatedPaymentProvider(), card);
    expect(outcome.status).toBe(status);
    if (outcome.status === 'failed') expect(outcome.decline).toBe(decline);
  });

  it('charges an attempt id once, even when asked twice at the same time', async () => {
    const provider = new SimulatedPaymentProvider();
    const [first, second] = await Promise.all([
      charge(provider, 'pm_card_visa', 'a-1'),
      charge(provider, 'pm_card_visa', 'a-1'),
    ]);
    expect(second).toEqual(first);
    expect(await charge(provider, 'pm_card_visa', 'a-1')).toEqual(first);
    expect(provider.charges()).toHaveLength(1);
  });

  it('answers a repeated declined attempt with the same decline, naming unknown cards in the message', async () => {
    const provider = new SimulatedPaymentProvider();
    const first = await charge(provider, 'pm_unknown', 'a-d');
    expect(first).toMatchObject({ status: 'failed', decline: 'card_declined', message: expect.any(String) });
    expect(await charge(provider, 'pm_unknown', 'a-d')).toEqual(first);
    expect(provider.charges()).toEqual([first]);
  });

  it.each([
    ['amount', { amount: 200 }],
    ['currency', { currency: 'EUR' }],
    ['card', { paymentMethod: 'pm_card_mastercard' }],
  ])('refuses to reuse an attempt id for another %s', async (_, change) => {
    const provider = new SimulatedPaymentProvider();
    const request = {
      paymentAttemptId: 'a-2',
      paymentMethod: 'pm_card_visa',
      amount: 100,
      currency: 'USD',
      description: 'test',
      customerPresent: true,
    };
    await provider.charge(request);
    await expect(provider.charge({ ...request, ...change })).rejects.toThrow(/different parameters/);
    expect(provider.charges()).toHaveLength(1);
  });

  it('refuses amounts that are not positive integers of minor units', async () => {
    const provider = new SimulatedPaymentProvider();
    for (const amount of [0, -5, 12.5]) {
      await expect(charge(provider, 'pm_card_visa', undefined, amount)).rejects.toThrow(RangeError);
    }
    expect(provider.charges()).toEqual([]);
  });

  it('can fail before charging: nothing is recorded and a retry charges once', async () => {
    const provider = new SimulatedPaymentProvider();
    provider.injectFault({ kind: 'fail_before_charge' });
    await expect(charge(provider, 'pm_card_visa', 'a-3')).rejects.toBeInstanceOf(PaymentUnavailableError);
    expect(await provider.lookup('a-3')).toBeNull();
    expect((await charge(provider, 'pm_card_visa', 'a-3')).status).toBe('succeeded');
    expect(provider.charges()).toHaveLength(1);
  });

  it('applies a fault to the next `times` calls, and clearFaults drops what is left', async () => {
    const provider = new SimulatedPaymentProvider();
    provider.injectFault({ kind: 'fail_before_charge', times: 2 });
    await expect(charge(provider, 'pm_card_visa', 'a-t')).rejects.toBeInstanceOf(PaymentUnavailableError);
    await expect(charge(provider, 'pm_card_visa', 'a-t')).rejects.toBeInstanceOf(PaymentUnavailableError);
    expect((await charge(provider, 'pm_card_visa', 'a-t')).status).toBe('succeeded');

    provider.injectFault({ kind: 'lose_response', times: 3 });
    provider.clearFaults();
    expect((await charge(provider, 'pm_card_visa', 'a-u')).status).toBe('succeeded');
    expect(provider.charges()).toHaveLength(2);
  });

  describe('refunds', () => {
    const refund = (provider: SimulatedPaymentProvider, id: string, paymentAttemptId: string, amount = 1234) =>
      provider.refund({ refundAttemptId: id, paymentAttemptId, amount, currency: 'USD', reason: 'test' });

    it('refunds a captured charge once per refund attempt id, also when asked twice at once', async () => {
      const provider = new SimulatedPaymentProvider();
      await charge(provider, 'pm_card_visa', 'a-r');
      const [first, second] = await Promise.all([refund(provider, 'rf-1', 'a-r'), refund(provider, 'rf-1', 'a-r')]);
      expect(first).toMatchObject({ status: 'refunded', paymentAttemptId: 'a-r', amount: 1234, currency: 'USD' });
      expect(second).toEqual(first);
      expect(await refund(provider, 'rf-1', 'a-r')).toEqual(first);
      expect(provider.refunds()).toEqual([first]);
      expect(provider.charges()).toHaveLength(1);
    });

    it('never refunds more than was captured, nor a charge that was declined or never made', async () => {
      const provider = new SimulatedPaymentProvider();
      await charge(provider, 'pm_card_visa', 'a-p');
      await refund(provider, 'rf-part', 'a-p', 1000);
      await expect(refund(provider, 'rf-more', 'a-p', 235)).rejects.toThrow(/exceeds/);
      expect((await refund(provider, 'rf-rest', 'a-p', 234)).amount).toBe(234);
      await charge(provider, 'pm_card_chargeDeclined', 'a-declined');
      await expect(refund(provider, 'rf-d', 'a-declined')).rejects.toThrow(/no captured charge/);
      await expect(refund(provider, 'rf-n', 'a-never')).rejects.toThrow(/no captured charge/);
      expect(provider.refunds().map((r) => r.amount)).toEqual([1000, 234]);
    });

    it('can lose the answer of a refund: the retry returns the one refund', async () => {
      const provider = new SimulatedPaymentProvider();
      await charge(provider, 'pm_card_visa', 'a-l');
      provider.injectFault({ kind: 'lose_response' });
      await expect(refund(provider, 'rf-l', 'a-l')).rejects.toBeInstanceOf(PaymentUnavailableError);
      expect((await refund(provider, 'rf-l', 'a-l')).status).toBe('refunded');
      expect(provider.refunds()).toHaveLength(1);
    });

    it('keeps refunds in the file ledger beside the charges, across a restart', async () => {
      const file = join(dir, 'refunds.jsonl');
      const provider = new SimulatedPaymentProvider({ ledger: new FileChargeLedger(file) });
      await charge(provider, 'pm_card_visa', 'a-f');
      const first = await refund(provider, 'rf-f', 'a-f');
      const reopened = new SimulatedPaymentProvider({ ledger: new FileChargeLedger(file) });
      expect(reopened.refunds()).toEqual([first]);
      expect(reopened.charges()).toHaveLength(1);
      expect(await reopened.lookup('rf-f')).toBeNull();
    });
  });

  it('can charge and lose the answer: the lookup and a retry find the one charge', async () => {
    const provider = new SimulatedPaymentProvider();
    provider.injectFault({ kind: 'lose_response' });
    await expect(charge(provider, 'pm_card_visa', 'a-4')).rejects.toBeInstanceOf(PaymentUnavailableError);
    const seen = await provider.lookup('a-4');
    expect(seen?.status).toBe('succeeded');
    expect(await charge(provider, 'pm_card_visa', 'a-4')).toEqual(seen);
    expect(provider.charges()).toHaveLength(1);
  });

  it('answers after delayMs, with the charge recorded before the answer', async () => {
    const provider = new SimulatedPaymentProvider({ delayMs: 50 });
    const started = performance.now();
    const pending = charge(provider, 'pm_card_visa', 'a-slow');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await provider.lookup('a-slow'))?.status).toBe('succeeded');
    await pending;
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('makes a lookup racing the first charge wait for its record instead of answering null', async () => {
    let release = () => {};
    const ledger = new InMemoryChargeLedger();
    const slowLedger: ChargeLedger = {
      get: (id) => ledger.get(id),
      all: () => ledger.all(),
      clear: () => ledger.clear(),
      put: async (record) => {
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        ledger.set(record);
      },
    };
    const provider = new SimulatedPaymentProvider({ ledger: slowLedger });
    const charged = charge(provider, 'pm_card_visa', 'a-race');
    const seen = provider.lookup('a-race');
    release();
    expect(await seen).toEqual(await charged);
  });

  it('treats a ledger that cannot write as an unknown outcome', async () => {
    const provider = new SimulatedPaymentProvider({ ledger: new FileChargeLedger(join(dir, 'missing', 'x.jsonl')) });
    const failed = charge(provider, 'pm_card_visa', 'a-io');
    await expect(failed).rejects.toBeInstanceOf(PaymentUnavailableError);
    await expect(failed).rejects.toHaveProperty('cause.code', 'ENOENT');
    expect(await provider.lookup('a-io')).toBeNull();
  });

  it('remembers its charges across a restart when kept in a file', async () => {
    const file = join(dir, 'charges.jsonl');
    const before = new SimulatedPaymentProvider({ ledger: new FileChargeLedger(file) });
    const outcome = await charge(before, 'pm_card_visa', 'a-5');
    const after = new SimulatedPaymentProvider({ ledger: new FileChargeLedger(file) });
    expect(await after.lookup('a-5')).toEqual(outcome);
    expect(await charge(after, 'pm_card_visa', 'a-5')).toEqual(outcome);
    expect(after.charges()).toHaveLength(1);
  });

  it('drops a torn last line, so the next record is not glued onto it', async () => {
    const file = join(dir, 'torn.jsonl');
    const before = new SimulatedPaymentProvider({ ledger: new FileChargeLedger(file) });
    const kept = await charge(before, 'pm_card_visa', 'a-6');
    appendFileSync(file, '{"paymentAttemptId":"a-torn","sta');
    const after = new SimulatedPaymentProvider({ ledger: new FileChargeLedger(file) });
    expect(await after.lookup('a-torn')).toBeNull();
    const next = await charge(after, 'pm_card_chargeDeclined', 'a-7');
    const reread = new SimulatedPaymentProvider({ ledger: new FileChargeLedger(file) });
    expect(reread.charges()).toEqual([kept, next]);
    expect(readFileSync(file, 'utf8').split('\n')).toHaveLength(3);
  });

  it('keeps a charge whose process was SIGKILLed the moment the charge resolved', async () => {
    const file = join(dir, 'killed.jsonl');
    const payments = new URL('./index.ts', import.meta.url).href;
    // The child kills itself right after printing the outcome: nothing runs after charge() resolves.
    const script = `
      const { FileChargeLedger, SimulatedPaymentProvider } = await import(${JSON.stringify(payments)});
      const provider = new SimulatedPaymentProvider({ ledger: new FileChargeLedger(${JSON.stringify(file)}) });
      const outcome = await provider.charge({
        paymentAttemptId: 'a-killed', paymentMethod: 'pm_card_visa', amount: 999, currency: 'EUR', description: 'x',
      });
      process.stdout.write(JSON.stringify(outcome));
      process.kill(process.pid, 'SIGKILL');
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
      cwd: fileURLToPath(new URL('.', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const signal = await new Promise((resolve) => child.on('close', (_code, signal) => resolve(signal)));
    expect(signal, stderr).toBe('SIGKILL');
    const outcome = JSON.parse(stdout);
    expect(outcome).toMatchObject({ status: 'succeeded', paymentAttemptId: 'a-killed', amount: 999 });

    const restarted = new SimulatedPaymentProvider({ ledger: new FileChargeLedger(file) });
    expect(await restarted.lookup('a-killed')).toEqual(outcome);
    const retry = { paymentAttemptId: 'a-killed', paymentMethod: 'pm_card_visa', amount: 999, currency: 'EUR' };
    expect(await restarted.charge({ ...retry, description: 'x', customerPresent: true })).toEqual(outcome);
    expect(restarted.charges()).toHaveLength(1);
  }, 10_000);
});
