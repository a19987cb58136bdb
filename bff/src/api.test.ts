import { API_ERROR_CODES } from '@planshift/shared/api';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkInvariants } from './testing/invariants';
import { teamAccount, teamCatalog, teamPlan } from './testing/scenario-builders';
import { type Client, type Json, type TestSystem, useDemoSystem } from './testing/test-system';

const demo = useDemoSystem();
let system: TestSystem;
beforeEach(() => {
  system = demo();
});

const MONTHLY = { unit: 'month', count: 1 };
const ANNUAL = { unit: 'year', count: 1 };
const key = () => `key-${crypto.randomUUID()}`;
const count = (table: string) => system.sql.count(`select count(*) from ${table}`);

async function quote(client: Client, request: Json) {
  return client.json<Json>('POST', '/api/quotes', request);
}

async function confirm(client: Client, quoteId: string, idempotencyKey = key()) {
  return client.json<Json>('POST', '/api/changes', { quoteId }, { 'idempotency-key': idempotencyKey });
}

describe('the API surface', () => {
  it('serves an OpenAPI 3.1 document of every route', async () => {
    const { status, body } = await system.anonymous.json<Json>('GET', '/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/api/session',
        '/api/account',
        '/api/account/options',
        '/api/quotes',
        '/api/quotes/{quoteId}',
        '/api/changes',
        '/api/scheduled-change',
        '/api/documents',
        '/api/documents/{documentId}',
        '/api/documents/{documentId}/pdf',
        '/api/invoices/{invoiceId}/pay',
        '/api/billing-details',
        '/api/sales-requests',
        '/api/sales-requests/{salesRequestId}',
        '/api/test/reset',
        '/api/test/personas',
        '/api/test/clock',
        '/api/test/clock/advance',
      ]),
    );
    expect(body.components.schemas).toHaveProperty('ChangeRequest');
    // Every error code the API answers with is listed, so a client can know them all.
    expect(body.components.schemas.Error.properties.code.enum).toEqual([...API_ERROR_CODES]);
    expect(body.components.schemas).toHaveProperty('Scenario');
    // Engine-typed answers are documented field by field, not as opaque objects.
    expect(body.components.schemas.Quote.properties.quote.properties.lines.items.properties).toHaveProperty('fraction');
    expect(body.components.schemas.Account.properties.change.properties).toHaveProperty('blockers');
    expect(body.paths['/api/quotes'].post.responses['201'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/Quote',
    });
  });

  it('answers malformed JSON, other media types and unknown routes with specific codes', async () => {
    const malformed = await system.anonymous.json('POST', '/api/session', '{"email":');
    expect(malformed).toMatchObject({ status: 400, body: { code: 'malformed_json' } });
    const form = await system.anonymous.request('POST', '/api/session', undefined, {
      'content-type': 'text/plain',
    });
    expect(form.status).toBe(415);
    expect(await form.json()).toMatchObject({ code: 'unsupported_media_type', field: 'Content-Type' });
    const unsized = await system.app.request('/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(unsized.status).toBe(411);
    expect(await unsized.json()).toMatchObject({ code: 'length_required' });
    const huge = await system.anonymous.request('POST', '/api/session', {
      email: 'a@b.example',
      password: 'x'.repeat(70_000),
    });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ code: 'payload_too_large' });
    const missing = await system.anonymous.json('GET', '/api/nothing-here');
    expect(missing).toMatchObject({ status: 404, body: { code: 'not_found' } });
  });
});

describe('the document’s security requirements', () => {
  it('are what the routes enforce: the session cookie, and the CSRF token where a route changes something', async () => {
    const { body } = await system.anonymous.json<Json>('GET', '/api/openapi.json');
    expect(Object.keys(body.components.securitySchemes)).toEqual(['session', 'csrf']);
    const maria = await system.signIn('maria@northwind.example');
    const checked: string[] = [];
    for (const [path, item] of Object.entries(body.paths as Record<string, Json>)) {
      for (const [method, operation] of Object.entries(item as Record<string, Json>)) {
        const url = path.replace(/\{\w+\}/g, 'no-such-id');
        const verb = method.toUpperCase();
        const sends = ['POST', 'PUT', 'PATCH'].includes(verb) ? {} : undefined;
        const schemes = (operation.security ?? []).flatMap((s: Json) => Object.keys(s));
        if (!schemes.includes('session')) {
          if (verb === 'GET') expect((await system.anonymous.json(verb, url)).status, `${verb} ${path}`).not.toBe(401);
          continue;
        }
        const anonymous = await system.anonymous.json(verb, url, sends);
        expect(anonymous, `${verb} ${path}`).toMatchObject({ status: 401, body: { code: 'unauthenticated' } });
        if (schemes.includes('csrf')) {
          const forged = await maria.json(verb, url, sends, { 'x-csrf-token': 'not-the-token' });
          expect(forged, `${verb} ${path}`).toMatchObject({ status: 403, body: { code: 'csrf_token_invalid' } });
        } else {
          expect((await maria.json(verb, url)).status, `${verb} ${path}`).not.toBe(401);
        }
        checked.push(`${verb} ${path}`);
      }
    }
    expect(checked).toHaveLength(27);
  });
});

