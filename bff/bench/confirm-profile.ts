// npx tsx bench/confirm-profile.ts — confirm alone, for profiling and comparing its cost: one BFF
// (SQLite; PostgreSQL with CONFIRM_PROFILE_TARGET=pg1), BENCH_ACCOUNTS (1500) accounts with a quote
// each, confirmed once each from 50 connections as `npm run bench:api` does (a fifth of them first,
// unmeasured, to warm the JIT), printing changes/s, p99 and the servers' CPU time per confirm.
// - BENCH_COMPARE=/path/to/other/bff: runs that checkout's BFF beside this one, and alternates
//   BENCH_ROUNDS (3) runs of each over the accounts left after the warm-up: on a machine shared
//   with other work only runs seconds apart compare, and CPU per confirm more than changes/s.
// - BENCH_PROFILE=1 (BENCH_PROFILE_DIR, BENCH_PROFILE_INTERVAL µs): the BFF writes a CPU profile
//   when it stops; `npx tsx bench/profile-summary.ts FILE` summarises it.
// - CONFIRM_COUNT_STATEMENTS=1 (PostgreSQL): the server logs every statement during the measured
//   run, and the statements per confirm are counted from its log, by their first words
//   (CONFIRM_STATEMENT_LOG=FILE keeps that part of the log).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { checkInvariants } from '../src/testing/invariants';
import { openTarget, type Target } from './api-target';
import { benchScenario, confirmRequest } from './confirm-load';
import { cpuMs, settled } from './cpu-time';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 1500);
const WARM = Math.floor(ACCOUNTS / 5);
const compare = process.env.BENCH_COMPARE;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (compare ? 3 : 1));
const onPg = process.env.CONFIRM_PROFILE_TARGET === 'pg1';
const countStatements = onPg && process.env.CONFIRM_COUNT_STATEMENTS === '1';
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const scenario = benchScenario(ACCOUNTS);
const changeBody = JSON.stringify({
  planId: 'business',
  interval: { unit: 'month', count: 1 },
  quantity: 6,
  addOns: [],
});

const headersOf = (target: Target) => (i: number) => ({
  'content-type': 'application/json',
  cookie: target.sessions[i]?.cookie ?? '',
  'x-csrf-token': target.sessions[i]?.csrf ?? '',
  'planshift-scenario': 'bench',
});

/** Confirms accounts `from` to `to` − 1 once each; answers the run and the answers other than 201. */
async function confirmRun(target: Target, quoteIds: readonly string[], from: number, to: number) {
  const headers = headersOf(target);
  const refused = new Map<string, number>();
  const result = await autocannon({
    url: `${target.bases[0]}/api/changes`,
    connections: 50,
    timeout: 30,
    amount: to - from,
    requests: [confirmRequest({ headers, quoteIds, first: from, keyPrefix: 'profile-confirm', refused })],
  });
  return { result, refused };
}

async function setLogStatement(url: string, value: 'all' | 'none'): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`alter system set log_statement = '${value}'`);
    await client.query('select pg_reload_conf()');
  } finally {
    await client.end();
  }
}

/** CPU milliseconds of each thread of `pid`, by thread name and id (the main thread, the PDF worker, libuv's pool…). */
function threadCpuMs(pid: number): Map<string, number> {
  const threads = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const text = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = text.slice(text.indexOf('(') + 1, text.lastIndexOf(')'));
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      threads.set(`${name} ${tid}`, ((Number(fields[11]) + Number(fields[12])) * 1000) / 100);
    } catch {
      // The thread ended.
    }
  }
  return threads;
}

/** The statements logged since `offset`, by their first three words, per confirm. */
function statementsPerConfirm(log: string, offset: number, confirms: number): void {
  const text = readFileSync(log, 'utf8').slice(offset);
  if (process.env.CONFIRM_STATEMENT_LOG) writeFileSync(process.env.CONFIRM_STATEMENT_LOG, text);
  const counts = new Map<string, number>();
  let total = 0;
  for (const match of text.matchAll(/LOG: {2}(?:statement|execute [^:]*): (.*)/g)) {
    const words = (match[1] ?? '').trim().split(/\s+/).slice(0, 4).join(' ').toLowerCase();
    counts.set(words, (counts.get(words) ?? 0) + 1);
    total += 1;
  }
  console.log(`${(total / confirms).toFixed(1)} statements per confirm (${total} over ${confirms}):`);
  for (const [words, n] of [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
    console.log(`  ${(n / confirms).toFixed(2).padStart(6)}  ${words}`);
  }
}

type Measured = Readonly<{ name: string; target: Target; quoteIds: string[]; main: number[]; total: number[] }>;

async function open(name: string, bffDir?: string): Promise<Measured> {
  const target = await openTarget(
    { name, database: onPg ? 'postgres' : 'sqlite', instances: 1 },
    { scenarioId: 'bench', accounts: ACCOUNTS, scenario, ...(bffDir ? { bffDir } : {}) },
  );
  return { name, target, quoteIds: [], main: [], total: [] };
}

/**
 * One quote for each of accounts `from` to `to` − 1, made just before they are confirmed, as
 * `npm run bench:api` makes them (what the quotes read is then in the billing-state cache).
 */
async function quote(run: Measured, from: number, to: number): Promise<void> {
  const { target, quoteIds } = run;
  const headers = headersOf(target);
  for (let i = from; i < to; i += 100) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(100, to - i) }, async (_, j) => {
        const response = await fetch(`${target.bases[0]}/api/quotes`, {
          method: 'POST',
          headers: headers(i + j),
          body: changeBody,
        });
        if (response.status !== 201) throw new Error(`a quote answered ${response.status}: ${await response.text()}`);
        return ((await response.json()) as { id: string }).id;
      }),
    );
    quoteIds.push(...batch);
  }
}

