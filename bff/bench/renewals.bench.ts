// npm run bench:renewals — seeds 100,000 subscriptions into a SQLite file (in a child process, so
// that the seeding's memory is not counted), then times one period-end run over them here:
// renewals/s (each renewal issues its invoice and collects it) and the process's peak memory.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BillingRun } from '../src/billing/billing-run';
import { SystemClock } from '../src/clock';
import { openDatabase } from '../src/db/open-database';
import { InMemoryChargeLedger } from '../src/payments/charge-ledger';
import { SimulatedPaymentProvider } from '../src/payments/simulated-provider';
import { resetToScenario } from '../src/scenarios/reset';
import { scenarioSchema } from '../src/scenarios/scenario-schema';
import { SqliteStore } from '../src/store/sqlite/sqlite-store';
import { checkInvariants } from '../src/testing/invariants';
import { teamAccount, teamCatalog, teamPlan } from '../src/testing/scenario-builders';
import { sqliteTestSql } from '../src/testing/sqlite-test-sql';

const SUBSCRIPTIONS = Number(process.env.BENCH_SUBSCRIPTIONS ?? 100_000);
const DECLINED_EVERY = 20; // one card in twenty is declined: the run also schedules retries
const RUN_AT = Math.floor(Date.parse('2026-07-01T12:00:00Z') / 1000);

async function seed(file: string) {
  const db = openDatabase(file);
  const store = new SqliteStore(db);
  const clock = new SystemClock(store, true);
  const catalogs = [teamCatalog('bench', [teamPlan('team', 1, { USD: 1200 }), teamPlan('business', 2, { USD: 2500 })])];
  const account = (i: number) => {
    const input = teamAccount(`acct-${i}`, 'bench', i % 2 ? 'team' : 'business');
    return i % DECLINED_EVERY === 0
      ? { ...input, card: { number: '4000000000000002', expMonth: 12, expYear: 2030 } }
      : input;
  };
  // The QA API takes at most 20,000 accounts a reset: validate in slices of that, seed them at once.
  const slices = Array.from({ length: Math.ceil(SUBSCRIPTIONS / 20_000) }, (_, s) =>
    scenarioSchema.parse({
      clock: '2026-06-10T12:00:00Z',
      catalogs,
      accounts: Array.from({ length: Math.min(20_000, SUBSCRIPTIONS - s * 20_000) }, (_, i) => account(s * 20_000 + i)),
    }),
  );
  const [first] = slices;
  if (!first) throw new Error('nothing to seed');
  await resetToScenario(store, clock, { ...first, accounts: slices.flatMap((slice) => slice.accounts) });
  db.$client.close();
}

if (process.argv[2] === 'seed') {
  await seed(process.argv[3] ?? '');
} else {
  const dir = mkdtempSync(join(tmpdir(), 'planshift-renewals-'));
  const file = join(dir, 'planshift.sqlite');
  try {
    const seeding = performance.now();
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), 'seed', file], {
      stdio: 'inherit',
    });
    if (child.status !== 0) throw new Error('seeding failed');
    console.log(`seeded ${SUBSCRIPTIONS} subscriptions in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);

    const db = openDatabase(file);
    const store = new SqliteStore(db);
    const clock = new SystemClock(store, true);
    await clock.load();
    await clock.set(RUN_AT); // no listener: the run below is the one timed
    const payments = new SimulatedPaymentProvider({ ledger: new InMemoryChargeLedger() });
    const run = new BillingRun({ store, clock, payments });

    const started = performance.now();
    const summary = await run.run();
    const seconds = (performance.now() - started) / 1000;
    const peakMiB = process.resourceUsage().maxRSS / 1024;

    const again = await run.run();
    const problems = await checkInvariants(sqliteTestSql(db.$client), payments);
    const pastDue = (
      db.$client.prepare(`select count(*) as n from subscriptions where status = 'past_due'`).get() as { n: number }
    ).n;
    db.$client.close();

    const perSecond = summary.renewed / seconds;
    console.log(
      `renewal run: ${summary.renewed} subscriptions renewed, ${summary.invoices} invoices, ${summary.collected} charged, ${summary.declined} declined (${pastDue} past due) in ${seconds.toFixed(2)} s`,
    );
    console.log(
      `${perSecond.toFixed(0)} renewals/s (bar 5000); peak memory ${peakMiB.toFixed(0)} MiB (bar < 1024 MiB)`,
    );
    console.log(
      `second run: ${again.renewed} renewed, ${again.collected} charged; invariant checker: ${problems.length === 0 ? 'passed' : problems.slice(0, 5).join('; ')}`,
    );
    const pass =
      summary.renewed === SUBSCRIPTIONS &&
      perSecond >= 5000 &&
      peakMiB < 1024 &&
      again.renewed === 0 &&
      again.collected === 0 &&
      problems.length === 0;
    console.log(pass ? 'PASS' : 'FAIL');
    process.exitCode = pass ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
