import { afterEach, describe, expect, it } from 'vitest';
import { SystemClock } from '../../clock';
import { openDatabase } from '../../db/open-database';
import { SCENARIOS } from '../../scenarios';
import { resetToScenario } from '../../scenarios/reset';
import { scenarioSchema } from '../../scenarios/scenario-schema';
import { localClaimPolicy } from '../claim-policy';
import { BillingStateBatchReader } from './billing-state-batch';
import { DueCollections } from './collection-rows';
import { SqliteContext } from './sqlite-context';
import { SqliteStore } from './sqlite-store';

const opened: SqliteStore[] = [];
afterEach(() => {
  for (const store of opened.splice(0)) store.db.$client.close();
});

/** The demo world in memory, with what the demo does not seed: cancellations (one replacing a scheduled change) and credit. */
async function demoWorld() {
  const store = new SqliteStore(openDatabase(':memory:'), localClaimPolicy());
  opened.push(store);
  await resetToScenario(store, new SystemClock(store, true), scenarioSchema.parse(SCENARIOS.demo));
  const sqlite = store.db.$client;
  const subscriptions = sqlite.prepare('select id, account_id from subscriptions order by id').all() as {
    id: string;
    account_id: string;
  }[];
  const scheduled = sqlite.prepare(`select subscription_id as id, id as change from scheduled_changes`).all() as {
    id: string;
    change: string;
  }[];
  const [first, second, third] = subscriptions;
  const replaced = scheduled[0];
  if (!first || !second || !third || !replaced)
    throw new Error('the demo has fewer subscriptions than this test needs');
  const cancel = sqlite.prepare(
    `insert into subscription_cancellations (id, subscription_id, effective_at, status, created_at, ended_at,
       replaced_scheduled_change_id) values (?, ?, 2000000000, ?, 1700000000, ?, ?)`,
  );
  cancel.run('cn-pending', replaced.id, 'pending', null, replaced.change);
  cancel.run('cn-applied-old', first.id, 'applied', 1700000100, null);
  cancel.run('cn-applied-new', first.id, 'applied', 1700000200, null);
  cancel.run('cn-resumed', second.id, 'resumed', 1700000300, null);
  sqlite.prepare(`update subscriptions set status = 'canceled' where id = ?`).run(first.id);
  const credit = sqlite.prepare(
    `insert into credit_ledger (account_id, amount, currency, reason, created_at) values (?, ?, 'USD', 'goodwill', 1700000000)`,
  );
  credit.run(third.account_id, 700);
  credit.run(third.account_id, -200);
  return { store, subscriptions };
}

describe('the period-end run’s set-based reads', () => {
  it('read the billing state of every subscription as reading each account alone does', async () => {
    const { store, subscriptions } = await demoWorld();
    const ctx = new SqliteContext(store.db, localClaimPolicy());
    const batch = new BillingStateBatchReader(store.db.$client, ctx.catalogs);
    const states = batch.read([...subscriptions.map((s) => s.id), 'no-such-subscription']);
    expect(states.size).toBe(subscriptions.length);
    for (const { id, account_id } of subscriptions) {
      expect(states.get(id)).toEqual(ctx.billingState.readFresh(account_id));
    }
    // What the world added is in the states compared: a pending cancellation with the change it replaced, credit.
    const all = [...states.values()];
    expect(all.some((s) => s.cancellation?.status === 'pending' && s.cancellation.replaced !== null)).toBe(true);
    expect(all.some((s) => s.cancellation?.id === 'cn-applied-new')).toBe(true);
    expect(all.some((s) => s.subscription.creditBalance === 500)).toBe(true);
    expect(all.some((s) => s.subscription.unpaidInvoices > 0)).toBe(true);
  });

  it('read the due collections as the look-up of one open invoice reads each', async () => {
    const { store } = await demoWorld();
    const dues = new DueCollections(store.db.$client).read(Number.MAX_SAFE_INTEGER, 1000);
    expect(dues.length).toBeGreaterThan(0);
    for (const due of dues) {
      expect(due).toEqual(await store.collections.findOpenInvoice(due.accountId, due.invoiceId));
    }
  });
});
