// npm run bench:api — load on loopback with autocannon: a bare Hono route (the ceiling), the quote
// endpoint and confirm (distinct accounts, simulated provider with no delay), on SQLite with one
// instance and on PostgreSQL (a throwaway cluster) with one and with two instances (two BFF
// processes on one database; the load spreads its connections over both). Then, on SQLite, a burst
// of mixed traffic for BENCH_BURST_SECONDS (20), judged by /api/health and confirm p99 (burst.ts).
// BENCH_TARGETS (e.g. "sqlite,pg1,pg2") picks the deployments measured.
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { checkInvariants } from '../src/testing/invariants';
import { openTarget, type Target, type TargetShape } from './api-target';
import { startBench } from './bench-server';
import { runBurst } from './burst';
import { benchScenario, confirmRequest } from './confirm-load';
import { cpuMs, settled } from './cpu-time';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
// The two loads alternate and a target's share is the median of its rounds' ratios: this machine's
// speed drifts within a minute (and other work shares it), so only runs seconds apart are compared.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 50;
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 4000);
const BURST_SECONDS = Number(process.env.BENCH_BURST_SECONDS ?? 20);
// The load runs in a scenario's world (docs/decisions/018): QA's reset acts only in one.
const SCENARIO = 'bench';

const SHAPES: Record<string, TargetShape> = {
  sqlite: { name: 'SQLite, 1 instance', database: 'sqlite', instances: 1 },
  pg1: { name: 'PostgreSQL, 1 instance', database: 'postgres', instances: 1 },
  pg2: { name: 'PostgreSQL, 2 instances', database: 'postgres', instances: 2 },
};
const shapes = (process.env.BENCH_TARGETS ?? 'sqlite,pg1,pg2').split(',').map((key) => {
  const shape = SHAPES[key.trim()];
  if (!shape) throw new Error(`unknown target ${key}; known: ${Object.keys(SHAPES).join(', ')}`);
  return shape;
});

const BARS = {
  quoteShare: 0.35,
  quoteShareGoal: 0.5,
  quoteP99Ms: 50,
  confirmSqlite: 500,
  confirmGoal: 1000,
  confirmPg: 300,
};

type Result = autocannon.Result;
/** `cpuUs`: the servers' CPU time per request, in microseconds (what other work on the machine does not change). */
type Figures = Readonly<{ rps: number; p50: number; p99: number; failures: number; cpuUs: number }>;
type Run = Readonly<{ result: Result; cpuUs: number }>;
type Row = Readonly<{
  shape: TargetShape;
  bare: Figures;
  quote: Figures;
  share: number;
  confirm: Figures & Readonly<{ succeeded: number }>;
  invariants: readonly string[];
  load: string;
}>;

const load1 = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (middle === undefined) throw new Error('no runs');
  return middle;
}

const failures = (r: Result) => r.errors + r.timeouts + r.non2xx;

async function run(title: string, pids: () => number[], options: autocannon.Options): Promise<Run> {
  const servers = pids();
  const cpuBefore = cpuMs(servers);
  const result = await autocannon({
    connections: CONNECTIONS,
    // autocannon's default of 10 s counts a slow answer on a loaded machine as a failure.
    timeout: 30,
    ...(options.amount ? {} : { duration: SECONDS }),
    ...options,
  });
  const cpuUs = ((cpuMs(servers) - cpuBefore) * 1000) / Math.max(1, result.requests.total);
  console.log(
    `  ${title.padEnd(30)} ${result.requests.average.toFixed(0).padStart(6)} req/s  p50 ${String(result.latency.p50).padStart(3)} ms  p99 ${String(result.latency.p99).padStart(4)} ms  failed ${failures(result)}  server CPU ${cpuUs.toFixed(0)} µs/req  load ${load1()}`,
  );
  return { result, cpuUs };
}

/** The median round's figures: its rate, and the p50 and p99 of the same round. */
function medianFigures(runs: readonly Run[]): Figures {
  const results = runs.map((r) => r.result);
  const sorted = [...results].sort((a, b) => a.requests.average - b.requests.average);
  const middle = sorted[Math.floor(sorted.length / 2)];
  if (!middle) throw new Error('no runs');
  return {
    rps: middle.requests.average,
    p50: middle.latency.p50,
    p99: Math.max(...results.map((r) => r.latency.p99)),
    failures: results.reduce((sum, r) => sum + failures(r), 0),
    cpuUs: median(runs.map((r) => r.cpuUs)),
  };
}

