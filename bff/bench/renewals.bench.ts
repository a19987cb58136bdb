// npm run bench:renewals — seeds subscriptions (in a child process, so that the seeding's memory
// is not counted) into a SQLite file and into a throwaway PostgreSQL cluster, then times one
// period-end run over each here: renewals/s (each renewal issues its invoice and collects it), the
// CPU time it cost (this process's, and PostgreSQL's server processes'), and the peak memory.
// BENCH_SUBSCRIPTIONS (100,000) on SQLite, BENCH_PG_SUBSCRIPTIONS (5,000: seeding PostgreSQL row by row is slow) on PostgreSQL;
// BENCH_TARGETS ("sqlite,pg") picks the databases.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BillingRun } from '../src/billing/billing-run';
import { SystemClock } from '../src/clock';
import { migratePostgres } from '../src/db/migrate-pg';
import { NO_METRICS } from '../src/observability/business-metrics';
import { silentLogger } from '../src/observability/logger';
import { InMemoryChargeLedger } from '../src/payments/charge-ledger';
import { SimulatedPaymentProvider } from '../src/payments/simulated-provider';
import { resetToScenario } from '../src/scenarios/reset';
import { scenarioSchema } from '../src/scenarios/scenario-schema';
import { localClaimPolicy } from '../src/store/claim-policy';
import { type OpenedStore, openStore } from '../src/store/open-store';
import { checkInvariants } from '../src/testing/invariants';
import { startPgCluster } from '../src/testing/pg-cluster';
import { pgTestSql } from '../src/testing/pg-test-sql';
import { teamAccount, teamCatalog, teamPlan } from '../src/testing/scenario-builders';
import { sqliteTestSql } from '../src/testing/sqlite-test-sql';
import { cpuMs, pgServerPids } from './cpu-time';

const COUNTS = {
  sqlite: Number(process.env.BENCH_SUBSCRIPTIONS ?? 100_000),
  pg: Number(process.env.BENCH_PG_SUBSCRIPTIONS ?? 5_000),
};
const BARS = { sqlite: 10_000, sqliteGoal: 50_000 };
const DECLINED_EVERY = 20; // one card in twenty is declined: the run also schedules retries
const RUN_AT = Math.floor(Date.parse('2026-07-01T12:00:00Z') / 1000);

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

type Location = Readonly<{ DATABASE_FILE: string; DATABASE_URL?: string }>;

const open = (location: Location): Promise<OpenedStore> => openStore(location, localClaimPolicy());

async function seed(location: Location, subscriptions: number) {
  const { store, close } = await open(location);
  const clock = new SystemClock(store, true);
  const catalogs = [teamCatalog('bench', [teamPlan('team', 1, { USD: 1200 }), teamPlan('business', 2, { USD: 2500 })])];
  const account = (i: number) => {
    const input = teamAccount(`acct-${i}`, 'bench', i % 2 ? 'team' : 'business');
    return i % DECLINED_EVERY === 0
      ? { ...input, card: { number: '4000000000000002', expMonth: 12, expYear: 2030 } }
      : input;
  };
  // The QA API takes at most 20,000 accounts a reset: validate in slices of that, seed them at once.
  const slices = Array.from({ length: Math.ceil(subscriptions / 20_000) }, (_, s) =>
    scenarioSchema.parse({
      clock: '2026-06-10T12:00:00Z',
      catalogs,
      accounts: Array.from({ length: Math.min(20_000, subscriptions - s * 20_000) }, (_, i) => account(s * 20_000 + i)),
    }),
  );
  const [first] = slices;
  if (!first) throw new Error('nothing to seed');
  await resetToScenario(store, clock, { ...first, accounts: slices.flatMap((slice) => slice.accounts) });
  await close();
}

type Outcome = Readonly<{ perSecond: number; pass: boolean }>;

