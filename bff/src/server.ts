import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { startSystem } from './bootstrap';
import { systemWallClock } from './clock';
import { PdfWorkerPool } from './documents/pdf-worker-pool';
import { readEnv } from './env';
import { createLogger } from './observability/logger';
import { metricsEndpoint } from './observability/metrics-route';
import { PrometheusMetrics } from './observability/prometheus-metrics';
import { onShutdownSignals } from './ops/graceful-shutdown';
import { Readiness } from './ops/readiness';
import { namedScenario } from './scenarios';
import { createHost } from './worlds/host';
import { ScenarioRegistry } from './worlds/scenario-registry';
import { REAL_WORLD_JOBS, startJobs } from './worlds/world-jobs';

const env = readEnv();
const log = createLogger(env.LOG_LEVEL);
process.on('uncaughtException', (error) => {
  log.fatal({ err: error }, 'uncaught exception');
  process.exit(1);
});

const metrics = new PrometheusMetrics();
const pdfPool = new PdfWorkerPool();
const real = await startSystem(env, { pdfPool, log, metrics: metrics.business });
metrics.watchBacklog(() => real.store.maintenance.backlog());
const readiness = new Readiness(() => real.store.maintenance.ping());
const realApp = createApp(real.deps, {
  ...real,
  readiness,
  httpMetrics: metrics.http,
  metricsEndpoint: metricsEndpoint(metrics.registry, env.METRICS_TOKEN),
});
const stopRealJobs = startJobs(real, REAL_WORLD_JOBS);

// Outside production the BFF also hosts scenarios' worlds (docs/decisions/018), among them the
// development portal's own, made from SEED_SCENARIO when missing. They log and count with the real world.
const registry =
  env.NODE_ENV === 'production'
    ? null
    : new ScenarioRegistry({
        env,
        wall: systemWallClock,
        pdfPool,
        log,
        metrics: metrics.business,
        httpMetrics: metrics.http,
      });
if (registry && !(await registry.get(env.SEED_SCENARIO))) {
  const scenario = namedScenario(env.SEED_SCENARIO);
  if (!scenario) throw new Error(`unknown SEED_SCENARIO ${env.SEED_SCENARIO}`);
  await registry.create({ name: env.SEED_SCENARIO, scenario }, env.SEED_SCENARIO);
}
const sweep = registry ? setInterval(() => void registry.sweep(env.SEED_SCENARIO), 60_000) : null;
sweep?.unref();
// Instances sharing the scenarios' folder (docs/decisions/027): a scenario deleted on one is closed on the others soon.
const closeDeleted = registry ? setInterval(() => void registry.closeDeleted(), 2_000) : null;
closeDeleted?.unref();
const app = registry
  ? createHost(realApp, registry, { defaultScenario: env.SEED_SCENARIO, log, httpMetrics: metrics.http })
  : realApp;

// PostgreSQL's host and database, never its password; or the SQLite file.
const databaseName = env.DATABASE_URL
  ? `postgres ${new URL(env.DATABASE_URL).host}${new URL(env.DATABASE_URL).pathname}`
  : env.DATABASE_FILE;
// Outside production each answer names the instance that gave it: behind a proxy, tests see that
// their requests are spread over the instances (a production answer tells nothing of its host).
const answeredBy = env.NODE_ENV === 'production' ? null : env.INSTANCE_ID;
const server = serve(
  {
    // Once shutting down, every answer closes its connection: a keep-alive client sends nothing more on it.
    fetch: async (request, bindings) => {
      const response = await app.fetch(request, bindings);
      return readiness.shuttingDown ? withHeaders(response, [['Connection', 'close']]) : response;
    },
    hostname: env.HOST,
    port: env.PORT,
  },
  (info) => {
    log.info(
      { address: info.address, port: info.port, database: databaseName, nodeEnv: env.NODE_ENV },
      `Planshift listening on http://${info.address}:${info.port}`,
    );
  },
) as Server;
// Node closes an idle keep-alive connection after 5 s by default; a client that sends on it just
// then gets ECONNRESET (it happened to the e2e suite's request context). Keep idle connections
// longer than clients and proxies do, so they are the ones to close them.
Object.assign(server, { keepAliveTimeout: 65_000, headersTimeout: 66_000 });
// Set on Node's response before the app answers, which its headers join: set on the app's
// Response afterwards, it made a Fetch Headers object of every answer's headers, a few percent of a quote.
if (answeredBy) server.prependListener('request', (_request, response) => response.setHeader('X-Instance', answeredBy));

onShutdownSignals({
  server,
  readiness,
  log,
  timeoutMs: env.SHUTDOWN_TIMEOUT_SECONDS * 1000,
  finishWork: async () => {
    if (sweep) clearInterval(sweep);
    if (closeDeleted) clearInterval(closeDeleted);
    await Promise.all([registry?.close(), stopRealJobs()]);
  },
  close: async () => {
    await real.close();
    await pdfPool.close();
  },
  exit: (code) => process.exit(code),
});

function withHeaders(response: Response, headers: readonly [string, string][]): Response {
  if (headers.length === 0) return response;
  try {
    for (const [name, value] of headers) response.headers.set(name, value);
    return response;
  } catch {
    // A copy: some responses' headers are immutable (Response.redirect's).
    const copy = new Response(response.body, response);
    for (const [name, value] of headers) copy.headers.set(name, value);
    return copy;
  }
}
