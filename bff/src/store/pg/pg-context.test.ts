import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePostgres } from '../../db/migrate-pg';
import { openPostgres, type PgDb } from '../../db/open-pg';
import { type PgCluster, startPgCluster } from '../../testing/pg-cluster';
import { insertAccountWithSubscription } from '../../testing/pg-documents';
import { untilWaitingOnLocks } from '../../testing/pg-locks';
import { localClaimPolicy } from '../claim-policy';
import type { Conn } from './connection';
import { ANY_ACCOUNT, lockAccounts, lockEverything, PgContext } from './pg-context';

// PgContext.write serialises the writers of one account (its row's lock, docs/decisions/019)
// and lets writers of different accounts run side by side.

let cluster: PgCluster;
let db: PgDb;
let ctx: PgContext;

beforeAll(async () => {
  cluster = await startPgCluster();
  await migratePostgres(cluster.url);
  db = openPostgres(cluster.url, { max: 12 });
  await insertAccountWithSubscription(db, 'acct-a', 'sub-a');
  await insertAccountWithSubscription(db, 'acct-b', 'sub-b');
  ctx = new PgContext(db, localClaimPolicy({ instance: 'bff-1' }));
});

afterAll(async () => {
  await db?.$client.end();
  await cluster?.stop();
});

/** A promise and the function that resolves it. */
function signal(): { promise: Promise<void>; fire: () => void } {
  let fire: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { promise, fire };
}

/** Reads the subscription's version, then writes it plus one: a read-modify-write, as every change makes. */
async function bumpVersion(tx: Conn, subscriptionId: string): Promise<void> {
  const { rows } = await tx.$client.query<{ version: number }>('select version from subscriptions where id = $1', [
    subscriptionId,
  ]);
  await tx.$client.query('update subscriptions set version = $1 where id = $2', [
    (rows[0]?.version ?? 0) + 1,
    subscriptionId,
  ]);
}

const versionOf = async (subscriptionId: string) =>
  (await db.$client.query<{ version: number }>('select version from subscriptions where id = $1', [subscriptionId]))
    .rows[0]?.version;

describe('PgContext.write', () => {
  it('runs two writers of different accounts at the same time', async () => {
    const aStarted = signal();
    const bStarted = signal();
    const events: string[] = [];
    // Each finishes only once the other has started: were they serialised, neither would finish.
    await Promise.all([
      ctx.write(['acct-a'], async () => {
        events.push('a started');
        aStarted.fire();
        await bStarted.promise;
        events.push('a ends');
      }),
      ctx.write(['acct-b'], async () => {
        events.push('b started');
        bStarted.fire();
        await aStarted.promise;
        events.push('b ends');
      }),
    ]);
    expect(events.slice(0, 2).sort()).toEqual(['a started', 'b started']);
  });

  it('makes a second writer of the same account wait until the first has committed', async () => {
    const firstIn = signal();
    const events: string[] = [];
    const first = ctx.write(['acct-a'], async (tx) => {
      events.push('first started');
      firstIn.fire();
      await untilWaitingOnLocks(db, 1);
      await bumpVersion(tx, 'sub-a');
      events.push('first ends');
    });
    await firstIn.promise;
    const second = ctx.write(['acct-b', 'acct-a'], async (tx) => {
      events.push('second started');
      await bumpVersion(tx, 'sub-a');
    });
    await Promise.all([first, second]);
    expect(events).toEqual(['first started', 'first ends', 'second started']);
  });

  it('loses no update when many writers of one account read and write at once', async () => {
    const before = (await versionOf('sub-a')) ?? 0;
    await Promise.all(Array.from({ length: 30 }, () => ctx.write(['acct-a'], (tx) => bumpVersion(tx, 'sub-a'))));
    expect(await versionOf('sub-a')).toBe(before + 30);
  });

  it('rolls a failed writer back and releases its lock', async () => {
    const before = await versionOf('sub-b');
    await expect(
      ctx.write(['acct-b'], async (tx) => {
        await bumpVersion(tx, 'sub-b');
        throw new Error('the work failed');
      }),
    ).rejects.toThrow('the work failed');
    expect(await versionOf('sub-b')).toBe(before);
    await ctx.write(['acct-b'], (tx) => bumpVersion(tx, 'sub-b'));
    expect(await versionOf('sub-b')).toBe((before ?? 0) + 1);
  });

  it('locks nothing up front for ANY_ACCOUNT: its work locks the accounts it changes, or everything', async () => {
    const batchIn = signal();
    const events: string[] = [];
    const batch = ctx.write(ANY_ACCOUNT, async (tx) => {
      expect(await lockAccounts(tx, ['acct-b', 'acct-a', 'acct-gone'])).toEqual(['acct-a', 'acct-b']);
      batchIn.fire();
      await untilWaitingOnLocks(db, 1);
      events.push('batch ends');
    });
    await batchIn.promise;
    await ctx.write(['acct-b'], async () => {
      events.push('writer of b');
    });
    await batch;
    expect(events).toEqual(['batch ends', 'writer of b']);

    const resetIn = signal();
    const reset = ctx.write(ANY_ACCOUNT, async (tx) => {
      await lockEverything(tx);
      resetIn.fire();
      await untilWaitingOnLocks(db, 1);
      events.push('reset ends');
    });
    await resetIn.promise;
    await ctx.write(['acct-a'], async () => {
      events.push('writer of a');
    });
    await reset;
    expect(events.slice(2)).toEqual(['reset ends', 'writer of a']);
  });
});
