import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCENARIO_COOKIE, SCENARIO_HEADER } from '@planshift/shared/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { systemWallClock } from '../clock';
import { PdfWorkerPool } from '../documents/pdf-worker-pool';
import { startTestSystem, type TestSystem } from '../testing/test-system';
import { createHost } from '../worlds/host';
import { ScenarioRegistry } from '../worlds/scenario-registry';
import { Readiness } from './readiness';

let system: TestSystem;
beforeAll(async () => {
  system = await startTestSystem();
});
afterAll(() => system?.dispose());

describe('liveness and readiness', () => {
  it('answers both while the database answers', async () => {
    expect(await system.anonymous.json('GET', '/api/health')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await system.anonymous.json('GET', '/api/ready')).toEqual({ status: 200, body: { status: 'ready' } });
  });

  it('is not ready once shutting down, and still alive', async () => {
    const readiness = new Readiness(() => system.store.maintenance.ping());
    const app = createApp(system.deps, { ...system, readiness });
    readiness.shutDown();
    const ready = await app.request('/api/ready');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'not_ready', reason: 'shutting_down' });
    expect((await app.request('/api/health')).status).toBe(200);
  });

  it('is not ready while the database does not answer, and still alive', async () => {
    const other = await startTestSystem();
    try {
      // Closed under the system: SQLite's file, or PostgreSQL's pool.
      if (other.database.dialect === 'sqlite') other.database.db.$client.close();
      else await other.database.db.$client.end();
      const ready = await other.app.request('/api/ready');
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'not_ready', reason: 'database_unavailable' });
      expect((await other.app.request('/api/health')).status).toBe(200);
    } finally {
      await other.dispose();
    }
  });

  it('are in the API document, with their answers', async () => {
    const { body } = await system.anonymous.json<{ paths: Record<string, { get: { responses: object } }> }>(
      'GET',
      '/api/openapi.json',
    );
    expect(Object.keys(body.paths['/api/health']?.get.responses ?? {})).toEqual(['200']);
    expect(Object.keys(body.paths['/api/ready']?.get.responses ?? {})).toEqual(['200', '503']);
  });

  it('are the real world’s behind the scenario host, whatever scenario a request names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planshift-health-'));
    const pool = new PdfWorkerPool();
    const registry = new ScenarioRegistry({
      env: { ...system.env, SCENARIOS_DIR: join(dir, 'scenarios') },
      wall: systemWallClock,
      pdfPool: pool,
    });
    const readiness = new Readiness(() => system.store.maintenance.ping());
    const host = createHost(createApp(system.deps, { ...system, readiness }), registry, {
      defaultScenario: null,
      log: system.deps.log,
    });
    try {
      const strays: Record<string, string>[] = [
        {},
        { [SCENARIO_HEADER]: 'gone-scenario' },
        { cookie: `${SCENARIO_COOKIE}=gone` },
      ];
      for (const headers of strays) {
        expect((await host.request('/api/health', { headers })).status).toBe(200);
        expect((await host.request('/api/ready', { headers })).status).toBe(200);
      }
      readiness.shutDown();
      expect((await host.request('/api/ready', { headers: { [SCENARIO_HEADER]: 'gone-scenario' } })).status).toBe(503);
    } finally {
      await registry.close();
      await pool.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
