import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Json, type TestSystem, useDemoSystem } from '../testing/test-system';

const demo = useDemoSystem();
let system: TestSystem;
beforeEach(() => {
  system = demo();
});

const MONTHLY = { unit: 'month', count: 1 };
const STANDARD_LIMITS = { disk_mb: 50000, websites: 10, email_accounts: 50 };
const PLUS_LIMITS = { disk_mb: 150000, websites: null, email_accounts: null };

async function upgradeToPlus() {
  const julien = await system.signIn('julien@erable.example');
  const quote = await julien.json<Json>('POST', '/api/quotes', {
    planId: 'hosting-plus',
    interval: MONTHLY,
    quantity: 1,
    addOns: [],
  });
  expect(quote.body.quote.provisioning).toBe('manual');
  const confirmed = await julien.json<Json>(
    'POST',
    '/api/changes',
    { quoteId: quote.body.id },
    { 'idempotency-key': 'erable-plus-0001' },
  );
  expect(confirmed).toMatchObject({ status: 201, body: { provisioning: 'pending' } });
  return { julien, changeId: confirmed.body.changeId as string };
}

describe('a change that needs a person to provision it', () => {
  it('keeps the old limits in force until an operator completes it, then activates the new ones and e-mails', async () => {
    const { julien, changeId } = await upgradeToPlus();
    const pending = (await julien.json<Json>('GET', '/api/account')).body;
    expect(pending.provisioningPending).toBe(true);
    expect(pending.subscription.plan.id).toBe('hosting-plus');
    expect(pending.subscription.entitlements.limits).toEqual(STANDARD_LIMITS);
    expect(pending.entitlementsOnProvisioning.limits).toEqual(PLUS_LIMITS);

    const tasks = await system.store.provisioning.pending();
    expect(tasks).toMatchObject([{ changeId, accountId: 'erable-hosting', accountName: 'Érable Média' }]);
    const outcome = await system.store.provisioning.complete({
      changeId,
      operator: 'ops@planshift',
      at: system.deps.clock.now(),
    });
    expect(outcome).toBe('completed');
    expect(
      await system.store.provisioning.complete({ changeId, operator: 'ops@planshift', at: system.deps.clock.now() }),
    ).toBe('not_pending');

    const done = (await julien.json<Json>('GET', '/api/account')).body;
    expect(done.provisioningPending).toBe(false);
    expect(done.entitlementsOnProvisioning).toBeNull();
    expect(done.subscription.entitlements.limits).toEqual(PLUS_LIMITS);
    expect(await system.sql.all(`select kind, recipient from outbox where kind = 'provisioning_completed'`)).toEqual([
      { kind: 'provisioning_completed', recipient: 'julien@erable.example' },
    ]);
    expect(
      await system.sql.one(`select data from audit_events where action = 'subscription.provisioning_completed'`),
    ).toEqual({ data: JSON.stringify({ changeId, operator: 'ops@planshift' }) });
  });

  it('is completed from the operator’s command line on the BFF’s database file', async () => {
    const { julien, changeId } = await upgradeToPlus();
    const run = promisify(execFile);
    const env = { ...process.env, ...system.sql.processEnv, NODE_ENV: 'test' };
    const cli = ['--import', 'tsx', new URL('../cli/provisioning.ts', import.meta.url).pathname];
    const listed = await run(process.execPath, [...cli, 'list'], { env });
    expect(listed.stdout).toContain(changeId);
    expect(listed.stdout).toContain('Érable Média');
    const completed = await run(process.execPath, [...cli, 'complete', changeId, '--operator', 'night-shift'], { env });
    expect(completed.stdout).toContain(`Provisioned ${changeId}`);
    await expect(run(process.execPath, [...cli, 'complete', changeId], { env })).rejects.toMatchObject({ code: 1 });
    expect((await julien.json<Json>('GET', '/api/account')).body.provisioningPending).toBe(false);
  });
});