describe('sessions', () => {
  it('refuses a wrong password and an unknown e-mail alike', async () => {
    const wrong = await system.anonymous.json('POST', '/api/session', {
      email: 'maria@northwind.example',
      password: 'nope-nope',
    });
    const unknown = await system.anonymous.json('POST', '/api/session', {
      email: 'nobody@x.example',
      password: 'nope-nope',
    });
    expect(wrong).toMatchObject({ status: 401, body: { code: 'invalid_credentials' } });
    expect(unknown).toEqual(wrong);
  });

  it('needs a session for the account, and the CSRF token for every change', async () => {
    for (const [method, path] of [
      ['GET', '/api/account'],
      ['GET', '/api/account/options'],
      ['GET', '/api/documents'],
      ['POST', '/api/quotes'],
      ['GET', '/api/quotes/q-1'],
    ] as const) {
      expect(await system.anonymous.json(method, path, method === 'POST' ? {} : undefined), path).toMatchObject({
        status: 401,
        body: { code: 'unauthenticated' },
      });
    }
    const maria = await system.signIn('maria@northwind.example');
    const body = JSON.stringify({ planId: 'business', interval: MONTHLY, quantity: 10, addOns: [] });
    const withoutToken = await system.app.request('/api/quotes', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': String(body.length),
        cookie: (await signedCookie('maria@northwind.example')) ?? '',
      },
      body,
    });
    expect(withoutToken.status).toBe(403);
    expect(await withoutToken.json()).toMatchObject({ code: 'csrf_token_invalid' });
    expect((await maria.json('GET', '/api/session')).status).toBe(200);
    expect((await maria.request('DELETE', '/api/session')).status).toBe(204);
  });
});

async function signedCookie(email: string) {
  const response = await system.anonymous.request('POST', '/api/session', { email, password: 'planshift-demo' });
  return response.headers.get('set-cookie')?.split(';')[0];
}