const changeBody = (quantity: number) =>
  JSON.stringify({ planId: 'business', interval: { unit: 'month', count: 1 }, quantity, addOns: [] });

function headersOf(target: Target) {
  return (i: number) => ({
    'content-type': 'application/json',
    cookie: target.sessions[i]?.cookie ?? '',
    'x-csrf-token': target.sessions[i]?.csrf ?? '',
    'planshift-scenario': SCENARIO,
  });
}

async function measure(target: Target, bare: Readonly<{ base: string; pid: number }>): Promise<Row> {
  const headers = headersOf(target);
  // Each instance opens the world on its first request: not part of the figures.
  for (const base of target.bases) {
    const warm = await fetch(`${base}/api/quotes`, { method: 'POST', headers: headers(0), body: changeBody(7) });
    if (warm.status !== 201) throw new Error(`a quote answered ${warm.status}: ${await warm.text()}`);
  }
  // The seeded world's background work (its documents' PDFs, its e-mails) is not the routes' cost.
  const waited = await settled(target.serverPids, 120);
  console.log(`  the seeded world's background work settled in ${waited.toFixed(0)} s; load ${load1()}`);
  const bares: Run[] = [];
  const quotes: Run[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    bares.push(await run(`bare route #${round}`, () => [bare.pid], { url: `${bare.base}/json` }));
    quotes.push(
      await run(`POST /api/quotes #${round}`, target.serverPids, {
        url: [...target.bases].map((base) => `${base}/api/quotes`) as unknown as string,
        method: 'POST',
        headers: headers(0),
        body: changeBody(7),
      }),
    );
  }
  const share = median(quotes.map((q, i) => q.result.requests.average / (bares[i]?.result.requests.average ?? 1)));

  // One quote per account, made before the run; the run then confirms each once.
  const quoteIds: string[] = [];
  for (let i = 0; i < ACCOUNTS; i += 100) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(100, ACCOUNTS - i) }, async (_, j) => {
        const base = target.bases[(i + j) % target.bases.length];
        const response = await fetch(`${base}/api/quotes`, {
          method: 'POST',
          headers: headers(i + j),
          body: changeBody(6),
        });
        return ((await response.json()) as { id: string }).id;
      }),
    );
    quoteIds.push(...batch);
  }
  const refused = new Map<string, number>();
  const confirmed = await run('POST /api/changes (confirm)', target.serverPids, {
    url: [...target.bases].map((base) => `${base}/api/changes`) as unknown as string,
    amount: ACCOUNTS,
    requests: [confirmRequest({ headers, quoteIds, first: 0, keyPrefix: 'bench-confirm', refused })],
  });
  const confirms = confirmed.result;
  if (refused.size > 0) console.log('  confirm answers other than 201:', Object.fromEntries(refused));
  const [succeeded, invariants] = await target.withSql(async (sql, payments) => [
    Number((await sql.all<{ n: number }>(`select count(*) as n from orders where status = 'succeeded'`))[0]?.n ?? 0),
    await checkInvariants(sql, payments),
  ]);
  return {
    shape: target.shape,
    bare: medianFigures(bares),
    quote: medianFigures(quotes),
    share,
    confirm: {
      rps: confirms.requests.total / confirms.duration,
      p50: confirms.latency.p50,
      p99: confirms.latency.p99,
      failures: failures(confirms),
      cpuUs: confirmed.cpuUs,
      succeeded,
    },
    invariants,
    load: load1(),
  };
}

