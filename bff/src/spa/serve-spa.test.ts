import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../http/app-env';
import { securityHeaders } from '../http/security-headers';
import { mountSpa } from './serve-spa';

// A built SPA as the web build leaves it: each file with its brotli and gzip copies, except a
// file too small to gain from compression.
const INDEX = `<!doctype html><title>Planshift</title>${'<meta name="x" content="padding">'.repeat(20)}`;
const SCRIPT = `console.log(${JSON.stringify('the account page '.repeat(200))});`;
const dist = mkdtempSync(join(tmpdir(), 'planshift-spa-'));
mkdirSync(join(dist, 'assets'));
function writeBuilt(name: string, content: string, compressed = true): void {
  writeFileSync(join(dist, name), content);
  if (!compressed) return;
  writeFileSync(join(dist, `${name}.br`), brotliCompressSync(content));
  writeFileSync(join(dist, `${name}.gz`), gzipSync(content));
}
writeBuilt('index.html', INDEX);
writeBuilt('assets/index-abc123.js', SCRIPT);
writeBuilt('assets/tiny-def456.js', 'x', false);
writeFileSync(join(dist, 'secret.txt'), 'outside the assets');
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const app = new Hono<AppEnv>();
app.use(securityHeaders);
mountSpa(app, dist);

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  app.request(path, { method, headers });
const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe('the SPA’s files on the wire', () => {
  it('sends brotli when the browser accepts it, with the type and length of what is sent', async () => {
    const response = await get('/assets/index-abc123.js', { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    const body = await bytes(response);
    expect(Number(response.headers.get('content-length'))).toBe(body.length);
    expect(body.length).toBeLessThan(SCRIPT.length / 10);
    expect(brotliDecompressSync(body).toString()).toBe(SCRIPT);
  });

  it('falls back to gzip when brotli is not accepted or is refused', async () => {
    for (const accept of ['gzip, deflate', 'br;q=0, gzip', 'br;q=0.5, gzip;q=0.9']) {
      const response = await get('/assets/index-abc123.js', { 'Accept-Encoding': accept });
      expect(response.headers.get('content-encoding'), accept).toBe('gzip');
      const body = await bytes(response);
      expect(Number(response.headers.get('content-length')), accept).toBe(body.length);
      expect(gunzipSync(body).toString(), accept).toBe(SCRIPT);
    }
  });

  it('sends the file as built when no compression is accepted, or every one is refused', async () => {
    for (const accept of [undefined, 'deflate', 'br;q=0, gzip;q=0', 'identity']) {
      const response = await get('/assets/index-abc123.js', accept === undefined ? {} : { 'Accept-Encoding': accept });
      expect(response.status, accept).toBe(200);
      expect(response.headers.get('content-encoding'), accept).toBeNull();
      expect(response.headers.get('vary'), accept).toBe('Accept-Encoding');
      expect(response.headers.get('content-length'), accept).toBe(String(Buffer.byteLength(SCRIPT)));
      expect((await bytes(response)).toString(), accept).toBe(SCRIPT);
    }
  });

  it('sends a file the build left uncompressed as it is, whatever is accepted', async () => {
    const response = await get('/assets/tiny-def456.js', { 'Accept-Encoding': 'br, gzip' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(await response.text()).toBe('x');
  });

  it('answers 406 when identity is refused too and no acceptable coding is held', async () => {
    const response = await get('/assets/tiny-def456.js', { 'Accept-Encoding': 'br, identity;q=0' });
    expect(response.status).toBe(406);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('lets the browser keep hashed assets for good', async () => {
    for (const accept of ['br', 'gzip', 'identity']) {
      const response = await get('/assets/index-abc123.js', { 'Accept-Encoding': accept });
      expect(response.headers.get('cache-control'), accept).toBe('public, max-age=31536000, immutable');
    }
  });

  it('answers 404 for a file missing under /assets, never index.html', async () => {
    for (const path of [
      '/assets/index-old999.js',
      '/assets/',
      '/assets/nested/missing.css',
      '/assets/index-abc123.js.br',
      '/assets/index-abc123.js.gz',
      '/assets/..%2findex.html',
      '/assets/..%5csecret.txt',
      '/assets/%E0%A4%A',
    ]) {
      const response = await get(path, { 'Accept-Encoding': 'br, gzip' });
      expect(response.status, path).toBe(404);
      expect(response.headers.get('cache-control'), path).toBe('no-store');
      expect(await response.text(), path).not.toContain('<title>Planshift</title>');
    }
  });
});

describe('index.html and the client routes', () => {
  it('answers the page for every client route, compressed, to be revalidated on each use', async () => {
    for (const path of ['/', '/index.html', '/change/plan', '/documents']) {
      const response = await get(path, { 'Accept-Encoding': 'gzip, br' });
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-encoding'), path).toBe('br');
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
      expect(response.headers.get('etag'), path).toMatch(/^"[^"]+"$/);
      expect(response.headers.get('last-modified'), path).not.toBeNull();
      expect(brotliDecompressSync(await bytes(response)).toString(), path).toBe(INDEX);
    }
  });

  it('answers 304 to If-None-Match with the tag it sent, for the page and the client routes', async () => {
    const first = await get('/', { 'Accept-Encoding': 'br' });
    const etag = first.headers.get('etag') ?? '';
    for (const path of ['/', '/change/plan']) {
      for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
        const again = await get(path, { 'Accept-Encoding': 'br', 'If-None-Match': ifNoneMatch });
        expect(again.status, `${path} ${ifNoneMatch}`).toBe(304);
        expect(again.headers.get('etag')).toBe(etag);
        expect(again.headers.get('cache-control')).toBe('no-cache');
        expect(again.headers.get('vary')).toBe('Accept-Encoding');
        expect(await again.text()).toBe('');
      }
    }
  });

  it('sends the page again when the tag is another one, or another coding’s', async () => {
    const brotli = (await get('/', { 'Accept-Encoding': 'br' })).headers.get('etag') ?? '';
    const stale = await get('/', { 'Accept-Encoding': 'br', 'If-None-Match': '"old"' });
    expect(stale.status).toBe(200);
    const gzip = await get('/', { 'Accept-Encoding': 'gzip', 'If-None-Match': brotli });
    expect(gzip.status).toBe(200);
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gzip.headers.get('etag')).not.toBe(brotli);
  });

  it('answers 304 to If-Modified-Since when no If-None-Match is sent', async () => {
    const first = await get('/', { 'Accept-Encoding': 'br' });
    const lastModified = first.headers.get('last-modified') ?? '';
    expect((await get('/', { 'Accept-Encoding': 'br', 'If-Modified-Since': lastModified })).status).toBe(304);
    const before = new Date(Date.parse(lastModified) - 1000).toUTCString();
    expect((await get('/', { 'Accept-Encoding': 'br', 'If-Modified-Since': before })).status).toBe(200);
    const withTag = { 'Accept-Encoding': 'br', 'If-Modified-Since': lastModified, 'If-None-Match': '"old"' };
    expect((await get('/', withTag)).status).toBe(200);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const response = await get('/', { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('content-length')).toBe(String(brotliCompressSync(INDEX).length));
    expect(await response.text()).toBe('');
  });

  it('keeps the security headers on every answer, a 304 included: a page the full set, a file what applies to a file', async () => {
    const etag = (await get('/', { 'Accept-Encoding': 'br' })).headers.get('etag') ?? '';
    for (const response of [
      await get('/change/plan', { 'Accept-Encoding': 'br' }),
      await get('/', { 'Accept-Encoding': 'br', 'If-None-Match': etag }),
    ]) {
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
    for (const response of [
      await get('/assets/index-abc123.js', { 'Accept-Encoding': 'gzip' }),
      await get('/assets/missing.js'),
    ]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(response.headers.get('content-security-policy')).toBeNull();
    }
  });
});

describe('while a build replaces web/dist', () => {
  it('answers 503, not to be kept, when the page is gone', async () => {
    const building = mkdtempSync(join(tmpdir(), 'planshift-spa-building-'));
    try {
      writeFileSync(join(building, 'index.html'), INDEX);
      const during = new Hono<AppEnv>();
      mountSpa(during, building);
      rmSync(join(building, 'index.html'));
      const response = await during.request('/change/plan');
      expect(response.status).toBe(503);
      expect(response.headers.get('cache-control')).toBe('no-store');
    } finally {
      rmSync(building, { recursive: true, force: true });
    }
  });
});
