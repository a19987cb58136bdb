import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migratePostgres } from '../../db/migrate-pg';
import { openPostgres, type PgDb } from '../../db/open-pg';
import { type PgCluster, startPgCluster } from '../../testing/pg-cluster';
import { insertAccountWithSubscription } from '../../testing/pg-documents';
import { untilWaitingOnLocks } from '../../testing/pg-locks';
import { localClaimPolicy } from '../claim-policy';
import { challengeHolder, collectionHolder, orderHolder } from '../sqlite/claim-rows';
import { PgContext } from './pg-context';

// The claim rules of docs/decisions/006 on PostgreSQL, each instance (boot) its own PgContext on
// one database, as several BFF processes would be.

let cluster: PgCluster;
let db: PgDb;
let wall = 1_000_000;

beforeAll(async () => {
  cluster = await startPgCluster();
  await migratePostgres(cluster.url);
  db = openPostgres(cluster.url, { max: 8 });
  await insertAccountWithSubscription(db, 'acct', 'sub');
});

afterAll(async () => {
  await db?.$client.end();
  await cluster?.stop();
});

beforeEach(async () => {
  await db.$client.query('delete from subscription_claims');
});

function boot(instance: string, leaseSeconds = 60): PgContext {
  return new PgContext(db, localClaimPolicy({ instance, leaseSeconds, wallNow: () => wall }));
}

/** One claim operation in its own account-locked write transaction, as the repositories run them. */
const inWrite = <T>(ctx: PgContext, work: Parameters<PgContext['write']>[1]) => ctx.write(['acct'], work) as Promise<T>;

