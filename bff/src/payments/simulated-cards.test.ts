import { instantFromIso } from '@planshift/shared/periods';
import { describe, expect, it } from 'vitest';
import { useProcessorTables } from '../testing/processor-tables';
import { readSql } from '../testing/sql-of';
import type { SimulatedPaymentProvider } from './simulated-provider';

const { database, provider: newProvider } = useProcessorTables();

const NOW = instantFromIso('2026-11-15T10:00:00Z');
const card = (number: string, overrides: Partial<{ expMonth: number; expYear: number; cvc: string }> = {}) => ({
  number,
  expMonth: 12,
  expYear: 2029,
  cvc: '123',
  validAt: NOW,
  ...overrides,
});
const charge = (provider: SimulatedPaymentProvider, paymentMethod: string, id: string, customerPresent = true) =>
  provider.charge({
    paymentAttemptId: id,
    paymentMethod,
    amount: 5000,
    currency: 'USD',
    description: 't',
    customerPresent,
  });

async function tokenOf(provider: SimulatedPaymentProvider, number: string): Promise<string> {
  const added = await provider.tokenize(card(number));
  if (!added.ok) throw new Error(`tokenizing ${number} failed`);
  return added.card.token;
}

describe('the simulated processor’s vault', () => {
  it('keeps a card for a token and charges it as the card behaves, never keeping its number or code', async () => {
    const file = database();
    const provider = newProvider(file);
    const added = await provider.tokenize(card('4242 4242 4242 4242'));
    expect(added).toEqual({
      ok: true,
      card: {
        token: expect.stringMatching(/^pm_[0-9a-f]{24}$/),
        brand: 'visa',
        last4: '4242',
        expMonth: 12,
        expYear: 2029,
      },
    });
    const declining = await tokenOf(provider, '4000000000000002');
    expect((await charge(provider, added.ok ? added.card.token : '', 'v-1')).status).toBe('succeeded');
    expect(await charge(provider, declining, 'v-2')).toMatchObject({ status: 'failed', decline: 'card_declined' });
    const ledger = JSON.stringify(await readSql(file, (sql) => sql.all('select * from processor_ledger')));
    expect(ledger).not.toContain('4242424242424242');
    expect(ledger).not.toContain('"123"');

    // After a restart the tokens still charge the same cards.
    const reopened = newProvider(file);
    expect((await charge(reopened, added.ok ? added.card.token : '', 'v-3')).status).toBe('succeeded');
    expect(await reopened.charges()).toHaveLength(3);
  });

  it('refuses a card that is not one, naming each field, and keeps nothing', async () => {
    const provider = newProvider();
    expect(await provider.tokenize(card('4242424242424241', { expYear: 2025, cvc: '1' }))).toEqual({
      ok: false,
      problems: [
        { reason: 'card_number_invalid', field: 'number' },
        { reason: 'card_expired', field: 'expYear' },
        { reason: 'card_cvc_invalid', field: 'cvc' },
      ],
    });
    expect(await provider.charges()).toEqual([]);
  });

  it('declines a token it never issued', async () => {
    const provider = newProvider();
    expect(await charge(provider, 'pm_forged', 'v-4')).toMatchObject({ status: 'failed', decline: 'card_declined' });
  });
});

describe('a card whose bank asks the customer to authenticate (4000 0025 0000 3155)', () => {
  it('waits for the customer on session, and is charged off session without asking', async () => {
    const provider = newProvider();
    const waiting = await charge(provider, 'pm_card_authenticationRequired', 's-1');
    expect(waiting).toEqual({
      status: 'requires_action',
      challengeId: expect.stringMatching(/^chl_/),
      paymentAttemptId: 's-1',
      amount: 5000,
      currency: 'USD',
    });
    // A retry of the attempt answers the same waiting payment: no second challenge, nothing captured.
    expect(await charge(provider, 'pm_card_authenticationRequired', 's-1')).toEqual(waiting);
    expect(await provider.lookup('s-1')).toEqual(waiting);
    expect((await charge(provider, 'pm_card_authenticationRequired', 's-2', false)).status).toBe('succeeded');
  });

  it('approved, captures once; the answer and every later look agree', async () => {
    const provider = newProvider();
    const token = await tokenOf(provider, '4000 0025 0000 3155');
    await charge(provider, token, 's-3');
    const [first, second] = await Promise.all([
      provider.authenticate('s-3', 'approve'),
      provider.authenticate('s-3', 'approve'),
    ]);
    expect(first).toMatchObject({ status: 'succeeded', amount: 5000, chargeId: expect.stringMatching(/^ch_/) });
    expect(second).toEqual(first);
    expect(await provider.authenticate('s-3', 'fail')).toEqual(first);
    expect(await charge(provider, token, 's-3')).toEqual(first);
    expect((await provider.charges()).filter((c) => c.status === 'succeeded')).toHaveLength(1);
  });

  it('failed, or given up by the merchant, captures nothing; whichever is decided first stands', async () => {
    const provider = newProvider();
    await charge(provider, 'pm_card_authenticationRequired', 's-4');
    expect(await provider.authenticate('s-4', 'fail')).toMatchObject({
      status: 'failed',
      decline: 'authentication_failed',
    });
    expect(await provider.cancel('s-4')).toMatchObject({ decline: 'authentication_failed' });

    await charge(provider, 'pm_card_authenticationRequired', 's-5');
    const [approved, canceled] = await Promise.all([provider.authenticate('s-5', 'approve'), provider.cancel('s-5')]);
    expect(canceled).toEqual(approved);
    expect(approved.status).toBe('succeeded');

    await charge(provider, 'pm_card_authenticationRequired', 's-6');
    expect(await provider.cancel('s-6')).toMatchObject({ status: 'failed', decline: 'authentication_expired' });
    expect(await provider.authenticate('s-6', 'approve')).toMatchObject({ decline: 'authentication_expired' });
    expect((await provider.charges()).filter((c) => c.status === 'succeeded')).toHaveLength(1);
  });

  it('keeps the waiting payment and its outcome in its table across a restart', async () => {
    const file = database();
    const before = newProvider(file);
    await charge(before, 'pm_card_authenticationRequired', 's-7');
    before.close();
    const reopened = newProvider(file);
    expect((await reopened.lookup('s-7'))?.status).toBe('requires_action');
    const approved = await reopened.authenticate('s-7', 'approve');
    const again = newProvider(file);
    expect(await again.lookup('s-7')).toEqual(approved);
    expect(await again.charges()).toEqual([approved]);
  });
});
