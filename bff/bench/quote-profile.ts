// npx tsx bench/quote-profile.ts — the quote endpoint alone, for profiling and comparing its cost:
// one BFF (SQLite; PostgreSQL with QUOTE_PROFILE_TARGET=pg1) under BENCH_SECONDS (10) of
// POST /api/quotes from 50 connections spread over BENCH_ACCOUNTS (200) accounts' sessions,
// printing requests/s, p99 and the servers' CPU time per quote.
// - BENCH_COMPARE=/path/to/other/bff: runs that checkout's BFF beside this one, and alternates
//   BENCH_ROUNDS (5) runs of each: on a machine shared with other work only runs seconds apart
//   compare, and CPU per quote more than requests/s. BENCH_COMPARE_ENV='NAME=value …' adds to the
//   compared BFF's environment (with BENCH_COMPARE=. the same code with a switch flipped).
// - BENCH_PROFILE=1 (BENCH_PROFILE_DIR, BENCH_PROFILE_INTERVAL µs): each BFF writes a CPU profile
//   when it stops; `npx tsx bench/profile-summary.ts FILE` summarises it.
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { teamAccount, teamCatalog, teamPlan } from '../src/testing/scenario-builders';
import { openTarget, type Target } from './api-target';
import { cpuMs, settled } from './cpu-time';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 200);
const compare = process.env.BENCH_COMPARE;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (compare ? 5 : 1));
const pg = process.env.QUOTE_PROFILE_TARGET === 'pg1';
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const scenario = {
  clock: '2026-06-10T12:00:00Z',
  catalogs: [teamCatalog('bench', [teamPlan('team', 1, { USD: 1200 }), teamPlan('business', 2, { USD: 2500 })])],
  accounts: Array.from({ length: ACCOUNTS }, (_, i) => teamAccount(`acct-${i}`, 'bench', 'team')),
};
const body = JSON.stringify({ planId: 'business', interval: { unit: 'month', count: 1 }, quantity: 7, addOns: [] });

type Measured = Readonly<{ name: string; target: Target; cpuUs: number[]; rps: number[] }>;

async function open(name: string, bffDir?: string, env?: Record<string, string>): Promise<Measured> {
  const target = await openTarget(
    { name, database: pg ? 'postgres' : 'sqlite', instances: 1 },
    { scenarioId: 'bench', accounts: ACCOUNTS, scenario, ...(bffDir ? { bffDir } : {}), ...(env ? { env } : {}) },
  );
  return { name, target, cpuUs: [], rps: [] };
}

const headersOf = (target: Target) => (i: number) => ({
  'content-type': 'application/json',
  cookie: target.sessions[i % ACCOUNTS]?.cookie ?? '',
  'x-csrf-token': target.sessions[i % ACCOUNTS]?.csrf ?? '',
  'planshift-scenario': 'bench',
});

function quoteRun(target: Target, seconds: number) {
  const headers = headersOf(target);
  let next = 0;
  return autocannon({
    url: `${target.bases[0]}/api/quotes`,
    connections: 50,
    duration: seconds,
    requests: [{ method: 'POST', body, setupRequest: (r) => ({ ...r, headers: headers(next++) }) }],
  });
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const runs: Measured[] = [];
try {
  const compareEnv = Object.fromEntries(
    (process.env.BENCH_COMPARE_ENV ?? '')
      .split(' ')
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );
  if (compare)
    runs.push(await open(`${compare} ${process.env.BENCH_COMPARE_ENV ?? ''}(compared)`, compare, compareEnv));
  runs.push(await open('this checkout'));
  for (const { target } of runs) {
    const first = await fetch(`${target.bases[0]}/api/quotes`, { method: 'POST', headers: headersOf(target)(0), body });
    if (first.status !== 201) throw new Error(`a quote answered ${first.status}: ${await first.text()}`);
  }
  await settled(() => runs.flatMap((r) => r.target.serverPids()), 120);
  for (const { target } of runs) await quoteRun(target, 2); // warm: the JIT, every account's billing state once
  // For a tracer to attach to the measured runs (strace -c -p PID).
  console.log(`measuring: BFF pids ${runs.map((r) => r.target.serverPids()[0]).join(' ')}`);
  for (let round = 1; round <= ROUNDS; round++) {
    for (const run of runs) {
      const before = cpuMs(run.target.serverPids());
      const result = await quoteRun(run.target, SECONDS);
      const cpuUs = ((cpuMs(run.target.serverPids()) - before) * 1000) / result.requests.total;
      run.cpuUs.push(cpuUs);
      run.rps.push(result.requests.average);
      console.log(
        `${pg ? 'PostgreSQL' : 'SQLite'} ${run.name}: POST /api/quotes ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.non2xx + result.errors} failed, server CPU ${cpuUs.toFixed(0)} µs/quote; load ${load()}`,
      );
    }
  }
  if (ROUNDS > 1) {
    for (const run of runs) {
      console.log(
        `median of ${ROUNDS}: ${run.name}: ${median(run.rps).toFixed(0)} req/s, ${median(run.cpuUs).toFixed(0)} µs/quote`,
      );
    }
  }
} finally {
  await Promise.all(runs.map((r) => r.target.stop()));
}
