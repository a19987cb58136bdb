import { beforeEach, describe, expect, it } from 'vitest';
import { confirmChange } from '../testing/confirm-change';
import { checkInvariants } from '../testing/invariants';
import { type Client, type Json, type TestSystem, useDemoSystem } from '../testing/test-system';

const demo = useDemoSystem();
let system: TestSystem;
beforeEach(() => {
  system = demo();
});

const VISA = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2030, cvc: '123' };
const MASTERCARD = { number: '5555 5555 5555 4444', expMonth: 1, expYear: 2031, cvc: '321' };
const list = async (client: Client) => (await client.json<Json>('GET', '/api/payment-methods')).body;
const add = (client: Client, card: Json) => client.json<Json>('POST', '/api/payment-methods', card);

/** Every text cell of every table, to look for what must never be stored. */
async function everything(): Promise<string> {
  return JSON.stringify(await system.sql.dump());
}

describe('GET /api/payment-methods', () => {
  it('lists the cards on file, the default first, for anyone of the account; only billing managers may change them', async () => {
    const sam = await list(await system.signIn('sam@cobalt.example'));
    expect(sam).toEqual({
      canManage: true,
      paymentMethods: [
        { id: expect.any(String), brand: 'visa', last4: '0002', expMonth: 8, expYear: 2028, isDefault: true },
        { id: expect.any(String), brand: 'visa', last4: '3155', expMonth: 3, expYear: 2030, isDefault: false },
      ],
    });
    const tom = await system.signIn('tom@northwind.example');
    expect(await list(tom)).toMatchObject({ canManage: false, paymentMethods: [{ last4: '4242', isDefault: true }] });
    expect(await add(tom, VISA)).toMatchObject({ status: 403, body: { code: 'no_billing_permission' } });
    const [maria] = (await list(tom)).paymentMethods;
    const asTom = await tom.json('PUT', `/api/payment-methods/${maria.id}/default`, {});
    expect(asTom).toMatchObject({ status: 403, body: { code: 'no_billing_permission' } });
    expect(await tom.json('DELETE', `/api/payment-methods/${maria.id}`)).toMatchObject({ status: 403 });
  });
});

describe('POST /api/payment-methods', () => {
  it('keeps the processor’s token, brand, last four and expiry: never the number or the security code', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const added = await add(maria, MASTERCARD);
    expect(added).toEqual({
      status: 201,
      body: {
        id: expect.any(String),
        brand: 'mastercard',
        last4: '4444',
        expMonth: 1,
        expYear: 2031,
        isDefault: false,
      },
    });
    expect((await list(maria)).paymentMethods.map((card: Json) => [card.last4, card.isDefault])).toEqual([
      ['4242', true],
      ['4444', false],
    ]);
    const stored = await everything();
    expect(stored).not.toContain('5555555555554444');
    expect(stored).not.toContain('5555 5555 5555 4444');
    expect(stored).not.toContain('"321"');
    expect(stored).toMatch(/pm_[0-9a-f]{24}/);
  });

  it('makes the new card the default when asked, and charges go to it from then on', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const added = await add(maria, { ...MASTERCARD, makeDefault: true });
    expect(added.body.isDefault).toBe(true);
    expect((await list(maria)).paymentMethods.map((card: Json) => card.last4)).toEqual(['4444', '4242']);
    expect((await maria.json<Json>('GET', '/api/account')).body.account.paymentMethod).toMatchObject({
      brand: 'mastercard',
      last4: '4444',
    });
    await confirmChange(maria, { planId: 'business', interval: { unit: 'month', count: 1 }, quantity: 12, addOns: [] });
    const token = await system.sql.value(
      `select token from payment_methods where account_id = 'northwind-meetings' and last4 = '4444'`,
    );
    expect(await system.sql.all('select payment_method_token from orders')).toEqual([{ payment_method_token: token }]);
    expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
  });

  it.each([
    ['a number that fails the Luhn check', { number: '4242 4242 4242 4241' }, 'card_number_invalid', 'number'],
    ['too few digits', { number: '4242 4242' }, 'card_number_invalid', 'number'],
    ['letters in the number', { number: '4242-4242-abcd-4242' }, 'card_number_invalid', 'number'],
    ['an expiry before this month of the system clock', { expMonth: 10, expYear: 2026 }, 'card_expired', 'expMonth'],
    ['an expiry year past', { expYear: 2025 }, 'card_expired', 'expYear'],
    ['a year no card reaches', { expYear: 2090 }, 'card_expiry_invalid', 'expYear'],
    ['a two-digit security code', { cvc: '12' }, 'card_cvc_invalid', 'cvc'],
    ['three digits for American Express', { number: '3782 822463 10005', cvc: '123' }, 'card_cvc_invalid', 'cvc'],
  ])('refuses %s with its code and field, keeping nothing', async (_, change, code, field) => {
    const maria = await system.signIn('maria@northwind.example');
    const refused = await add(maria, { ...VISA, ...change });
    expect(refused).toMatchObject({ status: 422, body: { code, field } });
    expect(refused.body.details.issues).toEqual([{ code, field, message: refused.body.message }]);
    expect((await list(maria)).paymentMethods).toHaveLength(1);
  });

  it('names every problem of a card at once, the first leading', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const refused = await add(maria, { number: '1234', expMonth: 1, expYear: 2020, cvc: '' });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('card_number_invalid');
    expect(refused.body.details.issues.map((issue: Json) => [issue.code, issue.field])).toEqual([
      ['card_number_invalid', 'number'],
      ['card_expired', 'expYear'],
      ['card_cvc_invalid', 'cvc'],
    ]);
  });

  it('accepts this month’s expiry by the system clock (the demo’s is November 2026)', async () => {
    const maria = await system.signIn('maria@northwind.example');
    expect((await add(maria, { ...VISA, expMonth: 11, expYear: 26 })).body).toMatchObject({
      expMonth: 11,
      expYear: 2026,
    });
  });

  it('refuses a malformed body before the processor sees it', async () => {
    const maria = await system.signIn('maria@northwind.example');
    expect(await add(maria, { ...VISA, expMonth: 13 })).toMatchObject({ status: 400, body: { field: 'expMonth' } });
    expect(await add(maria, { ...VISA, cvc: 123 })).toMatchObject({ status: 400, body: { code: 'invalid_type' } });
    expect(await add(maria, { ...VISA, pan: '4242' })).toMatchObject({ status: 400, body: { code: 'unknown_field' } });
    expect(await system.payments.charges()).toEqual([]);
  });

  it('keeps at most ten cards per account', async () => {
    const maria = await system.signIn('maria@northwind.example');
    for (let i = 1; i < 10; i++) expect((await add(maria, VISA)).status).toBe(201);
    expect(await add(maria, VISA)).toMatchObject({ status: 409, body: { code: 'too_many_payment_methods' } });
  });

  it('answers 503 when the processor cannot be reached, keeping nothing', async () => {
    const maria = await system.signIn('maria@northwind.example');
    system.payments.injectFault({ kind: 'fail_before_charge' });
    expect(await add(maria, VISA)).toMatchObject({ status: 503, body: { code: 'payment_unavailable' } });
    expect((await list(maria)).paymentMethods).toHaveLength(1);
  });
});