describe('claims on PostgreSQL', () => {
  it('takes a free subscription once; others find it held until it is released', async () => {
    const bff1 = boot('bff-1');
    const bff2 = boot('bff-2');
    const order = orderHolder('o-1');
    expect(await inWrite(bff1, (tx) => bff1.claims.take(tx, 'sub', order))).toBe(true);
    expect(await inWrite(bff2, (tx) => bff2.claims.take(tx, 'sub', orderHolder('o-2')))).toBe(false);
    expect(await inWrite(bff2, (tx) => bff2.claims.isFree(tx, 'sub'))).toBe(false);
    expect(await inWrite(bff2, (tx) => bff2.claims.holds(tx, 'sub', order))).toBe(true);

    await inWrite(bff2, (tx) => bff2.claims.release(tx, 'sub', orderHolder('o-2')));
    expect(await inWrite(bff2, (tx) => bff2.claims.isFree(tx, 'sub'))).toBe(false);
    await inWrite(bff1, (tx) => bff1.claims.release(tx, 'sub', order));
    expect(await inWrite(bff2, (tx) => bff2.claims.isFree(tx, 'sub'))).toBe(true);
  });

  it('drops a collection’s claim once its lease lapsed, but an order’s waits for recovery', async () => {
    const bff1 = boot('bff-1');
    const bff2 = boot('bff-2');
    expect(await inWrite(bff1, (tx) => bff1.claims.take(tx, 'sub', collectionHolder()))).toBe(true);
    expect(await inWrite(bff2, (tx) => bff2.claims.isFree(tx, 'sub'))).toBe(false);
    wall += 61;
    expect(await inWrite(bff2, (tx) => bff2.claims.isFree(tx, 'sub'))).toBe(true);

    const order = orderHolder('o-3');
    expect(await inWrite(bff1, (tx) => bff1.claims.take(tx, 'sub', order))).toBe(true);
    wall += 61;
    expect(await inWrite(bff2, (tx) => bff2.claims.isFree(tx, 'sub'))).toBe(false);
  });

  it('lets recovery take over an order’s claim only after its lease, or at once from an earlier boot', async () => {
    const order = orderHolder('o-4');
    const killed = boot('bff-1');
    expect(await inWrite(killed, (tx) => killed.claims.take(tx, 'sub', order))).toBe(true);

    const other = boot('bff-2');
    expect(await inWrite(other, (tx) => other.claims.takeOver(tx, 'sub', order))).toBe(false);
    expect(await inWrite(other, (tx) => other.claims.takeOver(tx, 'sub', orderHolder('o-5')))).toBe(false);

    const restarted = boot('bff-1');
    expect(await inWrite(restarted, (tx) => restarted.claims.takeOver(tx, 'sub', order))).toBe(true);
    // Now the restarted boot's, with a fresh lease: the other instance still may not.
    expect(await inWrite(other, (tx) => other.claims.takeOver(tx, 'sub', order))).toBe(false);
    wall += 61;
    expect(await inWrite(other, (tx) => other.claims.takeOver(tx, 'sub', order))).toBe(true);
    expect(await inWrite(restarted, (tx) => restarted.claims.holds(tx, 'sub', order))).toBe(true);
  });

  it('takes over a missing claim (an order from before claims)', async () => {
    const ctx = boot('bff-1');
    expect(await inWrite(ctx, (tx) => ctx.claims.takeOver(tx, 'sub', orderHolder('o-6')))).toBe(true);
    expect(await inWrite(ctx, (tx) => ctx.claims.holds(tx, 'sub', orderHolder('o-6')))).toBe(true);
  });

  it('hands a held claim over, and refuses when the giver no longer holds it', async () => {
    const ctx = boot('bff-1');
    const collection = collectionHolder();
    const challenge = challengeHolder('ch-1');
    expect(await inWrite(ctx, (tx) => ctx.claims.take(tx, 'sub', collection))).toBe(true);
    expect(await inWrite(ctx, (tx) => ctx.claims.handOver(tx, 'sub', collection, challenge))).toBe(true);
    expect(await inWrite(ctx, (tx) => ctx.claims.holds(tx, 'sub', challenge))).toBe(true);
    expect(await inWrite(ctx, (tx) => ctx.claims.handOver(tx, 'sub', collection, challenge))).toBe(false);
  });

  it('gives one subscription to exactly one of two instances racing for it', async () => {
    const bff1 = boot('bff-1');
    const bff2 = boot('bff-2');
    for (let round = 0; round < 25; round++) {
      const [a, b] = [orderHolder(`a-${round}`), orderHolder(`b-${round}`)];
      const won = await Promise.all([
        inWrite<boolean>(bff1, (tx) => bff1.claims.take(tx, 'sub', a)),
        inWrite<boolean>(bff2, (tx) => bff2.claims.take(tx, 'sub', b)),
      ]);
      expect(won.filter(Boolean)).toHaveLength(1);
      await db.$client.query('delete from subscription_claims');
    }
  });

  it('makes the second of two overlapping claimers wait for the first’s commit, then find the claim', async () => {
    const bff1 = boot('bff-1');
    const bff2 = boot('bff-2');
    let firstHasTaken: () => void = () => undefined;
    const taken = new Promise<void>((resolve) => {
      firstHasTaken = resolve;
    });
    const first = inWrite<boolean>(bff1, async (tx) => {
      const won = await bff1.claims.take(tx, 'sub', orderHolder('first'));
      firstHasTaken();
      // Not committed until the second writer is seen waiting on the account's row.
      await untilWaitingOnLocks(db, 1);
      return won;
    });
    await taken;
    const second = inWrite<boolean>(bff2, (tx) => bff2.claims.take(tx, 'sub', orderHolder('second')));
    expect(await first).toBe(true);
    expect(await second).toBe(false);
  });

  it('keeps a subscription a one-transaction writer found free from being claimed until that writer commits', async () => {
    const writer = boot('bff-1');
    const charger = boot('bff-2');
    let foundFree: () => void = () => undefined;
    const checked = new Promise<void>((resolve) => {
      foundFree = resolve;
    });
    let claimed: Promise<boolean> | undefined;
    const stillFree = inWrite<boolean>(writer, async (tx) => {
      expect(await writer.claims.isFree(tx, 'sub')).toBe(true);
      foundFree();
      // Either the charger waits on the account's row, or (were there no account lock) it claims at once.
      await Promise.race([
        untilWaitingOnLocks(db, 1),
        new Promise((resolve) => setTimeout(resolve, 0)).then(() => claimed),
      ]);
      return writer.claims.isFree(tx, 'sub');
    });
    await checked;
    claimed = inWrite<boolean>(charger, (tx) => charger.claims.take(tx, 'sub', collectionHolder()));
    expect(await stillFree).toBe(true);
    expect(await claimed).toBe(true);
  });
});
