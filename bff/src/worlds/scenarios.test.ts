import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { type System, startSystem } from '../bootstrap';
import { systemWallClock } from '../clock';
import { PdfWorkerPool } from '../documents/pdf-worker-pool';
import { type Env, readEnv } from '../env';
import { InMemoryChargeLedger } from '../payments/charge-ledger';
import { SimulatedPaymentProvider } from '../payments/simulated-provider';
import { freshPgDatabase, testDatabase } from '../testing/pg-test-database';
import { teamAccount, teamCatalog, teamPlan } from '../testing/scenario-builders';
import type { Json } from '../testing/test-system';
import { createHost } from './host';
import { ScenarioRegistry } from './scenario-registry';
import { scenarioSchemaExists } from './scenario-schema';

// The host with its worlds, as server.ts composes them outside production (docs/decisions/018).
let dir: string;
let env: Env;
let pool: PdfWorkerPool;
let real: System;
let registry: ScenarioRegistry;
let host: ReturnType<typeof createHost>;
// A second instance's registry on the same folder and database, as two BFFs behind a proxy run (docs/decisions/027).
let otherRegistry: ScenarioRegistry;
let otherHost: ReturnType<typeof createHost>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'planshift-scenarios-'));
  env = readEnv({
    NODE_ENV: 'test',
    DATABASE_FILE: join(dir, 'real.sqlite'),
    // On PostgreSQL, each world a schema of the one database (docs/decisions/020).
    ...(testDatabase() === 'postgres' ? { DATABASE_URL: await freshPgDatabase() } : {}),
    WEB_DIST: join(dir, 'no-web'),
  });
  pool = new PdfWorkerPool();
  real = await startSystem(env, {
    payments: new SimulatedPaymentProvider({ ledger: new InMemoryChargeLedger() }),
    pdfPool: pool,
  });
  registry = new ScenarioRegistry({ env, wall: systemWallClock, pdfPool: pool });
  const app = createApp(real.deps, real);
  host = createHost(app, registry, { defaultScenario: null, log: real.deps.log });
  otherRegistry = new ScenarioRegistry({ env: { ...env, INSTANCE_ID: 'other' }, wall: systemWallClock, pdfPool: pool });
  otherHost = createHost(app, otherRegistry, { defaultScenario: null, log: real.deps.log });
});

afterAll(async () => {
  await otherRegistry.close();
  await registry.close();
  await real.close();
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
});

type Answer = { status: number; body: Json; cookies: string[] };

async function call(
  method: string,
  path: string,
  options: Readonly<{ scenario?: string; body?: unknown; cookie?: string; csrf?: string; other?: boolean }> = {},
): Promise<Answer> {
  const text = options.body === undefined ? undefined : JSON.stringify(options.body);
  const response = await (options.other ? otherHost : host).request(path, {
    method,
    headers: {
      ...(options.scenario ? { 'Planshift-Scenario': options.scenario } : {}),
      ...(text === undefined
        ? {}
        : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) }),
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...(options.csrf ? { 'x-csrf-token': options.csrf } : {}),
    },
    body: text,
  });
  const raw = await response.text();
  return { status: response.status, body: raw ? JSON.parse(raw) : null, cookies: response.headers.getSetCookie() };
}

/** One owner on a monthly plan since 1 June, with nothing scheduled. */
const SOLO = {
  scenario: {
    clock: '2026-06-10T00:00:00Z',
    catalogs: [teamCatalog('team', [teamPlan('basic', 1, { USD: 1000 })])],
    accounts: [teamAccount('solo', 'team', 'basic')],
  },
};

const made = async (body: Json = { name: 'demo' }): Promise<string> => {
  const answer = await call('POST', '/api/test/scenarios', { body });
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body.id;
};

