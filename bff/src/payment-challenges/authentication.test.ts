import { beforeEach, describe, expect, it } from 'vitest';
import { quoteAndConfirm } from '../testing/confirm-change';
import { checkInvariants } from '../testing/invariants';
import { type Client, type Json, type TestSystem, useDemoSystem } from '../testing/test-system';

const demo = useDemoSystem();
let system: TestSystem;
beforeEach(() => {
  system = demo();
});

const MONTHLY = { unit: 'month', count: 1 };
/** Sam's change: Essential × 2 to Advanced × 2, paid now. */
const ADVANCED = { planId: 'advanced', interval: MONTHLY, quantity: 2, addOns: [] };
const DEMO_NOW = Date.parse('2026-11-15T10:00:00Z') / 1000;

const rows = (sql: string) => system.sql.all(sql);
const value = (sql: string) => system.sql.value(sql);
const count = (sql: string) => system.sql.count(sql);
const invariants = () => checkInvariants(system.sql, system.payments);
const captured = async () => (await system.payments.charges()).filter((charge) => charge.status === 'succeeded');

/** Sam, paying from now on with his card that asks for authentication (4000 0025 0000 3155). */
async function samWithAskingCard(): Promise<Client> {
  const sam = await system.signIn('sam@cobalt.example');
  const cards = (await sam.json<Json>('GET', '/api/payment-methods')).body.paymentMethods as Json[];
  const asking = cards.find((card) => card.last4 === '3155');
  expect((await sam.json('PUT', `/api/payment-methods/${asking?.id}/default`, {})).status).toBe(200);
  return sam;
}

const confirm = (client: Client, key: string, request: Json = ADVANCED) => quoteAndConfirm(client, request, key);

const replay = (client: Client, quoteId: string, key: string) =>
  client.json<Json>('POST', '/api/changes', { quoteId }, { 'idempotency-key': key });

