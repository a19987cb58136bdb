// npm run bench:api — load on loopback with autocannon: a bare Hono route (the ceiling), the
// quote endpoint, and confirm (distinct accounts, simulated provider with no delay); then a burst
// of mixed traffic for BENCH_BURST_SECONDS (60), judged by /api/health and confirm p99 (burst.ts).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { SimulatedPaymentProvider } from '../src/payments/simulated-provider';
import { SqliteChargeLedger } from '../src/payments/sqlite-charge-ledger';
import type { ScenarioInput } from '../src/scenarios/scenario-schema';
import { hashSessionId } from '../src/session/sessions';
import { signValue } from '../src/session/signed-value';
import { checkInvariants } from '../src/testing/invariants';
import { teamAccount, teamCatalog, teamPlan } from '../src/testing/scenario-builders';
import { sqliteTestSql } from '../src/testing/sqlite-test-sql';
import { runBurst } from './burst';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
// The two loads alternate and the bar is the median of each round's ratio: this machine's speed
// drifts by half within a minute, so only runs seconds apart are compared with each other.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const CONNECTIONS = 50;
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 6000);
const BURST_SECONDS = Number(process.env.BENCH_BURST_SECONDS ?? 60);
const BFF = fileURLToPath(new URL('..', import.meta.url));
// The flags `npm start` gives the BFF (bff/package.json: a 64 MB young generation from the start,
// so a burst of 4 KB answers is collected in fewer scavenges), given to the bare server alike.
const SERVER_FLAGS = ['--min-semi-space-size=64', '--max-semi-space-size=64'];
const dir = mkdtempSync(join(tmpdir(), 'planshift-bench-'));
// The load runs in a scenario's world (docs/decisions/018): QA's reset acts only in one.
const SCENARIO = 'bench';
const scenariosDir = join(dir, 'scenarios');
const databaseFile = join(scenariosDir, SCENARIO, 'planshift.sqlite');
const secret = randomBytes(32).toString('base64url');
const children: ChildProcess[] = [];
let serverErrors = '';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function start(script: string, port: number, env: Record<string, string> = {}): Promise<string> {
  const profile =
    process.env.BENCH_PROFILE && script.includes('server') ? ['--cpu-prof', '--cpu-prof-dir=/tmp/bench-profile'] : [];
  const child = spawn(process.execPath, [...profile, ...SERVER_FLAGS, '--import', 'tsx', script], {
    cwd: BFF,
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk) => {
    serverErrors += String(chunk);
  });
  children.push(child);
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      await fetch(`${base}/`);
      return base;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${script} did not start`);
}

function scenario(): ScenarioInput {
  return {
    clock: '2026-06-10T12:00:00Z',
    catalogs: [teamCatalog('bench', [teamPlan('team', 1, { USD: 1200 }), teamPlan('business', 2, { USD: 2500 })])],
    accounts: Array.from({ length: ACCOUNTS }, (_, i) => teamAccount(`acct-${i}`, 'bench', 'team')),
  };
}

/** Sessions written straight into the database: signing in 6,000 users would time scrypt, not the API. */
function sessions(): { cookie: string; csrf: string }[] {
  const db = new Database(databaseFile);
  db.pragma('busy_timeout = 5000');
  const insert = db.prepare(
    'insert into sessions (id_hash, user_id, account_id, csrf_token, created_at, expires_at) values (?, ?, ?, ?, ?, ?)',
  );
  const now = Math.floor(Date.now() / 1000);
  const result: { cookie: string; csrf: string }[] = [];
  for (let i = 0; i < ACCOUNTS; i++) {
    const id = randomBytes(32).toString('base64url');
    const csrf = randomBytes(16).toString('base64url');
    insert.run(hashSessionId(id), `u-acct-${i}`, `acct-${i}`, csrf, now, now + 3600);
    result.push({ cookie: `planshift_session=${encodeURIComponent(signValue(id, secret))}`, csrf });
  }
  db.close();
  return result;
}

type Result = autocannon.Result;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (middle === undefined) throw new Error('no runs');
  return middle;
}

async function load(title: string, options: autocannon.Options): Promise<Result> {
  const result = await autocannon({
    connections: CONNECTIONS,
    ...(options.amount ? {} : { duration: SECONDS }),
    ...options,
  });
  const { requests, latency } = result;
  console.log(
    `${title.padEnd(34)} ${requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(latency.p50).padStart(4)} ms   p99 ${String(latency.p99).padStart(4)} ms   errors ${result.errors + result.timeouts}   non-2xx ${result.non2xx}   (${result.requests.total} requests)`,
  );
  return result;
}

const body = (quantity: number) =>
  JSON.stringify({ planId: 'business', interval: { unit: 'month', count: 1 }, quantity, addOns: [] });

try {
  const barePort = await freePort();
  const bffPort = await freePort();
  const bare = await start('bench/bare-server.ts', barePort);
  const bff = await start('src/server.ts', bffPort, {
    NODE_ENV: 'test',
    DATABASE_FILE: join(dir, 'planshift.sqlite'),
    SCENARIOS_DIR: scenariosDir,
    SESSION_SECRET: secret,
    // As `npm start` sizes libuv's pool (bff/package.json).
    UV_THREADPOOL_SIZE: '8',
  });
  const made = await fetch(`${bff}/api/test/scenarios`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: SCENARIO, scenario: scenario() }),
  });
  if (!made.ok) throw new Error(`making the scenario failed: ${made.status} ${await made.text()}`);
  const users = sessions();
  const headers = (i: number) => ({
    'content-type': 'application/json',
    cookie: users[i]?.cookie ?? '',
    'x-csrf-token': users[i]?.csrf ?? '',
    'planshift-scenario': SCENARIO,
  });

  console.log(
    `Planshift API benchmark: ${CONNECTIONS} connections, ${SECONDS} s per run, loopback, Node ${process.version}`,
  );
  const ceilings: Result[] = [];
  const quoteRuns: Result[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    ceilings.push(await load(`bare Hono JSON route (ceiling) #${round}`, { url: `${bare}/json` }));
    quoteRuns.push(
      await load(`POST /api/quotes #${round}`, {
        url: `${bff}/api/quotes`,
        method: 'POST',
        headers: headers(0),
        body: body(7),
      }),
    );
  }
  const rate = (r: Result) => r.requests.average;
  const ratios = quoteRuns.map((r, i) => rate(r) / rate(ceilings[i] ?? r));
  const quoteShare = median(ratios);
  const quoteP99 = Math.max(...quoteRuns.map((r) => r.latency.p99));
  const quoteFailures = quoteRuns.reduce((sum, r) => sum + r.errors + r.timeouts + r.non2xx, 0);
  console.log(`each round's quote share: ${ratios.map((r) => `${(r * 100).toFixed(1)}%`).join(', ')}`);
  console.log(
    `medians over ${ROUNDS} alternating rounds: bare ${median(ceilings.map(rate)).toFixed(0)} req/s, quotes ${median(quoteRuns.map(rate)).toFixed(0)} req/s, share ${(quoteShare * 100).toFixed(1)}%; quote p99 worst ${quoteP99} ms`,
  );

  // One quote per account, made before the run; the run then confirms each once.
  const quoteIds: string[] = [];
  for (let i = 0; i < ACCOUNTS; i += 100) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(100, ACCOUNTS - i) }, async (_, j) => {
        const response = await fetch(`${bff}/api/quotes`, { method: 'POST', headers: headers(i + j), body: body(6) });
        return ((await response.json()) as { id: string }).id;
      }),
    );
    quoteIds.push(...batch);
  }
  let next = 0;
  const refused = new Map<string, number>();
  const confirms = await load('POST /api/changes (confirm)', {
    url: `${bff}/api/changes`,
    amount: ACCOUNTS,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          const i = next++;
          return {
            ...request,
            headers: { ...headers(i), 'idempotency-key': `bench-confirm-${i}` },
            body: JSON.stringify({ quoteId: quoteIds[i] }),
          };
        },
        onResponse: (status, body) => {
          if (status >= 300) {
            const code = `${status} ${(JSON.parse(body) as { code?: string }).code ?? ''}`;
            refused.set(code, (refused.get(code) ?? 0) + 1);
          }
        },
      },
    ],
  });
  if (refused.size > 0) console.log('confirm answers other than 201:', Object.fromEntries(refused));
  const confirmSeconds = confirms.duration;
  const changesPerSecond = confirms.requests.total / confirmSeconds;

  const db = new Database(databaseFile, { readonly: true });
  const succeeded = (db.prepare(`select count(*) as n from orders where status = 'succeeded'`).get() as { n: number })
    .n;
  const problems = await checkInvariants(
    sqliteTestSql(db),
    new SimulatedPaymentProvider({ ledger: SqliteChargeLedger.snapshot(databaseFile) }),
  );
  const documents = db
    .prepare<[], { id: string; accountId: string }>('select id, account_id as accountId from documents order by rowid')
    .all()
    .map((d) => ({ id: d.id, account: Number(d.accountId.slice('acct-'.length)) }));
  db.close();

  const busy = serverErrors.includes('SQLITE_BUSY');
  console.log('');
  console.log(
    `quote endpoint: ${(quoteShare * 100).toFixed(1)}% of the bare route (median of the rounds' ratios; bar 25%), p99 ${quoteP99} ms (bar < 50 ms), ${quoteFailures} errors or non-2xx`,
  );
  console.log(
    `confirm: ${changesPerSecond.toFixed(0)} changes/s (bar 200), ${succeeded} orders succeeded of ${ACCOUNTS}`,
  );
  console.log(
    `SQLITE_BUSY reaching the server log: ${busy ? 'yes' : 'no'}; invariant checker: ${problems.length === 0 ? 'passed' : problems.join('; ')}`,
  );
  const burst = await runBurst({
    base: bff,
    seconds: BURST_SECONDS,
    accounts: ACCOUNTS,
    headers,
    email: (i) => `owner@acct-${i}.example`,
    documents,
  });
  const afterBurst = new Database(databaseFile, { readonly: true });
  const burstProblems = await checkInvariants(
    sqliteTestSql(afterBurst),
    new SimulatedPaymentProvider({ ledger: SqliteChargeLedger.snapshot(databaseFile) }),
  );
  afterBurst.close();
  console.log(
    `after the burst: invariant checker ${burstProblems.length === 0 ? 'passed' : burstProblems.join('; ')}; SQLITE_BUSY in the server log: ${serverErrors.includes('SQLITE_BUSY') ? 'yes' : 'no'}`,
  );
  const pass =
    burst.pass &&
    burstProblems.length === 0 &&
    quoteShare >= 0.25 &&
    quoteP99 < 50 &&
    quoteFailures === 0 &&
    changesPerSecond >= 200 &&
    confirms.errors + confirms.timeouts + confirms.non2xx === 0 &&
    succeeded === ACCOUNTS &&
    !busy &&
    problems.length === 0;
  console.log(pass ? 'PASS' : 'FAIL');
  process.exitCode = pass ? 0 : 1;
} finally {
  // SIGINT lets a server started with --cpu-prof (BENCH_PROFILE=1) write its profile.
  for (const child of children) child.kill(process.env.BENCH_PROFILE ? 'SIGINT' : 'SIGKILL');
  await new Promise((resolve) => setTimeout(resolve, process.env.BENCH_PROFILE ? 3000 : 0));
  rmSync(dir, { recursive: true, force: true });
}
