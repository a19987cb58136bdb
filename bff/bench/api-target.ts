// What `npm run bench:api` loads: one or more BFF processes on one database (a SQLite file, or a
// throwaway PostgreSQL cluster), each hosting the bench's scenario world, with a signed-in session
// per account written straight into the world's tables.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { migratePostgres } from '../src/db/migrate-pg';
import { PgChargeLedger } from '../src/payments/pg-charge-ledger';
import { SimulatedPaymentProvider } from '../src/payments/simulated-provider';
import { SqliteChargeLedger } from '../src/payments/sqlite-charge-ledger';
import type { ScenarioInput } from '../src/scenarios/scenario-schema';
import { hashSessionId } from '../src/session/sessions';
import { signValue } from '../src/session/signed-value';
import { startPgCluster } from '../src/testing/pg-cluster';
import { openPgTestSql } from '../src/testing/pg-test-sql';
import { sqliteTestSql } from '../src/testing/sqlite-test-sql';
import type { TestSql } from '../src/testing/test-sql';
import { scenarioSchema } from '../src/worlds/scenario-schema';
import { pgServerPids } from './cpu-time';
import { type ChildBff, startBff } from './loopback';

export type TargetShape = Readonly<{ name: string; database: 'sqlite' | 'postgres'; instances: number }>;

export type Session = Readonly<{ cookie: string; csrf: string }>;

export type Target = Readonly<{
  shape: TargetShape;
  /** Each instance's base URL: the load generator spreads its connections over them. */
  bases: readonly string[];
  sessions: readonly Session[];
  /** SQLite only: the world's file (what the burst's document list is read from). */
  databaseFile: string | null;
  /** PostgreSQL only: the throwaway cluster's URL and its server log (a profiler counts statements in it). */
  pg: Readonly<{ url: string; log: string }> | null;
  /** Reads the world's tables (the caller closes nothing: `stop` does). */
  withSql: <T>(work: (sql: TestSql, payments: SimulatedPaymentProvider) => Promise<T>) => Promise<T>;
  serverErrors: () => string;
  /** The servers' processes (BFF instances, PostgreSQL's server and its backends) at this moment. */
  serverPids: () => number[];
  stop: () => Promise<void>;
}>;

const BFF = fileURLToPath(new URL('..', import.meta.url));

export async function openTarget(
  shape: TargetShape,
  options: Readonly<{
    scenarioId: string;
    scenario: ScenarioInput;
    accounts: number;
    /** The BFF checkout to run (another worktree's, to compare two versions); this one by default. */
    bffDir?: string;
    /** More environment for the BFF processes (a switch an experiment compares). */
    env?: Record<string, string>;
  }>,
): Promise<Target> {
  const bffDir = options.bffDir ?? BFF;
  const dir = mkdtempSync(join(tmpdir(), 'planshift-bench-'));
  const cluster = shape.database === 'postgres' ? await startPgCluster() : null;
  const children: ChildBff[] = [];
  try {
    if (cluster) await migratePostgres(cluster.url);
    const secret = randomBytes(32).toString('base64url');
    const scenariosDir = join(dir, 'scenarios');
    const env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_FILE: join(dir, 'planshift.sqlite'),
      SCENARIOS_DIR: scenariosDir,
      // One secret for every instance: a session or a quote token from one is honoured by the others.
      SESSION_SECRET: secret,
      // As `npm start` sizes libuv's pool (bff/package.json).
      UV_THREADPOOL_SIZE: '8',
      ...(cluster ? { DATABASE_URL: cluster.url } : {}),
      ...options.env,
    };
    children.push(await startBff(bffDir, env));
    const made = await fetch(`${children[0]?.base}/api/test/scenarios`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: options.scenarioId, scenario: options.scenario }),
    });
    if (!made.ok) throw new Error(`making the scenario failed: ${made.status} ${await made.text()}`);
    // The other instances open the world from its folder and its schema when first asked.
    for (let i = 1; i < shape.instances; i++) children.push(await startBff(bffDir, env));

    const databaseFile = cluster ? null : join(scenariosDir, options.scenarioId, 'planshift.sqlite');
    const schemaUrl = cluster
      ? `${cluster.url}?options=${encodeURIComponent(`-c search_path=${scenarioSchema(options.scenarioId)}`)}`
      : null;
    const sessions = await writeSessions(options.accounts, secret, databaseFile, schemaUrl);

    const withSql = async <T>(work: (sql: TestSql, payments: SimulatedPaymentProvider) => Promise<T>) => {
      if (databaseFile) {
        const db = new Database(databaseFile, { readonly: true });
        try {
          const ledger = SqliteChargeLedger.snapshot(databaseFile);
          return await work(sqliteTestSql(db), new SimulatedPaymentProvider({ ledger }));
        } finally {
          db.close();
        }
      }
      if (!cluster) throw new Error('no database');
      const sql = await openPgTestSql(schemaUrl ?? '', { readonly: true });
      const ledger = new PgChargeLedger(cluster.url, { schema: scenarioSchema(options.scenarioId) });
      try {
        return await work(sql, new SimulatedPaymentProvider({ ledger }));
      } finally {
        await sql.close();
        ledger.close();
      }
    };
    return {
      shape,
      bases: children.map((c) => c.base),
      sessions,
      databaseFile,
      pg: cluster ? { url: cluster.url, log: join(cluster.dir, 'server.log') } : null,
      withSql,
      serverErrors: () => children.map((c) => c.stderr()).join(''),
      serverPids: () => [
        ...children.flatMap((c) => (c.child.pid ? [c.child.pid] : [])),
        ...(cluster ? pgServerPids(join(cluster.dir, 'data')) : []),
      ],
      stop: async () => {
        await stopAll(children);
        await cluster?.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await stopAll(children);
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

async function stopAll(children: readonly ChildBff[]): Promise<void> {
  // SIGINT lets a server started with --cpu-prof (BENCH_PROFILE=1) write its profile.
  const signal = process.env.BENCH_PROFILE ? 'SIGINT' : 'SIGKILL';
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.child.exitCode !== null) return resolve();
          c.child.once('exit', () => resolve());
          c.child.kill(signal);
        }),
    ),
  );
}

/** Sessions written straight into the world: signing in thousands of users would time scrypt, not the API. */
async function writeSessions(
  accounts: number,
  secret: string,
  databaseFile: string | null,
  pgUrl: string | null,
): Promise<Session[]> {
  const now = Math.floor(Date.now() / 1000);
  const rows = Array.from({ length: accounts }, (_, i) => {
    const id = randomBytes(32).toString('base64url');
    const csrf = randomBytes(16).toString('base64url');
    return {
      values: [hashSessionId(id), `u-acct-${i}`, `acct-${i}`, csrf, now, now + 3600] as const,
      session: { cookie: `planshift_session=${encodeURIComponent(signValue(id, secret))}`, csrf },
    };
  });
  const insert =
    'insert into sessions (id_hash, user_id, account_id, csrf_token, created_at, expires_at) values ($1, $2, $3, $4, $5, $6)';
  if (databaseFile) {
    const db = new Database(databaseFile);
    db.pragma('busy_timeout = 5000');
    const statement = db.prepare(insert.replace(/\$\d/g, '?'));
    db.transaction(() => {
      for (const row of rows) statement.run(...row.values);
    })();
    db.close();
  } else if (pgUrl) {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    try {
      await client.query('begin');
      for (const row of rows) await client.query({ name: 'bench-session', text: insert, values: [...row.values] });
      await client.query('commit');
    } finally {
      await client.end();
    }
  }
  return rows.map((row) => row.session);
}