describe('the account', () => {
  it('shows the subscription, its next bill and that Change is possible', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const { status, body } = await maria.json<Json>('GET', '/api/account');
    expect(status).toBe(200);
    expect(body.subscription).toMatchObject({ status: 'active', quantity: 10, plan: { id: 'pro' }, interval: MONTHLY });
    expect(body.subscription.nextBill.date).toBe(body.subscription.currentPeriod.end);
    expect(body.subscription.pricePerCycle.amount).toBe(body.subscription.plan.unitAmount.amount * 10);
    expect(body.change).toEqual({ possible: true, blockers: [] });
  });

  it('explains the whole price per cycle: the plan and every add-on, adding up to it', async () => {
    const ben = await system.signIn('ben@bluebird.example');
    const { body } = await ben.json<Json>('GET', '/api/account');
    const parts: Json[] = body.subscription.pricePerCycleParts;
    expect(parts.map((part) => [part.type, part.id, part.quantity])).toEqual([
      ['plan', 'professional', 3],
      ['add_on', 'campaigns', 2],
    ]);
    for (const part of parts) expect(part.amount.amount).toBe(part.unitAmount.amount * part.quantity);
    expect(parts.reduce((sum, part) => sum + part.amount.amount, 0)).toBe(body.subscription.pricePerCycle.amount);
    expect(parts[1]?.name).toBe('Campaigns (1,000 contacts)');
  });

  it('says why Change is not possible: no permission, an unpaid invoice', async () => {
    const tom = await system.signIn('tom@northwind.example');
    expect((await tom.json<Json>('GET', '/api/account')).body.change).toEqual({
      possible: false,
      blockers: [{ reason: 'no_billing_permission' }],
    });
    const james = await system.signIn('james@oakridge.example');
    const blockers = (await james.json<Json>('GET', '/api/account')).body.change.blockers;
    expect(blockers).toContainEqual({ reason: 'unpaid_invoice', count: 1 });
  });

  it('offers only the plan group, with reason codes for the rest', async () => {
    const eleni = await system.signIn('eleni@helios.example');
    const { body } = await eleni.json<Json>('GET', '/api/account/options');
    const plan = (id: string) => body.options.plans.find((p: Json) => p.planId === id);
    expect(plan('premium').availability).toEqual({ ok: true });
    expect(plan('basic').availability).toMatchObject({ ok: false, reason: 'not_in_plan_group' });
    expect(body.catalog.plans.length).toBeGreaterThan(0);
    expect(body.subscription.plan.planId).toBe('free');
  });

  it('lists documents and hides another account’s', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const eleni = await system.signIn('eleni@helios.example');
    const [first] = (await maria.json<Json>('GET', '/api/documents')).body.documents;
    expect(first).toMatchObject({ kind: 'invoice', reason: 'renewal', status: 'paid' });
    expect((await maria.json('GET', `/api/documents/${first.id}`)).status).toBe(200);
    expect(await eleni.json('GET', `/api/documents/${first.id}`)).toMatchObject({
      status: 404,
      body: { code: 'not_found' },
    });
    expect(await eleni.json('GET', '/api/documents/does-not-exist')).toMatchObject({
      status: 404,
      body: { code: 'not_found' },
    });
  });
});

describe('quotes', () => {
  it('prices an upgrade with every line explained', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const { status, body } = await quote(maria, { planId: 'business', interval: MONTHLY, quantity: 10, addOns: [] });
    expect(status).toBe(201);
    const lines: Json[] = body.quote.lines;
    expect(lines.map((l) => l.kind).sort()).toEqual(['charge_remaining_time', 'credit_unused_time']);
    const sum = lines.reduce((total, line) => total + line.amount.amount, 0);
    expect(body.quote.totals.net.amount).toBe(sum);
    expect(body.quote.dueNow.amount).toBeGreaterThan(0);
    expect(body.expiresAt).toBeGreaterThan(body.quote.quotedAt);
    expect((await maria.json('GET', `/api/quotes/${body.id}`)).body).toEqual(body);
  });

  it.each([
    ['zero seats', { quantity: 0 }, 400, 'too_small', 'quantity'],
    ['negative seats', { quantity: -3 }, 400, 'too_small', 'quantity'],
    ['fractional seats', { quantity: 10.5 }, 400, 'invalid_type', 'quantity'],
    ['huge seats', { quantity: 1e12 }, 400, 'too_big', 'quantity'],
    ['a string for seats', { quantity: '10' }, 400, 'invalid_type', 'quantity'],
    ['an unknown field', { total: 1 }, 400, 'unknown_field', 'total'],
    ['fewer seats than the plan needs', { quantity: 9 }, 422, 'below_min_quantity', 'quantity'],
    ['more seats than the plan allows', { quantity: 251 }, 422, 'above_max_quantity', 'quantity'],
    ['an unknown plan', { planId: 'platinum' }, 422, 'unknown_plan', 'planId'],
    ['an unknown add-on', { addOns: [{ addOnId: 'jetpack', quantity: 1 }] }, 422, 'unknown_addon', 'addOns.0.addOnId'],
    ['a sales-only plan', { planId: 'enterprise', quantity: 50, interval: ANNUAL }, 422, 'sales_only', 'planId'],
  ])('refuses %s with its code and field, writing nothing', async (_name, change, status, code, field) => {
    const maria = await system.signIn('maria@northwind.example');
    const before = await system.sql.writeMark();
    const response = await quote(maria, { planId: 'business', interval: MONTHLY, quantity: 10, addOns: [], ...change });
    expect(response).toMatchObject({ status, body: { code, field } });
    expect(await system.sql.writeMark()).toBe(before);
  });

  it('refuses a plan not sold in the account’s currency', async () => {
    const scenario = {
      clock: '2026-06-10T12:00:00Z',
      catalogs: [teamCatalog('mixed', [teamPlan('team', 1, { USD: 1000 }), teamPlan('euro-only', 2, { EUR: 2000 })])],
      accounts: [teamAccount('acme', 'mixed', 'team')],
    };
    expect((await system.anonymous.json('POST', '/api/test/reset', { scenario })).status).toBe(200);
    const owner = await system.signIn('owner@acme.example');
    const response = await quote(owner, { planId: 'euro-only', interval: MONTHLY, quantity: 3, addOns: [] });
    expect(response).toMatchObject({ status: 422, body: { code: 'currency_unavailable', field: 'planId' } });
  });

  it('refuses members and accounts with an unpaid invoice', async () => {
    const tom = await system.signIn('tom@northwind.example');
    expect(await quote(tom, { planId: 'business', interval: MONTHLY, quantity: 10, addOns: [] })).toMatchObject({
      status: 403,
      body: { code: 'no_billing_permission' },
    });
    const james = await system.signIn('james@oakridge.example');
    const response = await quote(james, { planId: 'power', interval: MONTHLY, quantity: 4, addOns: [] });
    expect(response.status).toBe(409);
    expect(response.body.details.errors).toContainEqual({ reason: 'unpaid_invoice', count: 1, field: null });
  });
});

