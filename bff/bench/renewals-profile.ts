// npx tsx bench/renewals-profile.ts — one SQLite period-end run, for profiling and comparing its
// cost: seeds BENCH_SUBSCRIPTIONS (20,000) as `npm run bench:renewals` does, once (kept in
// BENCH_SEED_DIR, default the system's temporary directory, and copied for each run), then times
// one run and prints the CPU time per renewal, the second run and the invariant checker.
// BENCH_PROFILE=1 writes a CPU profile of the run alone (not the seeding) to BENCH_PROFILE_FILE
// (renewals.cpuprofile); `npx tsx bench/profile-summary.ts FILE 0 1000` summarises it.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BillingRun } from '../src/billing/billing-run';
import { SystemClock } from '../src/clock';
import { openDatabase } from '../src/db/open-database';
import { NO_METRICS } from '../src/observability/business-metrics';
import { silentLogger } from '../src/observability/logger';
import { InMemoryChargeLedger } from '../src/payments/charge-ledger';
import { SimulatedPaymentProvider } from '../src/payments/simulated-provider';
import { localClaimPolicy } from '../src/store/claim-policy';
import { SqliteStore } from '../src/store/sqlite/sqlite-store';
import { checkInvariants } from '../src/testing/invariants';
import { sqliteTestSql } from '../src/testing/sqlite-test-sql';

const SUBSCRIPTIONS = Number(process.env.BENCH_SUBSCRIPTIONS ?? 20_000);
const RUN_AT = Math.floor(Date.parse('2026-07-01T12:00:00Z') / 1000);
const dir = process.env.BENCH_SEED_DIR ?? tmpdir();
const seeded = join(dir, `planshift-renewals-seed-${SUBSCRIPTIONS}.sqlite`);
const file = join(dir, `planshift-renewals-run-${process.pid}.sqlite`);
const removeRunFiles = () => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
};

if (!existsSync(seeded)) {
  const bench = fileURLToPath(new URL('./renewals.bench.ts', import.meta.url));
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', bench, 'seed', JSON.stringify({ DATABASE_FILE: seeded }), String(SUBSCRIPTIONS)],
    { stdio: 'inherit' },
  );
  if (child.status !== 0) throw new Error('seeding failed');
}
removeRunFiles();
copyFileSync(seeded, file);
if (existsSync(`${seeded}-wal`)) copyFileSync(`${seeded}-wal`, `${file}-wal`);

const db = openDatabase(file);
try {
  const store = new SqliteStore(db, localClaimPolicy());
  const clock = new SystemClock(store, true);
  await clock.load();
  await clock.set(RUN_AT);
  const payments = new SimulatedPaymentProvider({ ledger: new InMemoryChargeLedger() });
  const run = new BillingRun({ store, clock, payments, log: silentLogger, metrics: NO_METRICS });
  const session = process.env.BENCH_PROFILE === '1' ? new Session() : null;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const summary = await run.run();
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(process.env.BENCH_PROFILE_FILE ?? 'renewals.cpuprofile', JSON.stringify(profile));
  }
  const cpuUs = cpu.user + cpu.system;
  console.log(
    `${summary.renewed} renewed, ${summary.collected} charged, ${summary.declined} declined in ${seconds.toFixed(2)} s: ${(summary.renewed / seconds).toFixed(0)} renewals/s; CPU ${(cpuUs / 1e6).toFixed(2)} s (user ${(cpu.user / 1e6).toFixed(2)}, system ${(cpu.system / 1e6).toFixed(2)}) = ${(cpuUs / Math.max(1, summary.renewed)).toFixed(0)} µs per renewal; load average ${loadavg()[0]?.toFixed(2)}`,
  );
  const again = await run.run();
  const problems = await checkInvariants(sqliteTestSql(db.$client), payments);
  console.log(
    `second run ${again.renewed} renewed, ${again.collected} charged; invariant checker: ${problems.length === 0 ? 'passed' : problems.slice(0, 5).join('; ')}`,
  );
} finally {
  db.$client.close();
  removeRunFiles();
}
