import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { createApp } from '../app';
import { type System, startSystem } from '../bootstrap';
import { wallNow } from '../clock';
import { type Env, readEnv } from '../env';
import { metricsEndpoint } from '../observability/metrics-route';
import type { PrometheusMetrics } from '../observability/prometheus-metrics';
import { SimulatedPaymentProvider } from '../payments/simulated-provider';
import { worldChargeLedger } from '../payments/world-charge-ledger';
import { demoScenario } from '../scenarios';
import { localClaimPolicy } from '../store/claim-policy';
import { openStore, type StoreDatabase } from '../store/open-store';
import type { Store } from '../store/store';
import { ScenarioBook } from '../worlds/scenario-book';
import { freshPgDatabase, testDatabase } from './pg-test-database';
import { pgTestSql } from './pg-test-sql';
import { sqliteTestSql } from './sqlite-test-sql';
import type { TestSql } from './test-sql';

export const DEMO_PASSWORD = 'planshift-demo';

/** A response body as tests read it: its shape is what the assertions check. */
// biome-ignore lint/suspicious/noExplicitAny: tests navigate JSON freely and assert what they find
export type Json = Record<string, any>;

export type TestSystem = System &
  Readonly<{
    app: ReturnType<typeof createApp>;
    env: Env;
    payments: SimulatedPaymentProvider;
    dir: string;
    /** The tests' SQL on the store's database, whichever database that is. */
    sql: TestSql;
    /** Another store on the same database, as another BFF process would have: close it when done. */
    openAnotherStore: () => Promise<Readonly<{ store: Store; close: () => Promise<void> }>>;
    dispose: () => Promise<void>;
    /** Signs in and returns a client that sends the session cookie and CSRF token. */
    signIn: (email: string, password?: string) => Promise<Client>;
    anonymous: Client;
  }>;

export type Client = Readonly<{
  request: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Response>;
  json: <T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<{ status: number; body: T }>;
}>;

/**
 * The real app over a fresh database (a SQLite file; with TEST_DATABASE=postgres, a PostgreSQL
 * database of its own on the run's server) seeded with the demo scenario (a scenario's world, without
 * the host that routes to it), with the simulated card processor. In production
 * (NODE_ENV=production) it is the real world: nothing is seeded and there are no QA routes.
 */
export async function startTestSystem(
  options: Readonly<{
    webDist?: string;
    smtpUrl?: string;
    production?: boolean;
    /** Counts into this registry, served at /metrics (behind the token when one is given). */
    metrics?: PrometheusMetrics;
    metricsToken?: string;
    /**
     * A second instance of that system: the same database file, secret and card processor, as
     * several BFF processes behind a proxy have (its dispose leaves the folder to the first).
     */
    beside?: TestSystem;
  }> = {},
): Promise<TestSystem> {
  const { beside } = options;
  const dir = beside?.dir ?? mkdtempSync(join(tmpdir(), 'planshift-test-'));
  const env = readEnv({
    NODE_ENV: options.production ? 'production' : 'test',
    DATABASE_FILE: join(dir, 'planshift.sqlite'),
    // Beside another system: on its database.
    ...(testDatabase() === 'postgres' ? { DATABASE_URL: beside?.env.DATABASE_URL ?? (await freshPgDatabase()) } : {}),
    WEB_DIST: options.webDist ?? join(dir, 'no-web'),
    ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : {}),
    ...(options.production ? { SESSION_SECRET: 'a-test-secret-of-at-least-thirty-two-characters' } : {}),
    ...(beside ? { SESSION_SECRET: beside.env.SESSION_SECRET, INSTANCE_ID: `${beside.env.INSTANCE_ID}+1` } : {}),
  });
  // The processor's records in its table of the world's database, as the server keeps them.
  const payments = beside?.payments ?? new SimulatedPaymentProvider({ ledger: worldChargeLedger(env) });
  // Outside production, the system is a scenario's world made from the demo (docs/decisions/018).
  const scenario = options.production
    ? undefined
    : {
        id: null,
        book: ScenarioBook.inMemory({ id: null, name: 'demo', createdAt: wallNow(), scenario: demoScenario() }),
      };
  const { metrics } = options;
  // Quick password hashes: a run signs in a thousand times (docs/decisions/032).
  const system = await startSystem(env, {
    payments,
    metrics: metrics?.business,
    passwordCost: 'quick',
    ...(scenario ? { scenario } : {}),
  });
  metrics?.watchBacklog(() => system.store.maintenance.backlog());
  const app = createApp(
    system.deps,
    metrics
      ? {
          ...system,
          httpMetrics: metrics.http,
          metricsEndpoint: metricsEndpoint(metrics.registry, options.metricsToken),
        }
      : system,
  );

  const client = (cookie: string | null, csrfToken: string | null): Client => {
    const request: Client['request'] = async (method, path, body, headers = {}) => {
      const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
      return app.request(path, {
        method,
        headers: {
          ...(text === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) }),
          ...(cookie ? { cookie } : {}),
          ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
          ...headers,
        },
        body: text,
      });
    };
    return {
      request,
      json: async (method, path, body, headers) => {
        const response = await request(method, path, body, headers);
        const text = await response.text();
        return { status: response.status, body: text ? JSON.parse(text) : null };
      },
    };
  };

  const anonymous = client(null, null);
  return {
    ...system,
    app,
    env,
    payments,
    dir,
    sql: storeSql(system.database),
    openAnotherStore: async () => {
      const other = await openStore(env, localClaimPolicy());
      return { store: other.store, close: other.close };
    },
    anonymous,
    dispose: async () => {
      await system.close();
      if (!beside) {
        payments.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
    signIn: async (email, password = DEMO_PASSWORD) => {
      const response = await anonymous.request('POST', '/api/session', { email, password });
      if (response.status !== 200) throw new Error(`sign-in as ${email} answered ${response.status}`);
      const cookie = response.headers.get('set-cookie')?.split(';')[0] ?? null;
      const { csrfToken } = (await response.json()) as { csrfToken: string };
      return client(cookie, csrfToken);
    },
  };
}

/** The tests' SQL on the store's own connection (SQLite's, whose count of changes is the store's) or pool. */
function storeSql(database: StoreDatabase): TestSql {
  return database.dialect === 'sqlite'
    ? sqliteTestSql(database.db.$client, { storeConnection: true })
    : pgTestSql(database.db.$client, database.url);
}

/** The demo world for a test file: one system, reset to the demo scenario (processor included) before each test. */
export function useDemoSystem(): () => TestSystem {
  let system: TestSystem | undefined;
  beforeAll(async () => {
    system = await startTestSystem();
  });
  afterAll(() => system?.dispose());
  beforeEach(async () => {
    if (!system) throw new Error('the test system did not start');
    system.payments.reset();
    const reset = await system.anonymous.json('POST', '/api/test/reset', { name: 'demo' });
    if (reset.status !== 200) throw new Error(`reset answered ${reset.status}`);
  });
  return () => {
    if (!system) throw new Error('the test system did not start');
    return system;
  };
}