describe('confirming', () => {
  it('upgrades with an invoice and a credit note that equal the quote to the minor unit', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const { body: q } = await quote(maria, { planId: 'business', interval: MONTHLY, quantity: 12, addOns: [] });
    const chargesBefore = (await system.payments.charges()).length;
    const { status, body } = await confirm(maria, q.id);
    expect(status).toBe(201);
    expect(body.charged).toEqual(q.quote.dueNow);
    expect(body.documents.invoice.total).toEqual(q.quote.documents.invoice.total);
    expect(body.documents.creditNote.total).toEqual(q.quote.documents.creditNote.total);
    expect(body.documents.invoice.number).toMatch(/^INV-2026-\d{6}$/);
    expect((await system.payments.charges()).length).toBe(chargesBefore + 1);

    const invoice = (await maria.json<Json>('GET', `/api/documents/${body.documents.invoice.id}`)).body;
    expect(invoice.total).toEqual(q.quote.documents.invoice.total);
    expect(invoice.lines.reduce((s: number, l: Json) => s + l.amount.amount, 0)).toBe(invoice.total.amount);
    expect(invoice.amountPaid).toEqual(q.quote.dueNow);

    const account = (await maria.json<Json>('GET', '/api/account')).body;
    expect(account.subscription).toMatchObject({ plan: { id: 'business' }, quantity: 12 });
    expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
  });

  it('schedules a downgrade for the period end and charges nothing now', async () => {
    const claire = await system.signIn('claire@lumiere.example');
    const before = (await claire.json<Json>('GET', '/api/account')).body;
    const { body: q } = await quote(claire, { planId: 'essential', interval: ANNUAL, quantity: 5, addOns: [] });
    expect(q.quote.dueNow.amount).toBe(0);
    expect(q.quote.scheduled.effectiveAt).toBe(before.subscription.currentPeriod.end);
    const chargesBefore = (await system.payments.charges()).length;
    const { status, body } = await confirm(claire, q.id);
    expect(status).toBe(201);
    expect(body.charged.amount).toBe(0);
    expect(body.documents).toEqual({ invoice: null, creditNote: null });
    expect((await system.payments.charges()).length).toBe(chargesBefore);

    const scheduled = (await claire.json<Json>('GET', '/api/scheduled-change')).body.scheduledChange;
    expect(scheduled).toMatchObject({
      effectiveAt: before.subscription.currentPeriod.end,
      target: { planId: 'essential' },
    });
    const after = (await claire.json<Json>('GET', '/api/account')).body;
    expect(after.subscription.plan.id).toBe('advanced');
    expect((await claire.request('DELETE', '/api/scheduled-change')).status).toBe(204);
    expect((await claire.json<Json>('GET', '/api/scheduled-change')).body.scheduledChange).toBeNull();
    expect(await claire.json('DELETE', '/api/scheduled-change')).toMatchObject({
      status: 404,
      body: { code: 'no_scheduled_change' },
    });
  });

  it('names the plans a scheduled change mentions on the account page, so it needs no catalog', async () => {
    const claire = await system.signIn('claire@lumiere.example');
    const { body: q } = await quote(claire, { planId: 'essential', interval: ANNUAL, quantity: 5, addOns: [] });
    expect((await confirm(claire, q.id)).status).toBe(201);
    const { scheduledChange } = (await claire.json<Json>('GET', '/api/account')).body;
    const catalog = (await claire.json<Json>('GET', '/api/account/options')).body.catalog;
    const name = (id: string) => catalog.plans.find((plan: Json) => plan.id === id).name;
    expect(scheduledChange.names).toEqual({
      plans: { essential: name('essential'), advanced: name('advanced') },
      addOns: {},
    });
    expect((await claire.request('DELETE', '/api/scheduled-change')).status).toBe(204);
  });

  it('replays the same key exactly, and refuses it for another request', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const { body: q } = await quote(maria, { planId: 'business', interval: MONTHLY, quantity: 10, addOns: [] });
    const k = key();
    const first = await confirm(maria, q.id, k);
    const again = await confirm(maria, q.id, k);
    expect(again).toEqual(first);
    const { body: other } = await quote(maria, { planId: 'business', interval: MONTHLY, quantity: 11, addOns: [] });
    expect(await confirm(maria, other.id, k)).toMatchObject({ status: 422, body: { code: 'idempotency_key_reused' } });
    expect(await count('orders')).toBe(1);
  });

  it('refuses to confirm a quote that changes nothing', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const { body: q } = await quote(maria, { planId: 'pro', interval: MONTHLY, quantity: 10, addOns: [] });
    expect(q.quote.noChange).toEqual({ reason: 'same_as_current' });
    expect(await confirm(maria, q.id)).toMatchObject({ status: 422, body: { code: 'no_change' } });
    expect(await count('orders')).toBe(0);
  });

  it('needs an Idempotency-Key', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const { body: q } = await quote(maria, { planId: 'business', interval: MONTHLY, quantity: 10, addOns: [] });
    const response = await maria.json('POST', '/api/changes', { quoteId: q.id });
    expect(response).toMatchObject({ status: 400, body: { field: 'header.idempotency-key' } });
    expect(await count('orders')).toBe(0);
  });

  it('answers a stale quote with 409 and a fresh quote', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const { body: older } = await quote(maria, { planId: 'business', interval: MONTHLY, quantity: 10, addOns: [] });
    const { body: newer } = await quote(maria, { planId: 'pro', interval: MONTHLY, quantity: 11, addOns: [] });
    expect((await confirm(maria, newer.id)).status).toBe(201);
    const stale = await confirm(maria, older.id);
    expect(stale).toMatchObject({ status: 409, body: { code: 'quote_stale' } });
    expect(stale.body.details.quote.quote.target).toMatchObject({ planId: 'business', quantity: 10 });
  });

  it('refuses an expired quote and another account’s quote', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const eleni = await system.signIn('eleni@helios.example');
    const { body: q } = await quote(maria, { planId: 'business', interval: MONTHLY, quantity: 10, addOns: [] });
    expect(await confirm(eleni, q.id)).toMatchObject({ status: 404, body: { code: 'quote_not_found' } });
    expect(await eleni.json('GET', `/api/quotes/${q.id}`)).toMatchObject({ status: 404 });
    await system.anonymous.json('POST', '/api/test/clock/advance', { seconds: 31 * 60 });
    expect(await confirm(maria, q.id)).toMatchObject({ status: 409, body: { code: 'quote_expired' } });
    expect(await count('orders')).toBe(0);
  });

  it('changes nothing when the card is declined', async () => {
    const sam = await system.signIn('sam@cobalt.example');
    const { body: q } = await quote(sam, { planId: 'advanced', interval: MONTHLY, quantity: 2, addOns: [] });
    const tables = [
      'subscriptions',
      'subscription_items',
      'documents',
      'document_lines',
      'credit_ledger',
      'outbox',
      'audit_events',
      'scheduled_changes',
    ];
    const dump = () => Promise.all(tables.map((table) => system.sql.all(`select * from ${table} order by 1`)));
    const before = await dump();
    const response = await confirm(sam, q.id);
    expect(response).toMatchObject({
      status: 402,
      body: { code: 'payment_declined', details: { decline: 'card_declined' } },
    });
    expect(await dump()).toEqual(before);
    expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
  });
});