async function measure(name: string, location: Location, subscriptions: number, serverPids: () => number[]) {
  const seeding = performance.now();
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), 'seed', JSON.stringify(location), String(subscriptions)],
    { stdio: 'inherit' },
  );
  if (child.status !== 0) throw new Error('seeding failed');
  console.log(
    `${name}: seeded ${subscriptions} subscriptions in ${((performance.now() - seeding) / 1000).toFixed(1)} s; load average ${load()}`,
  );

  const { store, database, close } = await open(location);
  try {
    const clock = new SystemClock(store, true);
    await clock.load();
    await clock.set(RUN_AT); // no listener: the run below is the one timed
    const payments = new SimulatedPaymentProvider({ ledger: new InMemoryChargeLedger() });
    const run = new BillingRun({ store, clock, payments, log: silentLogger, metrics: NO_METRICS });

    const servers = serverPids();
    const cpuBefore = process.cpuUsage();
    const serverCpuBefore = cpuMs(servers);
    const started = performance.now();
    const summary = await run.run();
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const bffCpuS = (cpu.user + cpu.system) / 1e6;
    const serverCpuS = (cpuMs(servers) - serverCpuBefore) / 1000;
    const peakMiB = process.resourceUsage().maxRSS / 1024;

    const again = await run.run();
    const sql =
      database.dialect === 'sqlite' ? sqliteTestSql(database.db.$client) : pgTestSql(database.db.$client, database.url);
    const problems = await checkInvariants(sql, payments);
    const pastDue = Number(
      (await sql.all<{ n: number }>(`select count(*) as n from subscriptions where status = 'past_due'`))[0]?.n ?? 0,
    );
    const perSecond = summary.renewed / seconds;
    console.log(
      `${name}: ${summary.renewed} subscriptions renewed, ${summary.invoices} invoices, ${summary.collected} charged, ${summary.declined} declined (${pastDue} past due) in ${seconds.toFixed(2)} s`,
    );
    console.log(
      `${name}: ${perSecond.toFixed(0)} renewals/s; CPU ${bffCpuS.toFixed(2)} s in the BFF${serverPids().length > 0 ? ` + ${serverCpuS.toFixed(2)} s in PostgreSQL` : ''} = ${(((bffCpuS + serverCpuS) * 1e6) / Math.max(1, summary.renewed)).toFixed(0)} µs per renewal; peak memory ${peakMiB.toFixed(0)} MiB (bar < 1024 MiB); load average ${load()}`,
    );
    console.log(
      `${name}: second run ${again.renewed} renewed, ${again.collected} charged; invariant checker: ${problems.length === 0 ? 'passed' : problems.slice(0, 5).join('; ')}`,
    );
    const pass =
      summary.renewed === subscriptions &&
      peakMiB < 1024 &&
      again.renewed === 0 &&
      again.collected === 0 &&
      problems.length === 0;
    return { perSecond, pass } satisfies Outcome;
  } finally {
    await close();
  }
}

if (process.argv[2] === 'seed') {
  await seed(JSON.parse(process.argv[3] ?? '{}') as Location, Number(process.argv[4]));
} else {
  const targets = (process.env.BENCH_TARGETS ?? 'sqlite,pg').split(',').map((t) => t.trim());
  console.log(`Planshift renewals benchmark, Node ${process.version}; load average at start ${load()}`);
  const dir = mkdtempSync(join(tmpdir(), 'planshift-renewals-'));
  const results: string[] = [];
  let pass = true;
  try {
    if (targets.includes('sqlite')) {
      const sqlite = await measure('SQLite', { DATABASE_FILE: join(dir, 'planshift.sqlite') }, COUNTS.sqlite, () => []);
      const met = sqlite.perSecond >= BARS.sqlite;
      results.push(
        `${met ? 'met    ' : 'NOT MET'}  SQLite: ${sqlite.perSecond.toFixed(0)} renewals/s (bar ${BARS.sqlite}, goal ${BARS.sqliteGoal})`,
      );
      pass &&= met && sqlite.pass;
    }
    if (targets.includes('pg')) {
      const cluster = await startPgCluster();
      try {
        await migratePostgres(cluster.url);
        const pg = await measure(
          'PostgreSQL',
          { DATABASE_FILE: join(dir, 'unused.sqlite'), DATABASE_URL: cluster.url },
          COUNTS.pg,
          () => pgServerPids(join(cluster.dir, 'data')),
        );
        results.push(`(no bar)  PostgreSQL: ${pg.perSecond.toFixed(0)} renewals/s`);
        pass &&= pg.pass;
      } finally {
        await cluster.stop();
      }
    }
    for (const line of results) console.log(line);
    console.log(`${pass ? 'PASS' : 'FAIL'}; load average at the end ${load()}`);
    process.exitCode = pass ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