async function burst(target: Target): Promise<boolean> {
  const documents = await target.withSql(async (sql) =>
    (
      await sql.all<{ id: string; accountId: string }>(
        'select id, account_id as "accountId" from documents order by id',
      )
    ).map((d) => ({ id: d.id, account: Number(d.accountId.slice('acct-'.length)) })),
  );
  const result = await runBurst({
    base: target.bases[0] ?? '',
    seconds: BURST_SECONDS,
    accounts: ACCOUNTS,
    headers: headersOf(target),
    email: (i) => `owner@acct-${i}.example`,
    documents,
  });
  const problems = await target.withSql((sql, payments) => checkInvariants(sql, payments));
  console.log(`  after the burst: invariant checker ${problems.length === 0 ? 'passed' : problems.join('; ')}`);
  return result.pass && problems.length === 0;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const cell = (f: Figures) =>
  `${f.rps.toFixed(0).padStart(6)} ${String(f.p50).padStart(4)} ${String(f.p99).padStart(4)} ${f.cpuUs.toFixed(0).padStart(5)}`;

function table(rows: readonly Row[]) {
  console.log('');
  console.log(
    `${'deployment'.padEnd(24)} | ${'bare route'.padEnd(21)} | ${'POST /api/quotes'.padEnd(21)} | % bare | % bare | ${'confirm'.padEnd(21)} | invariants | load avg`,
  );
  console.log(
    `${''.padEnd(24)} |  req/s  p50  p99 CPUµs |  req/s  p50  p99 CPUµs |  req/s |  CPU   |   ch/s  p50  p99 CPUµs |            | 1/5/15 min`,
  );
  for (const r of rows) {
    console.log(
      `${r.shape.name.padEnd(24)} | ${cell(r.bare)} | ${cell(r.quote)} | ${pct(r.share).padStart(6)} | ${pct(r.bare.cpuUs / r.quote.cpuUs).padStart(6)} | ${cell(r.confirm)} | ${(r.invariants.length === 0 ? 'passed' : 'FAILED').padEnd(10)} | ${r.load}`,
    );
  }
  console.log(
    "(ms; rates are the median round's, p99 the worst round's; CPUµs: the servers' CPU time per request, BFF instances and PostgreSQL together; % bare CPU: the bare route's CPU per request over the quote's, what the share is when the servers have the cores to themselves)",
  );
}

function verdicts(rows: readonly Row[]): boolean {
  let pass = true;
  const say = (ok: boolean, text: string) => {
    console.log(`${ok ? 'met    ' : 'NOT MET'}  ${text}`);
    pass &&= ok;
  };
  for (const r of rows) {
    const confirmBar = r.shape.database === 'sqlite' ? BARS.confirmSqlite : BARS.confirmPg;
    say(
      r.share >= BARS.quoteShare && r.quote.p99 < BARS.quoteP99Ms && r.quote.failures === 0,
      `${r.shape.name}: quote ${pct(r.share)} of bare (bar ${pct(BARS.quoteShare)}, goal ${pct(BARS.quoteShareGoal)}), p99 ${r.quote.p99} ms (bar < ${BARS.quoteP99Ms}), ${r.quote.failures} failed`,
    );
    say(
      r.confirm.rps >= confirmBar && r.confirm.failures === 0 && r.confirm.succeeded === ACCOUNTS,
      `${r.shape.name}: confirm ${r.confirm.rps.toFixed(0)} changes/s (bar ${confirmBar}${r.shape.database === 'sqlite' ? `, goal ${BARS.confirmGoal}` : ''}), ${r.confirm.succeeded} of ${ACCOUNTS} orders succeeded, ${r.confirm.failures} failed`,
    );
    say(
      r.invariants.length === 0,
      `${r.shape.name}: invariant checker ${r.invariants.length === 0 ? 'passed' : r.invariants.slice(0, 3).join('; ')}`,
    );
  }
  return pass;
}

const scenario = benchScenario(ACCOUNTS);

console.log(
  `Planshift API benchmark: ${CONNECTIONS} connections, ${SECONDS} s per run, ${ROUNDS} rounds, ${ACCOUNTS} accounts, loopback, Node ${process.version}; load average at start ${load1()}`,
);
const started = performance.now();
const bare = await startBench();
const rows: Row[] = [];
let burstPass = true;
try {
  for (const shape of shapes) {
    console.log(`${shape.name}:`);
    const target = await openTarget(shape, { scenarioId: SCENARIO, scenario, accounts: ACCOUNTS });
    try {
      rows.push(await measure(target, { base: bare.base, pid: bare.child.pid ?? 0 }));
      if (shape.database === 'sqlite' && BURST_SECONDS > 0) burstPass = await burst(target);
      if (/SQLITE_BUSY|error/i.test(target.serverErrors()))
        console.log(`  the server's log holds errors:\n${target.serverErrors().slice(0, 2000)}`);
    } finally {
      await target.stop();
    }
  }
  table(rows);
  const pass = verdicts(rows) && burstPass;
  console.log(
    `${pass ? 'PASS' : 'FAIL'} in ${((performance.now() - started) / 1000).toFixed(0)} s; load average at the end ${load1()}`,
  );
  process.exitCode = pass ? 0 : 1;
} finally {
  bare.child.kill('SIGKILL');
}