/** Signs in within the scenario (by its header, as the QA kit does); answers the browser's cookie header. */
async function signIn(scenario: string, email: string): Promise<{ cookie: string; csrf: string }> {
  const answer = await call('POST', '/api/session', {
    scenario,
    body: { email, password: 'planshift-demo' },
  });
  expect(answer.status).toBe(200);
  return { cookie: answer.cookies.map((c) => c.split(';')[0]).join('; '), csrf: answer.body.csrfToken };
}

describe('scenarios side by side', () => {
  it('each has its own clock: moving one runs its renewals and sends its e-mail, and the other does not move', async () => {
    const a = await made();
    const b = await made();
    const before = (await call('GET', '/api/test/clock', { scenario: b })).body;
    expect(before.iso).toBe('2026-11-15T10:00:00Z');

    const moved = await call('POST', '/api/test/clock/advance', { scenario: a, body: { to: 'next_renewal' } });
    expect(moved.status).toBe(200);
    // The first period end after 15 Nov 10:00 among the demo's subscriptions.
    expect(moved.body.iso).toBe('2026-11-18T06:00:00Z');
    expect(moved.body.ran.renewals).toBeGreaterThan(0);
    // Sent before the move answered: the renewal invoices are in the mailbox, dated by the scenario's clock.
    expect(moved.body.ran.emails).toBeGreaterThan(0);
    const mailOfA = (await call('GET', '/api/test/mailbox', { scenario: a })).body.messages;
    expect(mailOfA).toHaveLength(moved.body.ran.emails);
    expect(mailOfA[0].date).toBe('2026-11-18T06:00:00.000Z');

    expect((await call('GET', '/api/test/clock', { scenario: b })).body).toEqual(before);
    expect((await call('GET', '/api/test/mailbox', { scenario: b })).body.messages).toEqual([]);
  });

  it('signing in within a scenario keeps the browser in it by a cookie, whose clock the portal shows', async () => {
    const a = await made();
    await call('POST', '/api/test/clock/advance', { scenario: a, body: { days: 3 } });
    const maria = await signIn(a, 'maria@northwind.example');
    expect(maria.cookie).toContain(`planshift_scenario=${a}`);
    const clock = await call('GET', '/api/clock', { cookie: maria.cookie });
    expect(clock.body).toEqual({ now: Date.parse('2026-11-18T10:00:00Z') / 1000, testClock: true });
    expect((await call('GET', '/api/account', { cookie: maria.cookie })).body.user.email).toBe(
      'maria@northwind.example',
    );

    const out = await call('DELETE', '/api/session', { cookie: maria.cookie, csrf: maria.csrf });
    expect(out.status).toBe(204);
    expect(out.cookies.some((c) => c.startsWith('planshift_scenario=;'))).toBe(true);
  });

  it('a reset signs out its own users only, and empties its own mailbox only', async () => {
    const a = await made();
    const b = await made();
    for (const scenario of [a, b]) await call('POST', '/api/test/clock/advance', { scenario, body: { days: 3 } });
    const inA = await signIn(a, 'maria@northwind.example');
    const inB = await signIn(b, 'maria@northwind.example');

    expect((await call('POST', '/api/test/reset', { scenario: a, body: { name: 'demo' } })).status).toBe(200);
    expect((await call('GET', '/api/account', { cookie: inA.cookie })).status).toBe(401);
    expect((await call('GET', '/api/test/mailbox', { scenario: a })).body.messages).toEqual([]);
    expect((await call('GET', '/api/test/clock', { scenario: a })).body.iso).toBe('2026-11-15T10:00:00Z');

    expect((await call('GET', '/api/account', { cookie: inB.cookie })).status).toBe(200);
    expect((await call('GET', '/api/test/mailbox', { scenario: b })).body.messages.length).toBeGreaterThan(0);
  });

  it('a deleted scenario is gone with its files; its browser is sent back to the real world to sign in', async () => {
    const a = await made();
    const maria = await signIn(a, 'maria@northwind.example');
    expect(await worldStored(a)).toBe(true);

    expect((await call('DELETE', `/api/test/scenarios/${a}`)).status).toBe(204);
    expect(existsSync(join(env.SCENARIOS_DIR, a))).toBe(false);
    expect(await worldStored(a)).toBe(false);
    expect((await call('DELETE', `/api/test/scenarios/${a}`)).body.code).toBe('scenario_not_found');
    expect((await call('GET', '/api/test/clock', { scenario: a })).body.code).toBe('scenario_not_found');
    expect((await call('GET', `/api/test/scenarios/${a}`)).status).toBe(404);

    const stale = await call('GET', '/api/account', { cookie: maria.cookie });
    expect(stale.status).toBe(401);
    expect(stale.cookies.some((c) => c.startsWith('planshift_scenario=;'))).toBe(true);
  });

  it('moves to the next scheduled change, which the move applies', async () => {
    const a = await made();
    const moved = await call('POST', '/api/test/clock/advance', {
      scenario: a,
      body: { to: 'next_scheduled_change' },
    });
    // Ben's downgrade to Advanced, at his period end.
    expect(moved.body.iso).toBe('2026-11-20T00:00:00Z');
    const ben = await signIn(a, 'ben@bluebird.example');
    const account = (await call('GET', '/api/account', { cookie: ben.cookie })).body;
    expect(account.subscription.plan.id).toBe('advanced');
    expect(account.scheduledChange).toBeNull();
  });

  it('says when there is nothing to move to', async () => {
    const a = await made(SOLO);
    const answer = await call('POST', '/api/test/clock/advance', {
      scenario: a,
      body: { to: 'next_scheduled_change' },
    });
    expect(answer).toMatchObject({ status: 409, body: { code: 'nothing_scheduled', field: 'to' } });
    const renewal = await call('POST', '/api/test/clock/advance', { scenario: a, body: { to: 'next_renewal' } });
    expect(renewal.body).toMatchObject({ iso: '2026-07-01T00:00:00Z', ran: { renewals: 1 } });
  });

  it('moves any distance: three years of monthly renewals, each invoiced, in one call', async () => {
    const a = await made(SOLO);
    const moved = await call('PUT', '/api/test/clock', { scenario: a, body: { at: '2029-06-10T00:00:00Z' } });
    expect(moved.body).toMatchObject({ iso: '2029-06-10T00:00:00Z', frozen: true, ran: { renewals: 1 } });
    const owner = await signIn(a, 'owner@solo.example');
    const { documents } = (await call('GET', '/api/documents', { cookie: owner.cookie })).body;
    // The seeded period's invoice, and one for each of the 36 periods since.
    expect(documents.filter((d: Json) => d.kind === 'invoice')).toHaveLength(37);
  });
});

