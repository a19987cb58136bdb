import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { InMemoryChargeLedger, type LedgerRecord } from '../payments/charge-ledger';
import { SimulatedPaymentProvider } from '../payments/simulated-provider';
import { SqliteChargeLedger } from '../payments/sqlite-charge-ledger';
import { scenarioSchema } from '../worlds/scenario-schema';
import { checkInvariants } from './invariants';
import { pgTestSql } from './pg-test-sql';
import { readSql } from './sql-of';
import type { TestSql } from './test-sql';
import type { Client, Json } from './test-system';

const BFF = fileURLToPath(new URL('../..', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Waits for a condition, polling: never a fixed sleep. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 30_000, what = 'condition') {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The same reading of answers as the in-process test client. */
export type HttpClient = Pick<Client, 'json'>;

/**
 * Only stops a start that hangs: a start takes under a second on a quiet machine, but much longer
 * on 2 cores shared with other work (a minute was seen at a load of 30 when it ran through tsx).
 */
const START_TIMEOUT_MS = 180_000;

/** Under Vitest, the bundle built for the run (child-bundle-setup.ts); elsewhere the source through tsx. */
const serverArgs = () => {
  const bundle = process.env.CHILD_BFF_BUNDLE;
  return bundle ? [bundle] : ['--import', 'tsx', 'src/server.ts'];
};

/** The scenario the child's requests act in: the demo it makes at its first start (docs/decisions/018). */
const SCENARIO = 'demo';

/** Where a child BFF keeps its data: SQLite files in its folder, or a PostgreSQL database beside them. */
type Shared = Readonly<{
  dir: string;
  /** PostgreSQL's URL (the scenario's world is its schema there), or null: the SQLite file in `dir`. */
  databaseUrl: string | null;
  /**
   * The configured secret, the same at every start and for every instance (as a deployment's):
   * cookies and quotes (docs/decisions/024) signed before a kill, or by another instance, verify.
   */
  secret: string;
}>;

/**
 * With TEST_DATABASE=postgres, a fresh PostgreSQL database of the run's server for a child BFF
 * (loaded only then: it reads Vitest's provided context), else null: the BFF's SQLite files.
 */
async function childDatabaseUrl(): Promise<string | null> {
  if (process.env.TEST_DATABASE !== 'postgres') return null;
  const { freshPgDatabase } = await import('./pg-test-database');
  const url = await freshPgDatabase();
  // The invariant checker's integrity check (pg-test-sql.ts) uses amcheck: made here, where the
  // checker's connections can use it without creating it.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('create extension if not exists amcheck');
  } finally {
    await client.end();
  }
  return url;
}

/**
 * The real BFF (server.ts) as a child process on its own files, acting in its demo scenario, so a
 * test can race it, kill it with SIGKILL at any moment, and start it again on the same files. On
 * PostgreSQL (TEST_DATABASE=postgres) its world is a schema of a database made for the test, and
 * `beside` starts more instances on the same database and folder, each its own INSTANCE_ID and port.
 */
export class ChildBff {
  readonly databaseFile: string;
  #child: ChildProcess | null = null;
  #output = '';

  private constructor(
    private readonly shared: Shared,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {
    // The scenario's world's own files (worlds/scenario-registry.ts lays them out).
    this.databaseFile = join(shared.dir, 'scenarios', SCENARIO, 'planshift.sqlite');
  }

  static async start(dir: string, env: Record<string, string> = {}): Promise<ChildBff> {
    const shared = { dir, databaseUrl: await childDatabaseUrl(), secret: randomBytes(32).toString('base64url') };
    const bff = new ChildBff(shared, await freePort(), env);
    await bff.restart();
    return bff;
  }

  /**
   * Another instance on the same database, folder and secret (PostgreSQL only: one SQLite file
   * has one writing process), with its own port and INSTANCE_ID; started once `other`'s world exists.
   */
  static async beside(other: ChildBff, env: Record<string, string> = {}): Promise<ChildBff> {
    if (!other.shared.databaseUrl) throw new Error('several instances share a PostgreSQL database, not a SQLite file');
    const bff = new ChildBff(other.shared, await freePort(), env);
    await bff.restart();
    return bff;
  }

  get dir(): string {
    return this.shared.dir;
  }

  /** PostgreSQL's URL of the database, or null on SQLite. */
  get databaseUrl(): string | null {
    return this.shared.databaseUrl;
  }

  /** Its instance's name in claims and leases (stable across its restarts). */
  get instanceId(): string {
    return `test-${this.port}`;
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Everything the process printed since it was started last. */
  get output(): string {
    return this.#output;
  }

  /** The environment a process working on the same files needs (the provisioning command, a second BFF). */
  get fileEnv(): Record<string, string> {
    return {
      NODE_ENV: 'test',
      DATABASE_FILE: join(this.dir, 'planshift.sqlite'),
      ...(this.shared.databaseUrl ? { DATABASE_URL: this.shared.databaseUrl } : {}),
      SCENARIOS_DIR: join(this.dir, 'scenarios'),
      SEED_SCENARIO: SCENARIO,
      SESSION_SECRET: this.shared.secret,
    };
  }

  async restart(): Promise<void> {
    this.#output = '';
    const child = spawn(process.execPath, serverArgs(), {
      cwd: BFF,
      env: { ...process.env, ...this.fileEnv, PORT: String(this.port), INSTANCE_ID: this.instanceId, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk) => {
      this.#output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      this.#output += chunk;
    });
    this.#child = child;
    const exited = once(child, 'exit');
    const started = Date.now();
    for (;;) {
      try {
        if ((await fetch(`${this.base}/api/health`)).ok) return;
      } catch {}
      if (child.exitCode !== null || Date.now() - started > START_TIMEOUT_MS) {
        child.kill('SIGKILL');
        await exited;
        throw new Error(`the BFF did not start:\n${this.#output}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** SIGKILL: no shutdown code runs, as in a crash or a power cut of the process. */
  async kill(): Promise<void> {
    const child = this.#child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }

  /** Sends the process a signal (SIGTERM: a graceful shutdown) and answers how it exited. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const child = this.#child;
    if (!child) throw new Error('the BFF was never started');
    if (child.exitCode !== null || child.signalCode !== null) return { code: child.exitCode, signal: child.signalCode };
    const exited = once(child, 'exit');
    child.kill(signal);
    const [code, by] = (await exited) as [number | null, NodeJS.Signals | null];
    return { code, signal: by };
  }

  client(cookie: string | null = null, csrfToken: string | null = null): HttpClient {
    return {
      json: async <T = Json>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
        const response = await fetch(`${this.base}${path}`, {
          method,
          headers: {
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            'planshift-scenario': SCENARIO,
            ...(cookie ? { cookie } : {}),
            ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
            ...headers,
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
      },
    };
  }

  async signIn(email: string, password = 'planshift-demo'): Promise<HttpClient> {
    const { cookie, csrfToken } = await this.session(email, password);
    return this.client(cookie, csrfToken);
  }

  /** A session's cookie and CSRF token: the same session on another instance is `other.client(cookie, csrfToken)`. */
  async session(email: string, password = 'planshift-demo'): Promise<{ cookie: string | null; csrfToken: string }> {
    const response = await fetch(`${this.base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'planshift-scenario': SCENARIO },
      body: JSON.stringify({ email, password }),
    });
    if (response.status !== 200) throw new Error(`sign-in as ${email} answered ${response.status}`);
    const cookie = response.headers.get('set-cookie')?.split(';')[0] ?? null;
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return { cookie, csrfToken };
  }

  /** Reads the database beside the running process (SQLite's WAL lets it; PostgreSQL's MVCC). */
  read<T>(query: (sql: TestSql) => Promise<T>): Promise<T> {
    return this.shared.databaseUrl ? this.#readPg(query) : readSql(this.databaseFile, query);
  }

  /**
   * The processor's records as the database holds them now (read beside the running process, as
   * `read` does): a snapshot, so that checks over it agree.
   */
  async processor(): Promise<SimulatedPaymentProvider> {
    if (!this.shared.databaseUrl) {
      return new SimulatedPaymentProvider({ ledger: SqliteChargeLedger.snapshot(this.databaseFile) });
    }
    return this.#readPg(processorOf);
  }

  /** How many charges the processor has captured so far. */
  capturedCharges(): Promise<number> {
    return this.read((sql) => sql.count(`select count(*) from processor_ledger where status = 'succeeded'`));
  }

  /**
   * Runs a check over the database and the processor's records as they are now (invariants, the
   * money audit). On PostgreSQL both are read in one snapshot (REPEATABLE READ) while instances write.
   */
  async check<T>(check: (sql: TestSql, processor: SimulatedPaymentProvider) => Promise<T>): Promise<T> {
    if (this.shared.databaseUrl) return this.#readPg(async (sql) => check(sql, await processorOf(sql)));
    const processor = await this.processor();
    return this.read((sql) => check(sql, processor));
  }

  invariants(): Promise<string[]> {
    return this.check(checkInvariants);
  }

  /** One connection to the scenario's schema, one REPEATABLE READ transaction, rolled back. */
  async #readPg<T>(query: (sql: TestSql) => Promise<T>): Promise<T> {
    const url = this.shared.databaseUrl as string;
    const client = new pg.Client({
      connectionString: url,
      application_name: 'planshift-test-sql',
      // amcheck's functions are in public (childDatabaseUrl).
      options: `-c search_path=${scenarioSchema(SCENARIO)},public`,
    });
    await client.connect();
    try {
      await client.query('begin isolation level repeatable read');
      return await query(pgTestSql(client, url));
    } finally {
      await client.query('rollback').catch(() => undefined);
      await client.end();
    }
  }

  /** Runs the operator's provisioning command on this BFF's files; answers its exit code and output. */
  async provisioning(...args: string[]): Promise<{ code: number | null; output: string }> {
    return this.startProvisioning(...args).exited;
  }

  /** Starts the operator's provisioning command, to be awaited or killed (SIGKILL) mid-way. */
  startProvisioning(...args: string[]): RunningCommand {
    const cli = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/provisioning.ts', '--scenario', SCENARIO, ...args],
      {
        cwd: BFF,
        env: { ...process.env, ...this.fileEnv },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    cli.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    cli.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    const exited = once(cli, 'exit').then(([code]) => ({ code: code as number | null, output }));
    return {
      exited,
      output: () => output,
      kill: async () => {
        if (cli.exitCode === null && cli.signalCode === null) cli.kill('SIGKILL');
        return exited;
      },
    };
  }

  /** QA reset to an inline scenario (bff/src/scenarios/scenario-schema.ts). */
  async resetTo(scenario: unknown): Promise<void> {
    const reset = await this.client().json('POST', '/api/test/reset', { scenario });
    if (reset.status !== 200) throw new Error(`reset answered ${reset.status}: ${JSON.stringify(reset.body)}`);
  }
}

/** The processor's records read through the tests' SQL: a snapshot in memory. */
async function processorOf(sql: TestSql): Promise<SimulatedPaymentProvider> {
  const rows = await sql.all<{ record: string }>('select record from processor_ledger order by recorded_at, key');
  return new SimulatedPaymentProvider({
    ledger: new InMemoryChargeLedger(rows.map((row) => JSON.parse(row.record) as LedgerRecord)),
  });
}

export type RunningCommand = Readonly<{
  exited: Promise<{ code: number | null; output: string }>;
  /** What it printed so far. */
  output: () => string;
  kill: () => Promise<{ code: number | null; output: string }>;
}>;
