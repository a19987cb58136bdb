import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { useProcessorTables } from '../testing/processor-tables';
import { type ChargeLedger, InMemoryChargeLedger } from './charge-ledger';
import { PaymentUnavailableError } from './payment-provider';
import { SimulatedPaymentProvider } from './simulated-provider';
import { SqliteChargeLedger } from './sqlite-charge-ledger';

const { dir, database, provider: newProvider } = useProcessorTables();

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
    const outcome = await charge(newProvider(), card);
    expect(outcome.status).toBe(status);
    if (outcome.status === 'failed') expect(outcome.decline).toBe(decline);
  });

  it('charges an attempt id once, even when asked twice at the same time', async () => {
    const provider = newProvider();
    const [first, second] = await Promise.all([
      charge(provider, 'pm_card_visa', 'a-1'),
      charge(provider, 'pm_card_visa', 'a-1'),
    ]);
    expect(second).toEqual(first);
    expect(await charge(provider, 'pm_card_visa', 'a-1')).toEqual(first);
    expect(await provider.charges()).toHaveLength(1);
  });

  it('answers a repeated declined attempt with the same decline, naming unknown cards in the message', async () => {
    const provider = newProvider();
    const first = await charge(provider, 'pm_unknown', 'a-d');
    expect(first).toMatchObject({ status: 'failed', decline: 'card_declined', message: expect.any(String) });
    expect(await charge(provider, 'pm_unknown', 'a-d')).toEqual(first);
    expect(await provider.charges()).toEqual([first]);
  });

  it.each([
    ['amount', { amount: 200 }],
    ['currency', { currency: 'EUR' }],
    ['card', { paymentMethod: 'pm_card_mastercard' }],
  ])('refuses to reuse an attempt id for another %s', async (_, change) => {
    const provider = newProvider();
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
    expect(await provider.charges()).toHaveLength(1);
  });

  it('refuses amounts that are not positive integers of minor units', async () => {
    const provider = newProvider();
    for (const amount of [0, -5, 12.5]) {
      await expect(charge(provider, 'pm_card_visa', undefined, amount)).rejects.toThrow(RangeError);
    }
    expect(await provider.charges()).toEqual([]);
  });

  it('can fail before charging: nothing is recorded and a retry charges once', async () => {
    const provider = newProvider();
    provider.injectFault({ kind: 'fail_before_charge' });
    await expect(charge(provider, 'pm_card_visa', 'a-3')).rejects.toBeInstanceOf(PaymentUnavailableError);
    expect(await provider.lookup('a-3')).toBeNull();
    expect((await charge(provider, 'pm_card_visa', 'a-3')).status).toBe('succeeded');
    expect(await provider.charges()).toHaveLength(1);
  });

  it('applies a fault to the next `times` calls, and clearFaults drops what is left', async () => {
    const provider = newProvider();
    provider.injectFault({ kind: 'fail_before_charge', times: 2 });
    await expect(charge(provider, 'pm_card_visa', 'a-t')).rejects.toBeInstanceOf(PaymentUnavailableError);
    await expect(charge(provider, 'pm_card_visa', 'a-t')).rejects.toBeInstanceOf(PaymentUnavailableError);
    expect((await charge(provider, 'pm_card_visa', 'a-t')).status).toBe('succeeded');

    provider.injectFault({ kind: 'lose_response', times: 3 });
    provider.clearFaults();
    expect((await charge(provider, 'pm_card_visa', 'a-u')).status).toBe('succeeded');
    expect(await provider.charges()).toHaveLength(2);
  });

  describe('refunds', () => {
    const refund = (provider: SimulatedPaymentProvider, id: string, paymentAttemptId: string, amount = 1234) =>
      provider.refund({ refundAttemptId: id, paymentAttemptId, amount, currency: 'USD', reason: 'test' });

    it('refunds a captured charge once per refund attempt id, also when asked twice at once', async () => {
      const provider = newProvider();
      await charge(provider, 'pm_card_visa', 'a-r');
      const [first, second] = await Promise.all([refund(provider, 'rf-1', 'a-r'), refund(provider, 'rf-1', 'a-r')]);
      expect(first).toMatchObject({ status: 'refunded', paymentAttemptId: 'a-r', amount: 1234, currency: 'USD' });
      expect(second).toEqual(first);
      expect(await refund(provider, 'rf-1', 'a-r')).toEqual(first);
      expect(await provider.refunds()).toEqual([first]);
      expect(await provider.charges()).toHaveLength(1);
    });

    it('never refunds more than was captured, nor a charge that was declined or never made', async () => {
      const provider = newProvider();
      await charge(provider, 'pm_card_visa', 'a-p');
      await refund(provider, 'rf-part', 'a-p', 1000);
      await expect(refund(provider, 'rf-more', 'a-p', 235)).rejects.toThrow(/exceeds/);
      expect((await refund(provider, 'rf-rest', 'a-p', 234)).amount).toBe(234);
      await charge(provider, 'pm_card_chargeDeclined', 'a-declined');
      await expect(refund(provider, 'rf-d', 'a-declined')).rejects.toThrow(/no captured charge/);
      await expect(refund(provider, 'rf-n', 'a-never')).rejects.toThrow(/no captured charge/);
      expect((await provider.refunds()).map((r) => r.amount)).toEqual([1000, 234]);
    });

    it('can lose the answer of a refund: the retry returns the one refund', async () => {
      const provider = newProvider();
      await charge(provider, 'pm_card_visa', 'a-l');
      provider.injectFault({ kind: 'lose_response' });
      await expect(refund(provider, 'rf-l', 'a-l')).rejects.toBeInstanceOf(PaymentUnavailableError);
      expect((await refund(provider, 'rf-l', 'a-l')).status).toBe('refunded');
      expect(await provider.refunds()).toHaveLength(1);
    });

    it('keeps refunds in its table beside the charges, seen by another instance', async () => {
      const file = database();
      const provider = newProvider(file);
      await charge(provider, 'pm_card_visa', 'a-f');
      const first = await refund(provider, 'rf-f', 'a-f');
      const reopened = newProvider(file);
      expect(await refund(reopened, 'rf-f', 'a-f')).toEqual(first);
      expect(await reopened.refunds()).toEqual([first]);
      expect(await reopened.charges()).toHaveLength(1);
      expect(await reopened.lookup('rf-f')).toBeNull();
    });
  });

  it('can charge and lose the answer: the lookup and a retry find the one charge', async () => {
    const provider = newProvider();
    provider.injectFault({ kind: 'lose_response' });
    await expect(charge(provider, 'pm_card_visa', 'a-4')).rejects.toBeInstanceOf(PaymentUnavailableError);
    const seen = await provider.lookup('a-4');
    expect(seen?.status).toBe('succeeded');
    expect(await charge(provider, 'pm_card_visa', 'a-4')).toEqual(seen);
    expect(await provider.charges()).toHaveLength(1);
  });

  it('answers after delayMs, with the charge recorded before the answer', async () => {
    const provider = newProvider(database(), { delayMs: 50 });
    const started = performance.now();
    const pending = charge(provider, 'pm_card_visa', 'a-slow');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await provider.lookup('a-slow'))?.status).toBe('succeeded');
    await pending;
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('makes a lookup racing the first charge wait for its record instead of answering null', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const ledger = new InMemoryChargeLedger();
    const slowLedger: ChargeLedger = {
      get: (id) => ledger.get(id),
      decide: (outcome) => ledger.decide(outcome),
      refundsOf: (id) => ledger.refundsOf(id),
      all: () => ledger.all(),
      clear: () => ledger.clear(),
      close: () => ledger.close(),
      add: async (record) => {
        await gate;
        return ledger.add(record);
      },
    };
    const provider = new SimulatedPaymentProvider({ ledger: slowLedger });
    const charged = charge(provider, 'pm_card_visa', 'a-race');
    const seen = provider.lookup('a-race');
    release();
    expect(await seen).toEqual(await charged);
  });

  it('treats a ledger that cannot be written as an unknown outcome', async () => {
    const provider = new SimulatedPaymentProvider({ ledger: new SqliteChargeLedger(join(dir, 'missing.sqlite')) });
    const failed = charge(provider, 'pm_card_visa', 'a-io');
    await expect(failed).rejects.toBeInstanceOf(PaymentUnavailableError);
    await expect(failed).rejects.toHaveProperty('cause.code', 'SQLITE_CANTOPEN');
    await expect(provider.lookup('a-io')).rejects.toBeInstanceOf(PaymentUnavailableError);
  });

  it('remembers its charges across a restart, in its table', async () => {
    const file = database();
    const before = newProvider(file);
    const outcome = await charge(before, 'pm_card_visa', 'a-5');
    before.close();
    const after = newProvider(file);
    expect(await after.lookup('a-5')).toEqual(outcome);
    expect(await charge(after, 'pm_card_visa', 'a-5')).toEqual(outcome);
    expect(await after.charges()).toHaveLength(1);
  });

  it('keeps a charge whose process was SIGKILLed the moment the charge resolved', async () => {
    const file = database();
    const payments = new URL('./index.ts', import.meta.url).href;
    // The child kills itself right after printing the outcome: nothing runs after charge() resolves.
    const script = `
      const { SqliteChargeLedger, SimulatedPaymentProvider } = await import(${JSON.stringify(payments)});
      const provider = new SimulatedPaymentProvider({ ledger: new SqliteChargeLedger(${JSON.stringify(file)}) });
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

    const restarted = newProvider(file);
    expect(await restarted.lookup('a-killed')).toEqual(outcome);
    const retry = { paymentAttemptId: 'a-killed', paymentMethod: 'pm_card_visa', amount: 999, currency: 'EUR' };
    expect(await restarted.charge({ ...retry, description: 'x', customerPresent: true })).toEqual(outcome);
    expect(await restarted.charges()).toHaveLength(1);
  }, 10_000);
});

describe('one processor for several BFF instances: its table decides', () => {
  it('charges an attempt asked of two instances at once exactly once, both answered the same', async () => {
    const file = database();
    const [a, b] = [newProvider(file), newProvider(file)];
    const ids = Array.from({ length: 20 }, (_, i) => `x-${i}`);
    const answers = await Promise.all(
      ids.map((id) => Promise.all([charge(a, 'pm_card_visa', id), charge(b, 'pm_card_visa', id)])),
    );
    for (const [fromA, fromB] of answers) {
      expect(fromA.status).toBe('succeeded');
      expect(fromB).toEqual(fromA);
    }
    expect(await a.charges()).toEqual(await b.charges());
    expect((await a.charges()).filter((c) => c.status === 'succeeded')).toHaveLength(ids.length);
  });

  /** Two instances' ledgers (a connection each) on one database, and an attempt's request. */
  const twoLedgers = (paymentAttemptId: string, paymentMethod: string) => {
    const file = database();
    const ledgers = [new SqliteChargeLedger(file), new SqliteChargeLedger(file)] as const;
    onTestFinished(() => {
      for (const ledger of ledgers) ledger.close();
    });
    const attempt = {
      paymentAttemptId,
      request: { paymentMethod, amount: 500, currency: 'USD' },
      recordedAt: '2026-12-01T10:00:00.000Z',
    };
    return { ledgers, attempt };
  };

  it('keeps the first record of a key whichever instance writes second, and answers it to both', async () => {
    const {
      ledgers: [a, b],
      attempt,
    } = twoLedgers('x-first', 'pm_card_visa');
    const first = { ...attempt, status: 'succeeded' as const, chargeId: 'ch_1', amount: 500, currency: 'USD' };
    const second = { ...attempt, status: 'failed' as const, decline: 'insufficient_funds' as const, message: 'no' };
    expect(await Promise.all([a.add(first), b.add(second)])).toEqual([first, first]);
    expect(await b.all()).toEqual([first]);
  });

  it('decides a payment waiting for the bank once, whichever instances answer it', async () => {
    const file = database();
    const [a, b] = [newProvider(file), newProvider(file)];
    const waiting = await charge(a, 'pm_card_authenticationRequired', 'x-sca');
    expect(waiting.status).toBe('requires_action');
    expect(await b.lookup('x-sca')).toEqual(waiting);
    const [approved, canceled] = await Promise.all([a.authenticate('x-sca', 'approve'), b.cancel('x-sca')]);
    expect(canceled).toEqual(approved);
    expect(await b.authenticate('x-sca', 'fail')).toEqual(approved);
    expect(await a.lookup('x-sca')).toEqual(approved);
    expect(await b.charges()).toEqual([approved]);
  });

  it('applies an authentication outcome only to a charge still waiting', async () => {
    const {
      ledgers: [a, b],
      attempt,
    } = twoLedgers('x-wait', 'pm_card_authenticationRequired');
    await a.add({ ...attempt, status: 'requires_action', challengeId: 'chl_1', amount: 500, currency: 'USD' });
    const captured = { ...attempt, status: 'succeeded' as const, chargeId: 'ch_1', amount: 500, currency: 'USD' };
    const refused = { ...attempt, status: 'failed' as const, decline: 'authentication_expired' as const, message: 'x' };
    expect(await a.decide(captured)).toEqual(captured);
    expect(await b.decide(refused)).toEqual(captured);
    expect(await b.decide({ ...captured, paymentAttemptId: 'x-none' })).toBeNull();
  });

  it('forgets every record for every instance when its world is reset', async () => {
    const file = database();
    const [a, b] = [newProvider(file), newProvider(file)];
    await charge(a, 'pm_card_visa', 'x-reset');
    await b.reset();
    expect(await a.lookup('x-reset')).toBeNull();
    expect((await charge(a, 'pm_card_chargeDeclined', 'x-reset')).status).toBe('failed');
  });
});
