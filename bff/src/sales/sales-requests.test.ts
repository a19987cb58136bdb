import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import { teamAccount, teamCatalog, teamPlan } from '../testing/scenario-builders';
import { type Json, type TestSystem, useDemoSystem } from '../testing/test-system';

const demo = useDemoSystem();
let system: TestSystem;
beforeEach(() => {
  system = demo();
});

/** Moves with any write, even one undone. */
const writes = () => system.sql.writeMark();
const outbox = () => system.sql.all(`select kind, recipient from outbox where kind like 'sales_%' order by kind`);

const ENTERPRISE = {
  planId: 'enterprise',
  seats: 60,
  message: 'We would like SSO for the whole company.',
  contactName: 'Maria Chen',
  contactEmail: 'maria@northwind.example',
};

describe('GET /api/sales-requests', () => {
  it('offers the plans sold through sales, with the contact pre-filled', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const { status, body } = await maria.json<Json>('GET', '/api/sales-requests');
    expect(status).toBe(200);
    expect(body.plans).toEqual([
      {
        id: 'enterprise',
        name: 'Enterprise',
        names: {},
        quantity: { min: 50, max: 10000 },
        current: false,
        suggestedSeats: 50,
      },
    ]);
    expect(body.contact).toEqual({ name: 'Maria Chen', email: 'maria@northwind.example' });
    expect(body).toMatchObject({ canAsk: true, requests: [] });
  });

  it('offers a customer whose plan only sales can change that plan, and tells a member they may not ask', async () => {
    const priya = await system.signIn('priya@globex.example');
    const { body } = await priya.json<Json>('GET', '/api/sales-requests');
    expect(body.plans).toEqual([
      {
        id: 'enterprise',
        name: 'Enterprise',
        names: {},
        quantity: { min: 50, max: 10000 },
        current: true,
        suggestedSeats: 120,
      },
    ]);
    const tom = await system.signIn('tom@northwind.example');
    expect((await tom.json<Json>('GET', '/api/sales-requests')).body.canAsk).toBe(false);
    const claire = await system.signIn('claire@lumiere.example');
    expect((await claire.json<Json>('GET', '/api/sales-requests')).body.plans).toEqual([]);
  });
});

describe('POST /api/sales-requests', () => {
  it('stores the request, e-mails sales and the customer through the outbox, and lists it', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const sent = await maria.json<Json>('POST', '/api/sales-requests', ENTERPRISE);
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      repeat: false,
      salesRequest: {
        plan: { id: 'enterprise', name: 'Enterprise' },
        seats: 60,
        message: ENTERPRISE.message,
        contactName: 'Maria Chen',
        contactEmail: 'maria@northwind.example',
        createdAt: Date.UTC(2026, 10, 15, 10) / 1000,
      },
    });
    expect(await outbox()).toEqual([
      { kind: 'sales_request', recipient: 'sales@planshift.local' },
      { kind: 'sales_request_received', recipient: 'maria@northwind.example' },
    ]);
    const id = sent.body.salesRequest.id;
    expect(await maria.json('GET', `/api/sales-requests/${id}`)).toEqual({
      status: 200,
      body: { salesRequest: sent.body.salesRequest },
    });
    expect((await maria.json<Json>('GET', '/api/sales-requests')).body.requests).toEqual([sent.body.salesRequest]);
    const row = await system.sql.one('select current_plan_name, current_seats, sent_to from sales_requests');
    expect(row).toEqual({ current_plan_name: 'Pro', current_seats: 10, sent_to: 'sales@planshift.local' });

    // Both e-mails go out: to sales, answered to the customer; to the customer, in the account's language.
    await system.mail.dispatcher.dispatchDue();
    const mails = await system.mail.mailbox.list();
    expect(mails.find((m) => m.to.includes('sales@planshift.local'))?.subject).toBe(
      'Sales request: Enterprise × 60 for Northwind Traders',
    );
    expect(mails.find((m) => m.to.includes('maria@northwind.example'))?.subject).toBe(
      'Your request about Enterprise has reached our sales team',
    );
  });

  it('answers the same request again with the first, and does not tell sales twice', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const [first, second] = await Promise.all([
      maria.json<Json>('POST', '/api/sales-requests', ENTERPRISE),
      maria.json<Json>('POST', '/api/sales-requests', { ...ENTERPRISE, message: `  ${ENTERPRISE.message} ` }),
    ]);
    expect([first?.status, second?.status].sort()).toEqual([200, 201]);
    expect(first?.body.salesRequest).toEqual(second?.body.salesRequest);
    expect([first?.body.repeat, second?.body.repeat].sort()).toEqual([false, true]);
    expect(await outbox()).toHaveLength(2);
    expect(await system.sql.count('select count(*) from sales_requests')).toBe(1);
  });

  it('holds a fourth new request in a day, saying when to try again', async () => {
    const maria = await system.signIn('maria@northwind.example');
    for (const seats of [60, 70, 80]) {
      expect((await maria.json('POST', '/api/sales-requests', { ...ENTERPRISE, seats })).status).toBe(201);
    }
    const before = await writes();
    const held = await maria.request('POST', '/api/sales-requests', { ...ENTERPRISE, seats: 90 });
    expect(held.status).toBe(429);
    expect(held.headers.get('retry-after')).toBe(String(24 * 3600));
    expect(await held.json()).toMatchObject({ code: 'too_many_sales_requests', details: { retryAfter: 24 * 3600 } });
    expect(await writes()).toBe(before);
    // A repeat of one already sent is still answered.
    expect((await maria.json('POST', '/api/sales-requests', { ...ENTERPRISE, seats: 70 })).status).toBe(200);
    await system.anonymous.json('POST', '/api/test/clock/advance', { days: 1 });
    expect((await maria.json('POST', '/api/sales-requests', { ...ENTERPRISE, seats: 90 })).status).toBe(201);
  });

  it('refuses bad input field by field, and plans the customer can choose in the portal', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const before = await writes();
    const cases: [Json, number, string, string | null][] = [
      [{ ...ENTERPRISE, seats: 0 }, 400, 'too_small', 'seats'],
      [{ ...ENTERPRISE, seats: 2.5 }, 400, 'invalid_type', 'seats'],
      [{ ...ENTERPRISE, contactEmail: 'maria' }, 400, 'invalid_format', 'contactEmail'],
      [{ ...ENTERPRISE, contactName: ' ' }, 400, 'too_small', 'contactName'],
      [{ ...ENTERPRISE, message: 'x'.repeat(2001) }, 400, 'too_big', 'message'],
      [{ ...ENTERPRISE, planId: 'business' }, 422, 'plan_self_service', 'planId'],
      [{ ...ENTERPRISE, planId: 'pro' }, 422, 'plan_self_service', 'planId'],
      [{ ...ENTERPRISE, planId: 'galactic' }, 422, 'unknown_plan', 'planId'],
    ];
    for (const [body, status, code, field] of cases) {
      expect(await maria.json('POST', '/api/sales-requests', body), JSON.stringify(body).slice(0, 80)).toMatchObject({
        status,
        body: { code, field },
      });
    }
    expect(await writes()).toBe(before);
  });

  it('is refused to a member without billing permission', async () => {
    const tom = await system.signIn('tom@northwind.example');
    const before = await writes();
    expect(await tom.json('POST', '/api/sales-requests', ENTERPRISE)).toMatchObject({
      status: 403,
      body: { code: 'no_billing_permission' },
    });
    expect(await writes()).toBe(before);
  });

  it('answers another account’s request 404, like one that does not exist', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const { body } = await maria.json<Json>('POST', '/api/sales-requests', ENTERPRISE);
    const priya = await system.signIn('priya@globex.example');
    expect(await priya.json('GET', `/api/sales-requests/${body.salesRequest.id}`)).toMatchObject({
      status: 404,
      body: { code: 'not_found' },
    });
    expect(await priya.json('GET', '/api/sales-requests/no-such-request')).toMatchObject({ status: 404 });
    expect((await priya.json<Json>('GET', '/api/sales-requests')).body.requests).toEqual([]);
  });
});

