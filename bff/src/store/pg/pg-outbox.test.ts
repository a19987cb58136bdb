import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePostgres } from '../../db/migrate-pg';
import { openPostgres, type PgDb } from '../../db/open-pg';
import * as t from '../../db/pg-schema';
import { type PgCluster, startPgCluster } from '../../testing/pg-cluster';
import { AT, insertAccountWithSubscription } from '../../testing/pg-documents';
import { OUTBOX_LEASE_SECONDS } from './pg-outbox';
import { PgStore } from './pg-store';

// Two instances' dispatchers take the due e-mails from one outbox: each message goes to one of
// them (docs/decisions/020), and comes back only if its taker neither sends it nor fails it.

let cluster: PgCluster;
let db: PgDb;
let instances: PgStore[];

beforeAll(async () => {
  cluster = await startPgCluster();
  await migratePostgres(cluster.url);
  db = openPostgres(cluster.url);
  await insertAccountWithSubscription(db);
  instances = [new PgStore(openPostgres(cluster.url)), new PgStore(openPostgres(cluster.url))];
});

afterAll(async () => {
  await Promise.all([db, ...instances.map((store) => store.db)].map((each) => each?.$client.end()));
  await cluster?.stop();
});

const message = (n: number) => ({
  id: `m${String(n).padStart(3, '0')}`,
  accountId: 'acct',
  kind: 'change_confirmed',
  recipient: 'billing@acme.example',
  payload: { n },
  createdAt: AT + n,
  attempts: 0,
  nextAttemptAt: AT + n,
});

describe('the outbox on PostgreSQL', () => {
  it('hands each due message to one instance, oldest first, and again only after its lease', async () => {
    await db.insert(t.outbox).values(Array.from({ length: 40 }, (_, n) => message(n)));
    const now = AT + 100;
    const [first, second] = await Promise.all(instances.map((store) => store.outbox.due(now, 25)));
    const taken = [...(first ?? []), ...(second ?? [])].map((m) => m.id);
    expect(new Set(taken).size).toBe(taken.length);
    expect(taken.sort()).toEqual(Array.from({ length: 40 }, (_, n) => message(n).id));
    for (const batch of [first ?? [], second ?? []]) {
      const ids = batch.map((m) => m.id);
      expect(ids).toEqual([...ids].sort());
    }
    expect(first?.[0]).toMatchObject({ accountId: 'acct', payload: expect.anything(), attempts: 0 });

    // Taken: not due to anyone until the lease ends.
    expect(await instances[0]?.outbox.due(now, 100)).toEqual([]);
    await instances[0]?.outbox.markSent('m000', now);
    await instances[1]?.outbox.markFailed('m001', 1, now + 30, 'refused');
    expect((await instances[1]?.outbox.due(now + 30, 100))?.map((m) => m.id)).toEqual(['m001']);
    // Neither sent nor failed by their taker (gone): due again once the lease ends; the sent one never.
    const back = (await instances[1]?.outbox.due(now + OUTBOX_LEASE_SECONDS, 100))?.map((m) => m.id) ?? [];
    expect(back).toHaveLength(38);
    expect(back).not.toContain('m000');
    expect(back).not.toContain('m001');
  });
});
