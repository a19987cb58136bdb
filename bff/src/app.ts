import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { Env } from './env';

export interface AppDeps {
  env: Pick<Env, 'NODE_ENV' | 'WEB_DIST'>;
}

export interface ApiError {
  code: string;
  message: string;
  field?: string;
}

export function createApp({ env }: AppDeps) {
  const app = new Hono()
    .use(
      secureHeaders({
        contentSecurityPolicy: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
        },
      }),
    )
    .get('/api/health', (c) => c.json({ status: 'ok' as const }));

  app.all('/api/*', (c) => c.json<ApiError>({ code: 'not_found', message: 'No such API route.' }, 404));
  app.onError((error, c) => {
    console.error(error);
    return c.json<ApiError>({ code: 'internal_error', message: 'Something went wrong on our side.' }, 500);
  });

  mountSpa(app, env.WEB_DIST);
  return app;
}

/** Serves the built SPA; any other path gets index.html so client-side routes survive a reload. */
function mountSpa(app: Hono, webDist: string) {
  const indexHtml = join(webDist, 'index.html');
  if (!existsSync(indexHtml)) {
    app.get('*', (c) => c.text('The web app is not built: run `npm run build -w web`.', 503));
    return;
  }
  // Vite content-hashes everything under /assets, so a browser may keep it forever.
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.ok) c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('*', serveStatic({ root: webDist }));
  app.get('*', serveStatic({ path: indexHtml }));
}

export type App = ReturnType<typeof createApp>;