describe('a change paid by a card whose bank asks for authentication', () => {
  it('answers 202 with the challenge, changes nothing, and holds the subscription until it is answered', async () => {
    const sam = await samWithAskingCard();
    const { quote, answer } = await confirm(sam, 'sca-open-0001');
    expect(answer).toEqual({
      status: 202,
      body: {
        status: 'requires_action',
        challenge: {
          id: expect.stringMatching(/^chl_/),
          url: expect.stringMatching(/^\/bank\/challenges\/chl_/),
          status: 'open',
          purpose: 'change',
          invoiceId: null,
          amount: quote.quote.dueNow,
          card: { brand: 'visa', last4: '3155' },
          merchant: 'Planshift Demo Ltd',
          expiresAt: DEMO_NOW + 15 * 60,
        },
      },
    });
    const { challenge } = answer.body;
    expect(quote.quote.dueNow.amount).toBeGreaterThan(0);
    // Nothing changed and nothing was captured; the order waits and holds Cobalt's subscription.
    expect(await captured()).toEqual([]);
    expect(await count(`select count(*) from documents where reason = 'change'`)).toBe(0);
    expect(await value(`select status from orders`)).toBe('pending');
    expect(await value(`select holder from subscription_claims`)).toMatch(/^order:/);
    const account = (await sam.json<Json>('GET', '/api/account')).body;
    expect(account.subscription.plan.id).toBe('essential');
    // The same key answers the same challenge; the bank page reads it; another confirm must wait.
    expect(await replay(sam, quote.id, 'sca-open-0001')).toEqual(answer);
    expect(await sam.json('GET', `/api/payment-challenges/${challenge.id}`)).toEqual({ status: 200, body: challenge });
    const other = await confirm(sam, 'sca-open-0002', { ...ADVANCED, quantity: 3 });
    expect(other.answer).toMatchObject({ status: 409, body: { code: 'change_in_progress' } });
    expect(await invariants()).toEqual([]);
  });

  it('approved: captured once, the change applied; the same key then answers the confirmation', async () => {
    const sam = await samWithAskingCard();
    const { quote, answer } = await confirm(sam, 'sca-approve-0001');
    const { challenge } = answer.body;
    const approved = await sam.json<Json>('POST', `/api/payment-challenges/${challenge.id}/approve`, {});
    expect(approved).toEqual({ status: 200, body: { ...challenge, status: 'succeeded' } });

    const confirmed = await replay(sam, quote.id, 'sca-approve-0001');
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.charged).toEqual(quote.quote.dueNow);
    expect(await captured()).toEqual([expect.objectContaining({ amount: quote.quote.dueNow.amount })]);
    expect((await sam.json<Json>('GET', '/api/account')).body.subscription.plan.id).toBe('advanced');
    expect(await count(`select count(*) from subscription_claims`)).toBe(0);
    expect(await rows(`select kind from outbox where kind = 'change_confirmed'`)).toHaveLength(1);
    // Answering again changes nothing: the challenge ended as it ended.
    const again = await sam.json<Json>('POST', `/api/payment-challenges/${challenge.id}/fail`, {});
    expect(again).toEqual({ status: 200, body: { ...challenge, status: 'succeeded' } });
    expect(await replay(sam, quote.id, 'sca-approve-0001')).toEqual(confirmed);
    expect(await captured()).toHaveLength(1);
    expect(await invariants()).toEqual([]);
  });

  it('failed: nothing captured, nothing changed, the subscription free; the key answers the decline', async () => {
    const sam = await samWithAskingCard();
    const { quote, answer } = await confirm(sam, 'sca-fail-0001');
    const { challenge } = answer.body;
    const failed = await sam.json<Json>('POST', `/api/payment-challenges/${challenge.id}/fail`, {});
    expect(failed.body.status).toBe('failed');
    const declined = await replay(sam, quote.id, 'sca-fail-0001');
    expect(declined).toMatchObject({
      status: 402,
      body: { code: 'payment_declined', details: { decline: 'authentication_failed' } },
    });
    expect(await captured()).toEqual([]);
    expect(await count(`select count(*) from documents where reason = 'change'`)).toBe(0);
    expect(await count(`select count(*) from subscription_claims`)).toBe(0);
    expect((await sam.json<Json>('GET', '/api/account')).body.subscription.plan.id).toBe('essential');
    // Trying again is a new attempt, with a new challenge.
    const retried = await replay(sam, quote.id, 'sca-fail-0002');
    expect(retried.status).toBe(202);
    expect(retried.body.challenge.id).not.toBe(challenge.id);
    expect(await invariants()).toEqual([]);
  });

  it('abandoned: given up once 15 minutes of the system clock have passed; nothing captured or changed', async () => {
    const sam = await samWithAskingCard();
    const { quote, answer } = await confirm(sam, 'sca-abandon-0001');
    const { challenge } = answer.body;
    const early = await system.anonymous.json('POST', '/api/test/clock/advance', { seconds: 14 * 60 });
    expect(early.status).toBe(200);
    expect(await value(`select status from payment_challenges`)).toBe('open');
    await system.anonymous.json('POST', '/api/test/clock/advance', { seconds: 61 });
    expect(await value(`select status from payment_challenges`)).toBe('expired');
    expect(await value(`select status from orders`)).toBe('failed');
    expect(await system.payments.charges()).toEqual([
      expect.objectContaining({ status: 'failed', decline: 'authentication_expired' }),
    ]);
    // The bank page, opened late, says so; approving then captures nothing.
    const late = await sam.json<Json>('POST', `/api/payment-challenges/${challenge.id}/approve`, {});
    expect(late.body.status).toBe('expired');
    expect(await captured()).toEqual([]);
    expect(await replay(sam, quote.id, 'sca-abandon-0001')).toMatchObject({
      status: 402,
      body: { details: { decline: 'authentication_expired' } },
    });
    expect(await count(`select count(*) from subscription_claims`)).toBe(0);
    expect(await invariants()).toEqual([]);
  });

  it('approved after its expiry but before any pass gave it up: given up, nothing captured', async () => {
    const sam = await samWithAskingCard();
    const { quote, answer } = await confirm(sam, 'sca-late-0001');
    // Real time passes the expiry between two passes: the clock moves without running them.
    await system.store.clock.write(DEMO_NOW + 16 * 60);
    await system.deps.clock.load();
    const late = await sam.json<Json>('POST', `/api/payment-challenges/${answer.body.challenge.id}/approve`, {});
    expect(late.body.status).toBe('expired');
    expect(await captured()).toEqual([]);
    expect((await replay(sam, quote.id, 'sca-late-0001')).status).toBe(402);
    expect(await invariants()).toEqual([]);
  });

  it('is another account’s to read or answer: 404; and a member may not answer: 403', async () => {
    const sam = await samWithAskingCard();
    const { answer } = await confirm(sam, 'sca-other-0001');
    const { challenge } = answer.body;
    const maria = await system.signIn('maria@northwind.example');
    expect(await maria.json('GET', `/api/payment-challenges/${challenge.id}`)).toMatchObject({ status: 404 });
    expect(await maria.json('POST', `/api/payment-challenges/${challenge.id}/approve`, {})).toMatchObject({
      status: 404,
      body: { code: 'not_found' },
    });
    const tom = await system.signIn('tom@northwind.example');
    expect(await tom.json('POST', `/api/payment-challenges/${challenge.id}/approve`, {})).toMatchObject({
      status: 403,
      body: { code: 'no_billing_permission' },
    });
    expect(await value(`select status from payment_challenges`)).toBe('open');
    expect(await captured()).toEqual([]);
  });

  it('keeps its card on file while it waits: removing it answers 409 payment_method_in_use', async () => {
    const sam = await samWithAskingCard();
    await confirm(sam, 'sca-remove-0001');
    const cards = (await sam.json<Json>('GET', '/api/payment-methods')).body.paymentMethods as Json[];
    const [asking, declining] = cards;
    // The default moves back to the declining card; the challenge still charges the one it started with.
    await sam.json('PUT', `/api/payment-methods/${declining?.id}/default`, {});
    expect(await sam.json('DELETE', `/api/payment-methods/${asking?.id}`)).toMatchObject({
      status: 409,
      body: { code: 'payment_method_in_use' },
    });
  });
});

