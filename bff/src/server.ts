import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { startSystem } from './bootstrap';
import { systemWallClock } from './clock';
import { PdfWorkerPool } from './documents/pdf-worker-pool';
import { readEnv } from './env';
import { namedScenario } from './scenarios';
import { createHost } from './worlds/host';
import { ScenarioRegistry } from './worlds/scenario-registry';
import { REAL_WORLD_JOBS, startJobs } from './worlds/world-jobs';

const env = readEnv();
const pdfPool = new PdfWorkerPool();
const real = await startSystem(env, { pdfPool });
const realApp = createApp(real.deps, real);
const stopRealJobs = startJobs(real, REAL_WORLD_JOBS);

// Outside production the BFF also hosts scenarios' worlds (docs/decisions/018), among them the
// development portal's own, made from SEED_SCENARIO when missing.
const registry = env.NODE_ENV === 'production' ? null : new ScenarioRegistry({ env, wall: systemWallClock, pdfPool });
if (registry && !(await registry.get(env.SEED_SCENARIO))) {
  const scenario = namedScenario(env.SEED_SCENARIO);
  if (!scenario) throw new Error(`unknown SEED_SCENARIO ${env.SEED_SCENARIO}`);
  await registry.create({ name: env.SEED_SCENARIO, scenario }, env.SEED_SCENARIO);
}
const sweep = registry ? setInterval(() => void registry.sweep(env.SEED_SCENARIO), 60_000) : null;
sweep?.unref();
const app = registry ? createHost(realApp, registry, { defaultScenario: env.SEED_SCENARIO }) : realApp;

const server = serve({ fetch: app.fetch, hostname: env.HOST, port: env.PORT }, (info) => {
  console.log(`Planshift listening on http://${info.address}:${info.port} (database ${env.DATABASE_FILE})`);
});
// Node closes an idle keep-alive connection after 5 s by default; a client that sends on it just
// then gets ECONNRESET (it happened to the e2e suite's request context). Keep idle connections
// longer than clients and proxies do, so they are the ones to close them.
Object.assign(server as Server, { keepAliveTimeout: 65_000, headersTimeout: 66_000 });

function shutdown() {
  server.close(async () => {
    if (sweep) clearInterval(sweep);
    await registry?.close();
    await stopRealJobs();
    real.close();
    await pdfPool.close();
    process.exit(0);
  });
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
