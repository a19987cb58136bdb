import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app';
import { startTestSystem, type TestSystem } from './testing/test-system';

const webDist = mkdtempSync(join(tmpdir(), 'planshift-web-'));
mkdirSync(join(webDist, 'assets'));
writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Planshift</title>');
writeFileSync(join(webDist, 'assets', 'main-abc123.js'), 'console.log(1)');

// Production needs an SMTP server; this one only counts who calls it (nobody should: serving
// requests sends no mail, the outbox dispatcher does, and it is not started here).
let smtpCalls = 0;
let smtp: Server;

let system: TestSystem;
let bare: TestSystem;
let production: TestSystem;
beforeAll(async () => {
  smtp = createServer((socket) => {
    smtpCalls++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const address = smtp.address();
  const smtpUrl = `smtp://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  system = await startTestSystem({ webDist });
  bare = await startTestSystem();
  production = await startTestSystem({ webDist, production: true, smtpUrl });
});
afterAll(async () => {
  await Promise.all([system.dispose(), bare.dispose(), production.dispose()]);
  smtp.close();
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
    expect((await system.app.request('/assets/main-old999.js')).status).toBe(404);

    const deepLink = await system.app.request('/change/plan');
    expect(deepLink.status).toBe(200);
    expect(await deepLink.text()).toContain('<title>Planshift</title>');
  });

  it('says the SPA is missing instead of serving nothing', async () => {
    const response = await bare.app.request('/');
    expect(response.status).toBe(503);
  });
});

describe('in production', () => {
  it('has no development-only path: each answers 404, never the SPA', async () => {
    for (const [method, path] of [
      ['GET', '/dev'],
      ['GET', '/dev/'],
      ['GET', '/dev/mailbox'],
      ['GET', '/dev/mailbox/'],
      ['GET', '/dev/mailbox/20260101-000000-abc.eml'],
      ['GET', '/dev/mailbox/20260101-000000-abc.eml/attachments/0'],
      ['HEAD', '/dev/mailbox'],
      ['POST', '/dev/anything'],
      ['GET', '/api/dev/mailbox'],
      ['GET', '/api/dev/mailbox/20260101-000000-abc.eml'],
      ['GET', '/api/test/personas'],
      ['GET', '/api/test/clock'],
      ['PUT', '/api/test/clock'],
      ['POST', '/api/test/clock/advance'],
      ['POST', '/api/test/reset'],
    ] as const) {
      const body = method === 'PUT' || method === 'POST' ? '{}' : undefined;
      const headers = body ? { 'content-type': 'application/json', 'content-length': '2' } : undefined;
      const response = await production.app.request(path, { method, headers, body });
      expect(response.status, `${method} ${path}`).toBe(404);
      expect(await response.text(), `${method} ${path}`).not.toContain('<title>Planshift</title>');
    }
    expect(smtpCalls).toBe(0);
  });

  it('still serves the SPA, its client routes and the API', async () => {
    for (const path of ['/', '/change/plan', '/devices']) {
      const page = await production.app.request(path);
      expect(page.status, path).toBe(200);
      expect(await page.text(), path).toContain('<title>Planshift</title>');
    }
    expect((await production.app.request('/api/health')).status).toBe(200);
    const document = (await (await production.app.request('/api/openapi.json')).json()) as { paths: object };
    expect(Object.keys(document.paths).filter((path) => path.startsWith('/api/test'))).toEqual([]);
  });
});

describe('outside production without a development mailbox', () => {
  it('answers 404 for /dev paths rather than the SPA', async () => {
    const app = createApp(system.deps, { scenario: system.scenario });
    for (const path of ['/dev', '/dev/mailbox', '/dev/mailbox/x']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(404);
    }
    expect((await app.request('/api/test/clock')).status).toBe(200);
  });
});
