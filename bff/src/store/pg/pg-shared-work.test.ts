import type { Instant } from '@planshift/shared/periods';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectionAttemptId, nextAttemptAfter, periodEndsFor } from '../../billing/billing-run';
import { migratePostgres } from '../../db/migrate-pg';
import { openPostgres, type PgDb } from '../../db/open-pg';
import { prepareScenario } from '../../scenarios/prepare-scenario';
import { scenarioSchema } from '../../scenarios/scenario-schema';
import { hashPassword } from '../../session/password';
import { COLLECTION_RETRY_AT, collectionWorld, renewalWorld } from '../../testing/chaos/kill-worlds';
import { type PgCluster, startPgCluster } from '../../testing/pg-cluster';
import { localClaimPolicy } from '../claim-policy';
import type { RenewalCursor } from '../renewal-repository';
import { PgCollections } from './pg-collections';
import { PgContext } from './pg-context';
import { PgMaintenance } from './pg-maintenance';
import { PgRenewals } from './pg-renewals';

// Two instances on one PostgreSQL share the period-end run and the collection passes
// (docs/decisions/020): each subscription renewed once, each invoice charged once, the document
// numbers without a gap, and both instances doing part of the work.

let cluster: PgCluster;
let db: PgDb;
const instances: PgContext[] = [];
const seconds = (iso: string): Instant => Math.floor(Date.parse(iso) / 1000);
let passwordHash: string | undefined;
const hash = (password: string) => {
  passwordHash ??= hashPassword(password);
  return passwordHash;
};

beforeAll(async () => {
  cluster = await startPgCluster();
  await migratePostgres(cluster.url);
  db = openPostgres(cluster.url, { max: 10 });
  for (const instance of ['bff-1', 'bff-2']) instances.push(new PgContext(db, localClaimPolicy({ instance })));
});

afterAll(async () => {
  await db?.$client.end();
  await cluster?.stop();
});

async function reset(world: ReturnType<typeof renewalWorld>): Promise<void> {
  const scenario = scenarioSchema.parse(world);
  await new PgMaintenance(instances[0] as PgContext).resetTo(
    prepareScenario(scenario, seconds(world.clock ?? ''), hash),
  );
}

async function query<R extends object>(text: string, values: unknown[] = []): Promise<R[]> {
  return (await db.$client.query<R>(text, values)).rows;
}

/** Document numbers are 1..N in every series and year. */
async function expectGapFreeNumbers(): Promise<void> {
  const series = await query<{ count: number; last: number }>(
    'select count(*)::int as count, max(sequence) as last from documents group by series, year',
  );
  for (const { count, last } of series) expect(last).toBe(count);
}

/** The period-end walk as BillingRun makes it, in small batches so that two instances interleave. */
async function walk(ctx: PgContext, now: Instant): Promise<number> {
  const renewals = new PgRenewals(ctx);
  let renewed = 0;
  let cursor: RenewalCursor | null = null;
  do {
    const batch = await renewals.renewDue({ now, limit: 4, cursor, renew: (state) => periodEndsFor(state, now) });
    renewed += batch.renewed;
    cursor = batch.cursor;
  } while (cursor);
  return renewed;
}

/** Collection passes as BillingRun makes them, every charge answered as paid, until nothing is due. */
async function collect(ctx: PgContext, now: Instant, charged: string[]): Promise<number> {
  const collections = new PgCollections(ctx);
  let recorded = 0;
  for (;;) {
    const due = await collections.due(now, 4);
    if (due.length === 0) return recorded;
    const claim = await collections.claim(due);
    const results = claim.dues.map((d) => {
      const paymentAttemptId = collectionAttemptId(d);
      charged.push(paymentAttemptId);
      return {
        due: d,
        paymentAttemptId,
        customerPresent: false,
        outcome: { status: 'succeeded', chargeId: `ch_${paymentAttemptId}` } as const,
      };
    });
    recorded += await collections.record(claim, results, now, nextAttemptAfter(now));
  }
}

describe('two instances sharing the work on PostgreSQL', () => {
  it('renew every due subscription once between them, with gap-free numbers', async () => {
    await reset(renewalWorld(48));
    const july = seconds('2026-07-01T06:00:00Z');
    const [first, second] = await Promise.all(instances.map((ctx) => walk(ctx, july)));
    expect((first ?? 0) + (second ?? 0)).toBe(48);
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(0);
    const perSubscription = await query<{ invoices: number }>(
      `select count(*)::int as invoices from documents where reason = 'renewal' and issued_at >= $1
       group by subscription_id`,
      [seconds('2026-07-01T00:00:00Z')],
    );
    expect(perSubscription).toHaveLength(48);
    expect(perSubscription.every((row) => row.invoices === 1)).toBe(true);
    await expectGapFreeNumbers();
    // A second run finds nothing left to renew.
    expect(await walk(instances[1] as PgContext, july)).toBe(0);
  });

  it('charge every due invoice once between them', async () => {
    await reset(collectionWorld(40));
    const retry = seconds(COLLECTION_RETRY_AT);
    const charged: string[][] = [[], []];
    const recorded = await Promise.all(instances.map((ctx, i) => collect(ctx, retry, charged[i] ?? [])));
    expect((recorded[0] ?? 0) + (recorded[1] ?? 0)).toBe(40);
    expect(recorded.every((n) => n > 0)).toBe(true);
    // No attempt charged by both (each charge is made under the subscription's claim).
    const all = charged.flat();
    expect(new Set(all).size).toBe(all.length);
    const payments = await query<{ count: number }>(
      `select count(*)::int as count from payments where invoice_id is not null and status = 'succeeded'
       group by invoice_id having count(*) > 1`,
    );
    expect(payments).toEqual([]);
    const open = await query<{ status: string }>(`select distinct status from subscriptions`);
    expect(open).toEqual([{ status: 'active' }]);
  });
});