describe('paying an invoice with a card whose bank asks for authentication', () => {
  /** James (past due) adds the asking card as his default. */
  async function jamesWithAskingCard(): Promise<{ james: Client; invoiceId: string; amount: Json }> {
    const james = await system.signIn('james@oakridge.example');
    const added = await james.json<Json>('POST', '/api/payment-methods', {
      number: '4000 0025 0000 3155',
      expMonth: 6,
      expYear: 2031,
      cvc: '737',
      makeDefault: true,
    });
    expect(added.status).toBe(201);
    const documents = (await james.json<Json>('GET', '/api/documents')).body.documents as Json[];
    const unpaid = documents.find((doc) => doc.status === 'unpaid');
    if (!unpaid) throw new Error('James has an unpaid invoice');
    return { james, invoiceId: unpaid.id, amount: unpaid.amountDue };
  }

  it('answers 202 until the customer approves; then paid once, active again, a receipt sent', async () => {
    const { james, invoiceId, amount } = await jamesWithAskingCard();
    const pay = () => james.json<Json>('POST', `/api/invoices/${invoiceId}/pay`, {});
    const first = await pay();
    expect(first).toMatchObject({
      status: 202,
      body: { challenge: { status: 'open', purpose: 'invoice', invoiceId, amount, card: { last4: '3155' } } },
    });
    expect(await pay()).toEqual(first);
    expect(await value(`select holder from subscription_claims`)).toBe(`challenge:${first.body.challenge.id}`);
    expect(await invariants()).toEqual([]);

    const approved = await james.json<Json>('POST', `/api/payment-challenges/${first.body.challenge.id}/approve`, {});
    expect(approved.body.status).toBe('succeeded');
    const account = (await james.json<Json>('GET', '/api/account')).body;
    expect(account.subscription.status).toBe('active');
    expect(account.unpaidInvoices).toBe(0);
    const invoice = (await james.json<Json>('GET', `/api/documents/${invoiceId}`)).body;
    expect(invoice).toMatchObject({ status: 'paid', amountPaid: amount, paidAt: DEMO_NOW });
    expect(await pay()).toMatchObject({ status: 409, body: { code: 'invoice_already_paid' } });
    expect(await captured()).toEqual([expect.objectContaining({ amount: amount.amount })]);
    expect(await rows(`select kind, payload from outbox where kind in ('payment_receipt', 'renewal_failed')`)).toEqual([
      {
        kind: 'payment_receipt',
        payload: JSON.stringify({
          invoiceId,
          locale: 'en',
          amount: amount.amount,
          currency: 'USD',
          card: { brand: 'visa', last4: '3155' },
        }),
      },
    ]);
    expect(await count(`select count(*) from subscription_claims`)).toBe(0);
    expect(await invariants()).toEqual([]);
  });

  it('failed: nothing paid, still past due, no failure e-mail; paying again asks the bank again', async () => {
    const { james, invoiceId } = await jamesWithAskingCard();
    const first = await james.json<Json>('POST', `/api/invoices/${invoiceId}/pay`, {});
    const failed = await james.json<Json>('POST', `/api/payment-challenges/${first.body.challenge.id}/fail`, {});
    expect(failed.body.status).toBe('failed');
    expect((await james.json<Json>('GET', '/api/account')).body.subscription.status).toBe('past_due');
    expect(await captured()).toEqual([]);
    expect(await count(`select count(*) from outbox where kind in ('renewal_failed', 'payment_receipt')`)).toBe(0);
    expect(await count(`select count(*) from subscription_claims`)).toBe(0);
    const second = await james.json<Json>('POST', `/api/invoices/${invoiceId}/pay`, {});
    expect(second.status).toBe(202);
    expect(second.body.challenge.id).not.toBe(first.body.challenge.id);
    expect(await invariants()).toEqual([]);
  });

  it('abandoned: given up with the clock; the renewal waits for the subscription meanwhile', async () => {
    const { james, invoiceId } = await jamesWithAskingCard();
    const first = await james.json<Json>('POST', `/api/invoices/${invoiceId}/pay`, {});
    expect(first.status).toBe(202);
    await system.anonymous.json('POST', '/api/test/clock/advance', { seconds: 16 * 60 });
    expect(await value(`select status from payment_challenges`)).toBe('expired');
    expect(await count(`select count(*) from subscription_claims`)).toBe(0);
    expect(await captured()).toEqual([]);
    expect((await james.json<Json>('GET', '/api/account')).body.subscription.status).toBe('past_due');
    expect(await invariants()).toEqual([]);
  });
});
