import { serve } from '@hono/node-server';
import { createApp } from './app';
import { readEnv } from './env';

const env = readEnv();
const app = createApp({ env });

const server = serve({ fetch: app.fetch, hostname: env.HOST, port: env.PORT }, (info) => {
  console.log(`Planshift listening on http://${info.address}:${info.port}`);
});

function shutdown() {
  server.close(() => process.exit(0));
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