describe('PUT /api/payment-methods/{id}/default and DELETE /api/payment-methods/{id}', () => {
  it('makes another card the default, then removes the one that no longer is', async () => {
    const sam = await system.signIn('sam@cobalt.example');
    const [declining, asking] = (await list(sam)).paymentMethods;
    const made = await sam.json<Json>('PUT', `/api/payment-methods/${asking.id}/default`, {});
    expect(made.status).toBe(200);
    expect(made.body.paymentMethods.map((card: Json) => [card.last4, card.isDefault])).toEqual([
      ['3155', true],
      ['0002', false],
    ]);
    expect((await sam.json('DELETE', `/api/payment-methods/${declining.id}`)).status).toBe(204);
    expect((await list(sam)).paymentMethods.map((card: Json) => card.last4)).toEqual(['3155']);
    expect(await sam.json('DELETE', `/api/payment-methods/${declining.id}`)).toMatchObject({
      status: 404,
      body: { code: 'not_found' },
    });
    const audit = await system.sql.all(
      `select action from audit_events where subject_type = 'payment_method' order by id`,
    );
    expect(audit).toEqual([{ action: 'payment_method.made_default' }, { action: 'payment_method.removed' }]);
  });

  it('refuses to remove the default card: 409 payment_method_is_default', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const [card] = (await list(maria)).paymentMethods;
    expect(await maria.json('DELETE', `/api/payment-methods/${card.id}`)).toMatchObject({
      status: 409,
      body: { code: 'payment_method_is_default', field: 'id' },
    });
    expect((await list(maria)).paymentMethods).toHaveLength(1);
  });

  it('answers 404 for another account’s card, and changes nothing of it', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const sam = await system.signIn('sam@cobalt.example');
    const [, samsOther] = (await list(sam)).paymentMethods;
    expect(await maria.json('PUT', `/api/payment-methods/${samsOther.id}/default`, {})).toMatchObject({
      status: 404,
      body: { code: 'not_found' },
    });
    expect(await maria.json('DELETE', `/api/payment-methods/${samsOther.id}`)).toMatchObject({
      status: 404,
      body: { code: 'not_found' },
    });
    expect((await list(sam)).paymentMethods.map((card: Json) => [card.last4, card.isDefault])).toEqual([
      ['0002', true],
      ['3155', false],
    ]);
    expect((await list(maria)).paymentMethods.map((card: Json) => card.last4)).toEqual(['4242']);
  });
});