/** Confirms accounts `from` to `to` − 1 and prints what they cost; with `count`, the statements too. */
async function measure(run: Measured, from: number, to: number, count: boolean): Promise<void> {
  const { target } = run;
  if (count && target.pg) await setLogStatement(target.pg.url, 'all');
  const logOffset = target.pg ? statSync(target.pg.log).size : 0;
  const [bff = 0, ...database] = target.serverPids();
  const before = cpuMs(target.serverPids());
  const bffBefore = cpuMs([bff]);
  const threadsBefore = threadCpuMs(bff);
  const { result, refused } = await confirmRun(target, run.quoteIds, from, to);
  if (count && target.pg) await setLogStatement(target.pg.url, 'none');
  const confirms = to - from;
  const cpuUs = ((cpuMs(target.serverPids()) - before) * 1000) / confirms;
  const bffUs = ((cpuMs([bff]) - bffBefore) * 1000) / confirms;
  const threads = [...threadCpuMs(bff).entries()]
    .map(([name, ms]) => [name, ((ms - (threadsBefore.get(name) ?? 0)) * 1000) / confirms] as const)
    .filter(([, us]) => us >= 50)
    .sort((a, b) => b[1] - a[1]);
  run.main.push(threads.find(([name]) => name.endsWith(` ${bff}`))?.[1] ?? 0);
  run.total.push(cpuUs);
  console.log(
    `${run.name}: BFF threads, µs/confirm: ${threads.map(([name, us]) => `${name} ${us.toFixed(0)}`).join(', ')}`,
  );
  if (database.length > 0) console.log(`  of which the BFF ${bffUs.toFixed(0)} µs/confirm, PostgreSQL the rest`);
  if (count && target.pg) statementsPerConfirm(target.pg.log, logOffset, confirms);
  if (refused.size > 0) console.log('  answers other than 201:', Object.fromEntries(refused));
  console.log(
    `  ${onPg ? 'PostgreSQL' : 'SQLite'} confirm: ${(confirms / result.duration).toFixed(0)} changes/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.non2xx + result.errors + result.timeouts} failed, server CPU ${cpuUs.toFixed(0)} µs/confirm; load ${load()}`,
  );
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const runs: Measured[] = [];
try {
  if (compare) runs.push(await open(`${compare} (compared)`, compare));
  runs.push(await open('this checkout'));
  // Each world opens at its first request.
  for (const run of runs) await quote(run, 0, 1);
  await settled(() => runs.flatMap((r) => r.target.serverPids()), 120);
  for (const run of runs) {
    await quote(run, 1, WARM);
    await confirmRun(run.target, run.quoteIds, 0, WARM);
  }
  await settled(() => runs.flatMap((r) => r.target.serverPids()), 60);
  console.log(`measuring: BFF pids ${runs.map((r) => r.target.serverPids()[0]).join(' ')}; load ${load()}`);
  const chunk = Math.floor((ACCOUNTS - WARM) / ROUNDS);
  for (let round = 0; round < ROUNDS; round++) {
    const from = WARM + round * chunk;
    for (const run of runs) {
      await quote(run, from, from + chunk);
      await measure(run, from, from + chunk, countStatements && round === 0);
    }
  }
  for (const run of runs) {
    const problems = await run.target.withSql((sql, payments) => checkInvariants(sql, payments));
    console.log(
      `${run.name}: median of ${ROUNDS}: main thread ${median(run.main).toFixed(0)} µs/confirm, servers ${median(run.total).toFixed(0)} µs/confirm; invariants ${problems.length === 0 ? 'passed' : problems.slice(0, 3).join('; ')}`,
    );
  }
} finally {
  await Promise.all(runs.map((r) => r.target.stop()));
}
