// The machine's ceiling: a bare Hono JSON route on the same Node server adapter as the BFF.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono().get('/json', (c) => c.json({ status: 'ok', now: 1_700_000_000 }));
serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(process.env.PORT) });