/** Whether the scenario's data is there: its SQLite file, or on PostgreSQL its schema. */
async function worldStored(id: string): Promise<boolean> {
  return env.DATABASE_URL
    ? scenarioSchemaExists(env.DATABASE_URL, id)
    : existsSync(join(env.SCENARIOS_DIR, id, 'planshift.sqlite'));
}

describe('the real world and the scenario routes', () => {
  it('answers QA routes outside a scenario with scenario_required: its clock is the real one', async () => {
    for (const [method, path] of [
      ['GET', '/api/test/clock'],
      ['GET', '/api/test/personas'],
      ['GET', '/api/test/mailbox'],
    ] as const) {
      expect((await call(method, path)).body.code, path).toBe('scenario_required');
    }
    const clock = (await call('GET', '/api/clock')).body;
    expect(clock.testClock).toBe(false);
    expect(Math.abs(clock.now - Math.floor(Date.now() / 1000))).toBeLessThan(60);
  });

  it('makes scenarios with a chosen id once, refuses an unbillable one, and lists them', async () => {
    expect((await call('POST', '/api/test/scenarios', { body: { name: 'demo', id: 'chosen-1' } })).status).toBe(201);
    const again = await call('POST', '/api/test/scenarios', { body: { name: 'demo', id: 'chosen-1' } });
    expect(again).toMatchObject({ status: 409, body: { code: 'scenario_exists', field: 'id' } });
    const unbillable = await call('POST', '/api/test/scenarios', {
      body: { scenario: { ...SOLO.scenario, accounts: [teamAccount('solo', 'team', 'basic', 'EUR')] } },
    });
    expect(unbillable).toMatchObject({ status: 422, body: { code: 'invalid_scenario' } });
    const list = (await call('GET', '/api/test/scenarios')).body;
    expect(list.names).toContain('demo');
    expect(list.scenarios.map((s: Json) => s.id)).toContain('chosen-1');
    const one = (await call('GET', '/api/test/scenarios/chosen-1')).body;
    expect(one).toMatchObject({ id: 'chosen-1', name: 'demo', clock: { iso: '2026-11-15T10:00:00Z' } });
    expect(one.personas.map((p: Json) => p.email)).toContain('maria@northwind.example');
  });

  it('reopens a scenario from its folder, clock and all, after the process that made it is gone', async () => {
    const a = await made();
    await call('PUT', '/api/test/clock', { scenario: a, body: { at: '2026-11-16T00:00:00Z' } });
    const other = new ScenarioRegistry({ env, wall: systemWallClock, pdfPool: pool });
    try {
      await registry.delete('chosen-1');
      const world = await other.get(a);
      expect(world?.system.deps.clock.now()).toBe(Date.parse('2026-11-16T00:00:00Z') / 1000);
      expect(await other.get('no-such-scenario')).toBeNull();
      expect(await other.get('../real')).toBeNull();
    } finally {
      await other.close();
    }
  });

  it('lets the operator’s commands work in a scenario, and only there with --scenario', async () => {
    const a = await made();
    const maria = await signIn(a, 'maria@northwind.example');
    const asked = await call('POST', '/api/sales-requests', {
      cookie: maria.cookie,
      csrf: maria.csrf,
      body: {
        planId: 'enterprise',
        seats: 60,
        message: '',
        contactName: 'Maria Chen',
        contactEmail: 'maria@northwind.example',
      },
    });
    expect(asked.status).toBe(201);
    const run = promisify(execFile);
    const cliEnv = {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_FILE: env.DATABASE_FILE,
      ...(env.DATABASE_URL ? { DATABASE_URL: env.DATABASE_URL } : {}),
      SCENARIOS_DIR: env.SCENARIOS_DIR,
    };
    const sales = ['--import', 'tsx', new URL('../cli/sales.ts', import.meta.url).pathname, 'list'];
    expect((await run(process.execPath, [...sales, '--scenario', a], { env: cliEnv })).stdout).toContain(
      asked.body.salesRequest.id,
    );
    expect((await run(process.execPath, sales, { env: cliEnv })).stdout).toContain('No customer has asked sales yet.');
    await expect(run(process.execPath, [...sales, '--scenario', 'nope'], { env: cliEnv })).rejects.toMatchObject({
      code: 2,
    });
  });

  it('documents the scenario routes beside the world’s', async () => {
    const { paths } = (await call('GET', '/api/openapi.json')).body;
    for (const path of [
      '/api/test/scenarios',
      '/api/test/scenarios/{id}',
      '/api/test/clock/advance',
      '/api/test/mailbox',
      '/api/test/mailbox/{messageId}',
      '/api/quotes',
    ]) {
      expect(paths[path], path).toBeDefined();
    }
  });
});

