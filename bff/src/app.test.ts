import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from './app';

const webDist = mkdtempSync(join(tmpdir(), 'planshift-web-'));
mkdirSync(join(webDist, 'assets'));
writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Planshift</title>');
writeFileSync(join(webDist, 'assets', 'main-abc123.js'), 'console.log(1)');
afterAll(() => rmSync(webDist, { recursive: true, force: true }));

const app = createApp({ env: { NODE_ENV: 'test', WEB_DIST: webDist } });

describe('app shell', () => {
  it('answers the health check with secure headers', async () => {
    const response = await app.request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  it('answers unknown API routes with a JSON 404, not the SPA', async () => {
    const response = await app.request('/api/nope');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'not_found' });
  });

  it('serves hashed assets as immutable and client routes as index.html', async () => {
    const asset = await app.request('/assets/main-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');

    const deepLink = await app.request('/change/plan');
    expect(deepLink.status).toBe(200);
    expect(await deepLink.text()).toContain('<title>Planshift</title>');
  });

  it('says the SPA is missing instead of serving nothing', async () => {
    const bare = createApp({ env: { NODE_ENV: 'test', WEB_DIST: join(webDist, 'missing') } });
    const response = await bare.request('/');
    expect(response.status).toBe(503);
  });
});
