import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { checkInvariants } from '../testing/invariants';
import { type Client, type Json, startTestSystem, type TestSystem, useDemoSystem } from '../testing/test-system';
import { QuoteTokens } from './quote-token';

// Quotes are tokens signed with what they were priced from (docs/decisions/024): whatever a
// client does to one, it is honoured as it was made or answered as an unknown quote.

const demo = useDemoSystem();
let system: TestSystem;
beforeEach(() => {
  system = demo();
});

const BUSINESS_MONTHLY = { planId: 'business', interval: { unit: 'month', count: 1 }, addOns: [] };
/** Rows written, changed or deleted so far: a request that writes nothing leaves it as it was. */
const changes = () => system.sql.writeMark();

async function quote(client: Client, quantity = 12): Promise<Json> {
  const quoted = await client.json<Json>('POST', '/api/quotes', { ...BUSINESS_MONTHLY, quantity });
  expect(quoted.status).toBe(201);
  return quoted.body;
}

const confirm = (client: Client, quoteId: string, key = `key-${crypto.randomUUID()}`) =>
  client.json<Json>('POST', '/api/changes', { quoteId }, { 'idempotency-key': key });
const read = (client: Client, quoteId: string) => client.json<Json>('GET', `/api/quotes/${quoteId}`);

/** What an unknown quote answers, to GET and to confirm: what every token not ours must answer. */
async function unknownAnswers(client: Client) {
  return { read: await read(client, 'no-such-quote'), confirm: await confirm(client, 'no-such-quote') };
}

describe('a quote is a signed token', () => {
  it('is written nowhere, and is honoured as it was priced', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const before = await changes();
    const quoted = await quote(maria);
    expect(await changes()).toBe(before);
    expect(quoted.id.length).toBeLessThan(400);
    expect(await read(maria, quoted.id)).toEqual({ status: 200, body: quoted });
    const confirmed = await confirm(maria, quoted.id);
    expect(confirmed).toMatchObject({ status: 201, body: { quoteId: quoted.id } });
    expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
  });

  it('answers as an unknown quote, writing nothing, once any character of it is changed', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const { id } = await quote(maria);
    const unknown = await unknownAnswers(maria);
    expect(unknown.read).toMatchObject({ status: 404, body: { code: 'not_found' } });
    expect(unknown.confirm).toMatchObject({ status: 404, body: { code: 'quote_not_found', field: 'quoteId' } });
    const before = await changes();
    for (let at = 0; at < id.length; at++) {
      // A character of the same alphabet, so the route's own checks let it through.
      const tampered = `${id.slice(0, at)}${id[at] === 'A' ? 'B' : 'A'}${id.slice(at + 1)}`;
      expect(await read(maria, tampered)).toEqual(unknown.read);
      expect(await confirm(maria, tampered)).toEqual(unknown.confirm);
    }
    for (const cut of [1, 20, id.length - 44, id.length - 1]) {
      expect(await read(maria, id.slice(0, cut))).toEqual(unknown.read);
      expect(await confirm(maria, id.slice(0, cut))).toEqual(unknown.confirm);
    }
    expect(await changes()).toBe(before);
    expect(await confirm(maria, id)).toMatchObject({ status: 201 });
  });

  it('is unknown to another account, which learns nothing from it', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const eleni = await system.signIn('eleni@helios.example');
    const { id } = await quote(maria);
    const unknown = await unknownAnswers(eleni);
    const before = await changes();
    expect(await read(eleni, id)).toEqual(unknown.read);
    expect(await confirm(eleni, id)).toEqual(unknown.confirm);
    expect(await changes()).toBe(before);
  });

  it('is unknown when signed with another key, even saying what a real quote says', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const real = system.deps.quoteTokens.verify((await quote(maria)).id, 'northwind-meetings');
    if (!real) throw new Error('the real quote did not verify');
    const { id: _id, accountId, ...claims } = real;
    const forged = new QuoteTokens('another-secret-of-at-least-thirty-two-characters', null).sign(accountId, claims);
    const unknown = await unknownAnswers(maria);
    expect(await read(maria, forged.id)).toEqual(unknown.read);
    expect(await confirm(maria, forged.id)).toEqual(unknown.confirm);
  });

  it('answers quote_expired once its 30 minutes have passed, and still reads as it was', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const quoted = await quote(maria);
    await system.anonymous.json('POST', '/api/test/clock/advance', { seconds: 30 * 60 });
    const before = await changes();
    expect(await confirm(maria, quoted.id)).toEqual({
      status: 409,
      body: { code: 'quote_expired', message: 'The quote has expired; ask for a new one.', field: 'quoteId' },
    });
    expect(await changes()).toBe(before);
    expect(await read(maria, quoted.id)).toEqual({ status: 200, body: quoted });
  });

  it('is stale once the subscription moved on, with a fresh token for the same request', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const first = await quote(maria, 12);
    const second = await quote(maria, 13);
    expect((await confirm(maria, first.id)).status).toBe(201);
    const stale = await confirm(maria, second.id);
    expect(stale).toMatchObject({ status: 409, body: { code: 'quote_stale' } });
    const fresh = stale.body.details.quote;
    expect(fresh.request).toEqual(second.request);
    expect(await confirm(maria, fresh.id)).toMatchObject({ status: 201, body: { quoteId: fresh.id } });
  });
});

describe('two instances on one database, configured with the same secret', () => {
  let other: TestSystem | undefined;
  afterAll(() => other?.dispose());

  it('honour each other’s quotes: priced on one, read and confirmed on the other, exactly once', async () => {
    other ??= await startTestSystem({ beside: system });
    const first = await system.signIn('maria@northwind.example');
    const second = await other.signIn('maria@northwind.example');
    const quoted = await quote(first);
    expect(await read(second, quoted.id)).toEqual({ status: 200, body: quoted });
    const key = 'two-instances-0001';
    const confirmed = await confirm(second, quoted.id, key);
    expect(confirmed).toMatchObject({ status: 201, body: { quoteId: quoted.id } });
    // The same key and quote replay the answer on either instance; the change was made once.
    expect(await confirm(first, quoted.id, key)).toEqual(confirmed);
    expect(await confirm(second, quoted.id, key)).toEqual(confirmed);
    expect(await system.sql.count('select count(*) from orders')).toBe(1);
    expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
  });
});