describe('the sweep of expired records', () => {
  it('keeps keys for their 48 hours of wall time, then removes them; quotes are not stored to sweep', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const { body: kept } = await quote(maria, { planId: 'business', interval: MONTHLY, quantity: 10, addOns: [] });
    const { body: confirmed } = await quote(maria, { planId: 'business', interval: MONTHLY, quantity: 11, addOns: [] });
    const first = await confirm(maria, confirmed.id, 'sweep-key-0001');
    expect(first.status).toBe(201);
    const wallNow = Math.floor(Date.now() / 1000);

    // A day of wall time later the key still replays; the unused quote is stale now: the
    // confirmed change moved the subscription on.
    await system.store.maintenance.purgeExpired({ wallNow: wallNow + 24 * 3600 });
    expect(await confirm(maria, confirmed.id, 'sweep-key-0001')).toEqual(first);
    expect(await maria.json('GET', `/api/quotes/${kept.id}`)).toMatchObject({
      status: 409,
      body: { code: 'quote_stale' },
    });

    // Past the key's 48 hours it goes. Quotes were never written (docs/decisions/024): both are
    // still what their tokens say, and stale.
    await system.store.maintenance.purgeExpired({ wallNow: wallNow + 49 * 3600 });
    expect(await count('idempotency_keys')).toBe(0);
    expect(await maria.json('GET', `/api/quotes/${kept.id}`)).toMatchObject({
      status: 409,
      body: { code: 'quote_stale' },
    });
    expect(await maria.json('GET', `/api/quotes/${confirmed.id}`)).toMatchObject({
      status: 409,
      body: { code: 'quote_stale' },
    });
  });
});

