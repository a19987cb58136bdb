import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { type System, startSystem } from '../bootstrap';
import { systemWallClock } from '../clock';
import { PdfWorkerPool } from '../documents/pdf-worker-pool';
import { readEnv } from '../env';
import { InMemoryChargeLedger } from '../payments/charge-ledger';
import { SimulatedPaymentProvider } from '../payments/simulated-provider';
import { freshPgDatabase, testDatabase } from '../testing/pg-test-database';
import { teamAccount, teamCatalog, teamPlan } from '../testing/scenario-builders';
import type { Json } from '../testing/test-system';
import { createHost } from './host';
import { ScenarioRegistry } from './scenario-registry';

// Two instances' registries on one scenarios folder and one database, as two BFFs behind a proxy
// run (docs/decisions/027): what one does to a scenario, the other sees at its next request.
let dir: string;
let pool: PdfWorkerPool;
let real: System;
const registries: ScenarioRegistry[] = [];
let hosts: ReturnType<typeof createHost>[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'planshift-shared-scenarios-'));
  const env = readEnv({
    NODE_ENV: 'test',
    DATABASE_FILE: join(dir, 'real.sqlite'),
    ...(testDatabase() === 'postgres' ? { DATABASE_URL: await freshPgDatabase() } : {}),
    WEB_DIST: join(dir, 'no-web'),
  });
  pool = new PdfWorkerPool();
  real = await startSystem(env, {
    payments: new SimulatedPaymentProvider({ ledger: new InMemoryChargeLedger() }),
    pdfPool: pool,
  });
  const app = createApp(real.deps, real);
  hosts = ['a', 'b'].map((instance) => {
    const registry = new ScenarioRegistry({
      env: { ...env, INSTANCE_ID: instance },
      wall: systemWallClock,
      pdfPool: pool,
    });
    registries.push(registry);
    return createHost(app, registry, { defaultScenario: null, log: real.deps.log });
  });
});

afterAll(async () => {
  await Promise.all(registries.map((registry) => registry.close()));
  await real.close();
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call(on: 0 | 1, method: string, path: string, scenario?: string, body?: unknown) {
  const text = body === undefined ? undefined : JSON.stringify(body);
  const response = await hosts[on]?.request(path, {
    method,
    headers: {
      ...(scenario ? { 'Planshift-Scenario': scenario } : {}),
      ...(text ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) } : {}),
    },
    body: text,
  });
  if (!response) throw new Error('no host');
  const raw = await response.text();
  return { status: response.status, body: (raw ? JSON.parse(raw) : null) as Json };
}

/** One owner on a monthly plan since 1 June. */
const SOLO = {
  scenario: {
    clock: '2026-06-10T00:00:00Z',
    catalogs: [teamCatalog('team', [teamPlan('basic', 1, { USD: 1000 })])],
    accounts: [teamAccount('solo', 'team', 'basic')],
  },
};

const A = 0;
const B = 1;
const personas = async (on: 0 | 1, id: string) =>
  ((await call(on, 'GET', `/api/test/scenarios/${id}`)).body.personas as { email: string }[]).map((p) => p.email);

describe('a scenario used by two instances', () => {
  it('is made on one and used on the other, which sees its clock moved and its reset there', async () => {
    const made = await call(A, 'POST', '/api/test/scenarios', undefined, { name: 'demo' });
    expect(made.status).toBe(201);
    const id = made.body.id as string;
    expect((await call(B, 'GET', '/api/test/clock', id)).body.iso).toBe('2026-11-15T10:00:00Z');

    // Moved on A while open on B: B's next request reads the moved clock.
    expect((await call(A, 'PUT', '/api/test/clock', id, { at: '2026-11-16T00:00:00Z' })).status).toBe(200);
    expect((await call(B, 'GET', '/api/test/clock', id)).body.iso).toBe('2026-11-16T00:00:00Z');
    expect((await call(B, 'PUT', '/api/test/clock', id, { at: '2026-11-17T00:00:00Z' })).status).toBe(200);
    expect((await call(A, 'GET', '/api/test/clock', id)).body.iso).toBe('2026-11-17T00:00:00Z');

    // Reset on B to another scenario: A answers with its book, its clock and its people.
    const reset = await call(B, 'POST', '/api/test/reset', id, SOLO);
    expect(reset.status).toBe(200);
    expect((await call(A, 'GET', '/api/test/clock', id)).body.iso).toBe('2026-06-10T00:00:00Z');
    expect(await personas(A, id)).toEqual(await personas(B, id));
    expect(await personas(A, id)).not.toContain('maria@northwind.example');
  });

  it('deleted on one, is gone on the other at once, and its world there is closed', async () => {
    const id = (await call(A, 'POST', '/api/test/scenarios', undefined, { name: 'demo' })).body.id as string;
    expect((await call(B, 'GET', '/api/test/clock', id)).status).toBe(200);
    expect((await call(A, 'DELETE', `/api/test/scenarios/${id}`)).status).toBe(204);
    const gone = await call(B, 'GET', '/api/test/clock', id);
    expect(gone.body.code).toBe('scenario_not_found');
    await registries[B]?.closeDeleted();
    expect((await call(B, 'GET', `/api/test/scenarios/${id}`)).status).toBe(404);
  });

  it('deleted and made again under the same id on one, is the new one on the other', async () => {
    const id = 'shared-again';
    expect((await call(A, 'POST', '/api/test/scenarios', undefined, { name: 'demo', id })).status).toBe(201);
    await call(B, 'PUT', '/api/test/clock', id, { at: '2026-12-01T00:00:00Z' });
    expect((await call(A, 'DELETE', `/api/test/scenarios/${id}`)).status).toBe(204);
    expect((await call(A, 'POST', '/api/test/scenarios', undefined, { name: 'demo', id })).status).toBe(201);
    // B had the old world open: it serves the new one, on the new one's clock.
    expect((await call(B, 'GET', '/api/test/clock', id)).body.iso).toBe('2026-11-15T10:00:00Z');
  });
});
