import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SystemClock } from '../../clock';
import { openDatabase } from '../../db/open-database';
import { SCENARIOS } from '../../scenarios';
import { resetToScenario } from '../../scenarios/reset';
import { scenarioSchema } from '../../scenarios/scenario-schema';
import { localClaimPolicy } from '../claim-policy';
import type { CollectionDue } from '../records';
import { SqliteStore } from './sqlite-store';

// Boots of BFF instances on one database file: each its own SqliteStore with its own claim
// policy, as server.ts builds it from INSTANCE_ID and a boot id.
let dir: string | undefined;
const opened: SqliteStore[] = [];
afterEach(() => {
  for (const store of opened.splice(0)) store.db.$client.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function demoFile(): Promise<string> {
  dir = mkdtempSync(join(tmpdir(), 'planshift-claims-'));
  const file = join(dir, 'planshift.sqlite');
  const store = boot(file, 'seeder');
  await resetToScenario(store, new SystemClock(store, true), scenarioSchema.parse(SCENARIOS.demo));
  return file;
}

function boot(file: string, instance: string, leaseSeconds = 120): SqliteStore {
  const store = new SqliteStore(openDatabase(file), localClaimPolicy({ instance, leaseSeconds }));
  opened.push(store);
  return store;
}

/** James's seeded unpaid invoice (Oakridge, past due), as a collection would charge it. */
async function jamesInvoice(store: SqliteStore): Promise<CollectionDue> {
  const due = await store.collections.findOpenInvoice('oakridge-crm', 'sub-oakridge-0');
  if (!due) throw new Error('the demo has no unpaid invoice for Oakridge');
  return due;
}

describe('a collection claim whose owner is gone', () => {
  it('does not hold the subscription once the same instance has restarted (its earlier boot is known dead)', async () => {
    const file = await demoFile();
    const killed = boot(file, 'bff-1');
    const due = await jamesInvoice(killed);
    expect((await killed.collections.claim([due])).dues).toHaveLength(1);
    // SIGKILL between the charge and its record: the claim stays, with the dead boot as owner.

    const restarted = boot(file, 'bff-1');
    expect((await restarted.collections.claim([due])).dues).toHaveLength(1);
  });

  it('still holds against another instance until its lease lapses', async () => {
    const file = await demoFile();
    const running = boot(file, 'bff-1');
    const due = await jamesInvoice(running);
    expect((await running.collections.claim([due])).dues).toHaveLength(1);

    expect((await boot(file, 'bff-2').collections.claim([due])).dues).toHaveLength(0);
  });

  it('of an order is not dropped by the restarted instance’s writers: only order recovery finishes it', async () => {
    const file = await demoFile();
    const killed = boot(file, 'bff-1');
    const restarted = boot(file, 'bff-1');
    const due = await jamesInvoice(killed);
    killed.db.$client
      .prepare(
        `insert into subscription_claims (subscription_id, holder, owner, expires_at, claimed_at)
         values ('sub-oakridge', 'order:gone', ?, ?, ?)`,
      )
      .run(`bff-1/${crypto.randomUUID()}`, Math.floor(Date.now() / 1000) + 120, Math.floor(Date.now() / 1000));

    expect((await restarted.collections.claim([due])).dues).toHaveLength(0);
  });
});
