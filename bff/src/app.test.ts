import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from './testing/test-system';

const webDist = mkdtempSync(join(tmpdir(), 'planshift-web-'));
mkdirSync(join(webDist, 'assets'));
writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Planshift</title>');
writeFileSync(join(webDist, 'assets', 'main-abc123.js'), 'console.log(1)');

let system: TestSystem;
let bare: TestSystem;
beforeAll(async () => {
  system = await startTestSystem({ webDist });
  bare = await startTestSystem();
});
afterAll(() => {
  system.dispose();
  bare.dispose();
  rmSync(webDist, { recursive: true, force: true });
});

describe('app shell', () => {
  it('answers the health check with secure headers', async () => {
    const response = await system.app.request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const page = await system.app.request('/');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });

  it('answers unknown API routes with a JSON 404, not the SPA', async () => {
    const response = await system.app.request('/api/nope');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'not_found' });
  });

  it('serves hashed assets as immutable and client routes as index.html', async () => {
    const asset = await system.app.request('/assets/main-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');

    const deepLink = await system.app.request('/change/plan');
    expect(deepLink.status).toBe(200);
    expect(await deepLink.text()).toContain('<title>Planshift</title>');
  });

  it('says the SPA is missing instead of serving nothing', async () => {
    const response = await bare.app.request('/');
    expect(response.status).toBe(503);
  });
});
