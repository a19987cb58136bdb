// npx tsx bench/pg-reads.bench.ts — what a billing-state and session cache could save a quote on
// PostgreSQL (docs/decisions/028): times, on a throwaway cluster, the reads a quote makes before
// pricing (the session with its user, the account's billing state: two statements) with 50 at
// once, as wall time and as CPU time of this process and of PostgreSQL's server, per quote. A
// cache would save at most these (an in-process memo costs next to nothing); compare them with
// bench:api's quote figures.
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { SystemClock } from '../src/clock';
import { migratePostgres } from '../src/db/migrate-pg';
import { resetToScenario } from '../src/scenarios/reset';
import { scenarioSchema } from '../src/scenarios/scenario-schema';
import { localClaimPolicy } from '../src/store/claim-policy';
import { openStore } from '../src/store/open-store';
import { startPgCluster } from '../src/testing/pg-cluster';
import { teamAccount, teamCatalog, teamPlan } from '../src/testing/scenario-builders';
import { cpuMs, pgServerPids } from './cpu-time';

const ACCOUNTS = 200;
const CONCURRENCY = 50;
const QUOTES = Number(process.env.BENCH_QUOTES ?? 5000);
const NOW = Math.floor(Date.parse('2026-06-10T12:00:00Z') / 1000);

const cluster = await startPgCluster();
try {
  await migratePostgres(cluster.url);
  const { store, database, close } = await openStore(
    { DATABASE_FILE: 'unused', DATABASE_URL: cluster.url },
    localClaimPolicy(),
  );
  try {
    const clock = new SystemClock(store, true);
    await resetToScenario(
      store,
      clock,
      scenarioSchema.parse({
        clock: '2026-06-10T12:00:00Z',
        catalogs: [teamCatalog('bench', [teamPlan('team', 1, { USD: 1200 }), teamPlan('business', 2, { USD: 2500 })])],
        accounts: Array.from({ length: ACCOUNTS }, (_, i) => teamAccount(`acct-${i}`, 'bench', 'team')),
      }),
    );
    if (database.dialect !== 'postgres') throw new Error('not on PostgreSQL');
    for (let i = 0; i < ACCOUNTS; i++) {
      await database.db.$client.query(
        'insert into sessions (id_hash, user_id, account_id, csrf_token, created_at, expires_at) values ($1, $2, $3, $4, $5, $6)',
        [`hash-${i}`, `u-acct-${i}`, `acct-${i}`, 'csrf', NOW, NOW + 3600],
      );
    }
    const quoteReads = async (i: number) => {
      const signedIn = await store.sessions.findSignedIn(`hash-${i % ACCOUNTS}`, NOW);
      if (!signedIn) throw new Error('no session');
      if (!(await store.accounts.loadBillingState(signedIn.session.accountId))) throw new Error('no billing state');
    };
    for (let i = 0; i < ACCOUNTS; i++) await quoteReads(i); // warm: the catalog cache, the pool
    const servers = pgServerPids(join(cluster.dir, 'data'));
    const cpu = process.cpuUsage();
    const serverBefore = cpuMs(servers);
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < QUOTES) await quoteReads(next++);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const bffUs = (used.user + used.system) / QUOTES;
    const serverUs = ((cpuMs(servers) - serverBefore) * 1000) / QUOTES;
    console.log(
      `a quote's reads on PostgreSQL (session, user, billing state), ${CONCURRENCY} at once: ${(QUOTES / seconds).toFixed(0)}/s; CPU per quote ${bffUs.toFixed(0)} µs in the BFF + ${serverUs.toFixed(0)} µs in PostgreSQL = ${(bffUs + serverUs).toFixed(0)} µs; load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await close();
  }
} finally {
  await cluster.stop();
}