/** A call on this instance (A) or the other (B), which share the scenarios' folder and database. */
const A = false;
const B = true;
const at = (other: boolean, method: string, path: string, scenario?: string, body?: unknown) =>
  call(method, path, { other, ...(scenario ? { scenario } : {}), ...(body === undefined ? {} : { body }) });
const personas = async (other: boolean, id: string) =>
  ((await at(other, 'GET', `/api/test/scenarios/${id}`)).body.personas as { email: string }[]).map((p) => p.email);

describe('a scenario used by two instances', () => {
  it('is made on one and used on the other, which sees its clock moved and its reset there', async () => {
    const created = await at(A, 'POST', '/api/test/scenarios', undefined, { name: 'demo' });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await at(B, 'GET', '/api/test/clock', id)).body.iso).toBe('2026-11-15T10:00:00Z');

    // Moved on A while open on B: B's next request reads the moved clock.
    expect((await at(A, 'PUT', '/api/test/clock', id, { at: '2026-11-16T00:00:00Z' })).status).toBe(200);
    expect((await at(B, 'GET', '/api/test/clock', id)).body.iso).toBe('2026-11-16T00:00:00Z');
    expect((await at(B, 'PUT', '/api/test/clock', id, { at: '2026-11-17T00:00:00Z' })).status).toBe(200);
    expect((await at(A, 'GET', '/api/test/clock', id)).body.iso).toBe('2026-11-17T00:00:00Z');

    // Reset on B to another scenario: A answers with its book, its clock and its people.
    const reset = await at(B, 'POST', '/api/test/reset', id, SOLO);
    expect(reset.status).toBe(200);
    expect((await at(A, 'GET', '/api/test/clock', id)).body.iso).toBe('2026-06-10T00:00:00Z');
    expect(await personas(A, id)).toEqual(await personas(B, id));
    expect(await personas(A, id)).not.toContain('maria@northwind.example');
  });

  it('reset on one to an earlier world: a maintenance pass on the other does not renew at the clock it had', async () => {
    const id = (await at(A, 'POST', '/api/test/scenarios', undefined, { name: 'demo' })).body.id as string;
    // Open on B at the demo's clock, months after the SOLO world's first period ends.
    expect((await at(B, 'GET', '/api/test/clock', id)).body.iso).toBe('2026-11-15T10:00:00Z');
    const onB = await otherRegistry.get(id);
    // B's first pass, made when its world opened, is over (passes take turns).
    await onB?.system.maintain();
    expect((await at(A, 'POST', '/api/test/reset', id, SOLO)).status).toBe(200);
    const solo = async () => (await registry.get(id))?.system.store.accounts.loadBillingState('solo');
    const before = await solo();

    // B's background pass, before any request has reached B since the reset. (On SQLite a reset
    // makes a new file, which B's stale world does not see; on PostgreSQL it is the same schema.)
    await onB?.system.maintain();
    expect((await solo())?.version).toBe(before?.version);
    expect((await at(B, 'GET', '/api/test/clock', id)).body.iso).toBe('2026-06-10T00:00:00Z');
  });

  it('deleted on one, is gone on the other at once, and its world there is closed', async () => {
    const id = (await at(A, 'POST', '/api/test/scenarios', undefined, { name: 'demo' })).body.id as string;
    expect((await at(B, 'GET', '/api/test/clock', id)).status).toBe(200);
    expect((await at(A, 'DELETE', `/api/test/scenarios/${id}`)).status).toBe(204);
    const gone = await at(B, 'GET', '/api/test/clock', id);
    expect(gone.body.code).toBe('scenario_not_found');
    await otherRegistry.closeDeleted();
    expect((await at(B, 'GET', `/api/test/scenarios/${id}`)).status).toBe(404);
  });

  it('deleted and made again under the same id on one, is the new one on the other', async () => {
    const id = 'shared-again';
    expect((await at(A, 'POST', '/api/test/scenarios', undefined, { name: 'demo', id })).status).toBe(201);
    await at(B, 'PUT', '/api/test/clock', id, { at: '2026-12-01T00:00:00Z' });
    expect((await at(A, 'DELETE', `/api/test/scenarios/${id}`)).status).toBe(204);
    expect((await at(A, 'POST', '/api/test/scenarios', undefined, { name: 'demo', id })).status).toBe(201);
    // B had the old world open: it serves the new one, on the new one's clock.
    expect((await at(B, 'GET', '/api/test/clock', id)).body.iso).toBe('2026-11-15T10:00:00Z');
  });
});
