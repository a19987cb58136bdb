import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Context, Hono } from 'hono';
import { getMimeType } from 'hono/utils/mime';
import type { AppEnv } from '../http/app-env';
import { type BuiltFile, findBuiltFile } from './built-file';
import { isNotModified } from './conditional-request';
import { chooseContentCoding } from './content-coding';

// Vite content-hashes every file under /assets: a new build names a changed file anew, so a
// browser may keep one for good. Anything else (index.html above all) is checked on every use.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
// Files vanish from web/dist only while a build replaces it.
const BEING_BUILT = 'The web app is being built; try again.';

/**
 * Serves the built SPA from `webDist`, each file in the smallest coding the browser accepts
 * (the brotli and gzip copies the web build wrote beside it): /assets/* exactly as built (404
 * for a file that is not there), any other path the file it names or else index.html, so
 * that client-side routes survive a reload.
 */
export function mountSpa(app: Hono<AppEnv>, webDist: string): void {
  const root = resolve(webDist);
  if (!existsSync(join(root, 'index.html'))) {
    app.get('*', (c) => c.text('The web app is not built: run `npm run build -w web`.', 503));
    return;
  }
  app.get('/assets/*', async (c) => {
    const file = await findBuiltFile(root, c.req.path);
    return file ? send(c, file, IMMUTABLE) : notServed(c, 404, 'No such file.');
  });
  app.get('*', async (c) => {
    const file = (await findBuiltFile(root, c.req.path)) ?? (await findBuiltFile(root, 'index.html'));
    return file ? send(c, file, REVALIDATE) : notServed(c, 503, BEING_BUILT);
  });
}

async function send(c: Context<AppEnv>, file: BuiltFile, cacheControl: string): Promise<Response> {
  c.header('Vary', 'Accept-Encoding');
  const coding = chooseContentCoding(c.req.header('Accept-Encoding'), new Set(file.compressed.keys()));
  if (coding === null) return notServed(c, 406, 'Every coding of this file was refused (Accept-Encoding).');
  const sent = coding === 'identity' ? file : (file.compressed.get(coding) ?? file);

  // Each coding is its own representation, so its own tag: size and time of what is sent.
  const etag = `"${sent.size.toString(36)}-${sent.modified.getTime().toString(36)}-${coding}"`;
  c.header('Cache-Control', cacheControl);
  c.header('ETag', etag);
  c.header('Last-Modified', sent.modified.toUTCString());
  const validators = { ifNoneMatch: c.req.header('If-None-Match'), ifModifiedSince: c.req.header('If-Modified-Since') };
  if (isNotModified(validators, etag, sent.modified)) return c.body(null, 304);

  c.header('Content-Type', getMimeType(file.path) ?? 'application/octet-stream');
  if (coding !== 'identity') c.header('Content-Encoding', coding);
  // Hono answers HEAD with GET's headers and drops the body, so a HEAD need not read the file.
  if (c.req.method === 'HEAD') {
    c.header('Content-Length', String(sent.size));
    return c.body(null, 200);
  }
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await readFile(sent.path);
  } catch {
    return notServed(c, 503, BEING_BUILT);
  }
  c.header('Content-Length', String(body.length));
  return c.body(body, 200);
}

function notServed(c: Context<AppEnv>, status: 404 | 406 | 503, message: string): Response {
  // An answer that is not the file must not be kept: the file may be there on the next try.
  c.header('Cache-Control', 'no-store');
  return c.text(message, status);
}