describe('plan names', () => {
  it('are the catalog’s own in the customer’s e-mail and the SPA’s answer, English for sales', async () => {
    const corp = {
      ...teamPlan('corp', 2, { EUR: 5000 }),
      name: 'Corporate',
      names: { fr: 'Grands comptes' },
      salesOnly: true,
    };
    const account = { ...teamAccount('atelier', 'team', 'team', 'EUR'), locale: 'fr' as const };
    const reset = await system.anonymous.json('POST', '/api/test/reset', {
      scenario: { catalogs: [teamCatalog('team', [teamPlan('team', 1, { EUR: 1000 }), corp])], accounts: [account] },
    });
    expect(reset.status).toBe(200);
    const owner = await system.signIn('owner@atelier.example');
    expect((await owner.json<Json>('GET', '/api/sales-requests')).body.plans).toMatchObject([
      { id: 'corp', name: 'Corporate', names: { fr: 'Grands comptes' } },
    ]);
    const sent = await owner.json<Json>('POST', '/api/sales-requests', { ...ENTERPRISE, planId: 'corp' });
    expect(sent.body.salesRequest.plan).toEqual({ id: 'corp', name: 'Corporate', names: { fr: 'Grands comptes' } });
    const payloads = await system.sql.all<{ kind: string; payload: string }>(
      `select kind, payload from outbox where kind like 'sales_%' order by kind`,
    );
    expect(payloads.map((row) => [row.kind, JSON.parse(row.payload).planName])).toEqual([
      ['sales_request', 'Corporate'],
      ['sales_request_received', 'Grands comptes'],
    ]);
  });
});

describe('the operator’s list', () => {
  it('shows every account’s requests, newest first, from the BFF’s database file', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const priya = await system.signIn('priya@globex.example');
    await maria.json('POST', '/api/sales-requests', ENTERPRISE);
    await system.anonymous.json('POST', '/api/test/clock/advance', { hours: 1 });
    const asked = await priya.json<Json>('POST', '/api/sales-requests', {
      ...ENTERPRISE,
      seats: 150,
      message: 'Thirty more\nfor the new office.',
      contactName: 'Priya Raman',
      contactEmail: 'priya@globex.example',
    });
    const run = promisify(execFile);
    const env = { ...process.env, ...system.sql.processEnv, NODE_ENV: 'test' };
    const cli = ['--import', 'tsx', new URL('../cli/sales.ts', import.meta.url).pathname];
    const { stdout } = await run(process.execPath, [...cli, 'list'], { env });
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toContain(asked.body.salesRequest.id);
    expect(lines[0]).toContain('Globex Corporation (globex-meetings)  wants Enterprise × 150, has Enterprise × 120');
    expect(lines[1]).toBe('    Priya Raman <priya@globex.example>, e-mailed to sales@planshift.local');
    expect(lines[2]).toBe('    “Thirty more for the new office.”');
    expect(stdout).toContain('Northwind Traders (northwind-meetings)  wants Enterprise × 60, has Pro × 10');
    expect(stdout.indexOf('Globex')).toBeLessThan(stdout.indexOf('Northwind'));
    await expect(run(process.execPath, [...cli, 'lst'], { env })).rejects.toMatchObject({ code: 2 });
  });
});
