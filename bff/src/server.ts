import { serve } from '@hono/node-server';
import { createApp } from './app';
import { startSystem } from './bootstrap';
import { readEnv } from './env';

const env = readEnv();
const system = await startSystem(env);
const app = createApp(system.deps, system);

const server = serve({ fetch: app.fetch, hostname: env.HOST, port: env.PORT }, (info) => {
  console.log(`Planshift listening on http://${info.address}:${info.port} (database ${env.DATABASE_FILE})`);
});

// Expired sessions, quotes and idempotency keys (kept 48 hours), and sign-in failures no longer
// remembered, are swept hourly.
const sweep = setInterval(() => {
  system.deps.store.maintenance
    .purgeExpired({ wallNow: system.deps.wall.now(), clockNow: system.deps.clock.now() })
    .catch((error) => console.error(error));
  system.signInThrottle.purge().catch((error) => console.error(error));
}, 3600_000);
sweep.unref();

// Period ends: once at start (catching up whatever ended while stopped), then every minute, each
// pass first finishing orders whose owner is gone (a lapsed claim, docs/decisions/006).
const maintain = () => system.maintain().catch((error) => console.error('maintenance pass failed', error));
void maintain();
setInterval(maintain, 60_000).unref();
// E-mail queued by changes, renewals and provisioning: sent within seconds of the commit.
system.mail.dispatcher.start(5_000);
// PDFs of documents issued without one (seeded history, renewals, changes), rendered in a worker.
system.pendingPdfs.start(5_000);

function shutdown() {
  server.close(async () => {
    await system.mail.dispatcher.stop();
    await system.pendingPdfs.stop();
    system.close();
    process.exit(0);
  });
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