describe('the test clock and scenarios', () => {
  it('sets, advances and reports the clock', async () => {
    const set = await system.anonymous.json<Json>('PUT', '/api/test/clock', { at: '2026-11-16T00:00:00Z' });
    expect(set.body).toMatchObject({ iso: '2026-11-16T00:00:00Z', frozen: true });
    const moved = await system.anonymous.json<Json>('POST', '/api/test/clock/advance', { days: 1, hours: 2 });
    expect(moved.body.iso).toBe('2026-11-17T02:00:00Z');
    expect((await system.anonymous.json<Json>('GET', '/api/clock')).body).toEqual({
      now: moved.body.now,
      testClock: true,
    });
    expect(await system.anonymous.json('POST', '/api/test/clock/advance', {})).toMatchObject({ status: 400 });
  });

  it('lists the demo personas for the development sign-in page, each able to sign in', async () => {
    const { status, body } = await system.anonymous.json<Json>('GET', '/api/test/personas');
    expect(status).toBe(200);
    expect(body.personas.length).toBeGreaterThanOrEqual(15);
    expect(body.personas).toContainEqual(
      expect.objectContaining({ email: 'tom@northwind.example', role: 'member', accountName: 'Northwind Traders' }),
    );
    const [first] = body.personas;
    expect(
      (await system.anonymous.json('POST', '/api/session', { email: first.email, password: first.password })).status,
    ).toBe(200);
  });

  it('refuses an inline scenario the engine cannot bill, and keeps the data', async () => {
    const account = { ...teamAccount('late', 'one', 'team') };
    const scenario = {
      clock: '2026-06-10T12:00:00Z',
      catalogs: [teamCatalog('one', [teamPlan('team', 1, { USD: 1000 })])],
      accounts: [{ ...account, subscription: { ...account.subscription, anchor: '2026-07-01T00:00:00Z' } }],
    };
    const before = await count('accounts');
    const response = await system.anonymous.json('POST', '/api/test/reset', { scenario });
    expect(response).toMatchObject({
      status: 422,
      body: { code: 'invalid_scenario', field: 'scenario.accounts.0.subscription.anchor' },
    });
    expect(await count('accounts')).toBe(before);
  });

  it('returns to real time when the test clock is cleared', async () => {
    const cleared = await system.anonymous.json<Json>('PUT', '/api/test/clock', { at: null });
    expect(cleared.body.frozen).toBe(false);
    expect(Math.abs(cleared.body.now - Date.now() / 1000)).toBeLessThan(5);
  });

  it('refuses an inline scenario that does not validate, and keeps the data', async () => {
    const before = await count('accounts');
    const response = await system.anonymous.json('POST', '/api/test/reset', {
      scenario: { catalogs: [], accounts: [] },
    });
    expect(response.status).toBe(400);
    expect(await count('accounts')).toBe(before);
  });
});
