import { instantFromIso } from '@planshift/shared/periods';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkInvariants } from '../testing/invariants';
import type { SqlValue } from '../testing/test-sql';
import { type Client, type Json, type TestSystem, useDemoSystem } from '../testing/test-system';

// Cancelling at the period end, resuming, the end itself and starting again: through the API,
// against the demo world (its clock at 2026-11-15T10:00:00Z).
const MONTHLY = { unit: 'month', count: 1 };
const PATH = '/api/subscription/cancellation';
const HANA_END = instantFromIso('2026-11-25T00:00:00Z');
// The demo seeds Hana's cancellation: Maria's are read apart.
const MARIA_CANCELLATIONS = `with mine as (select * from subscription_cancellations where subscription_id = 'sub-northwind')`;
const MARIA_END = instantFromIso('2026-12-03T09:30:00Z');
const NOW = instantFromIso('2026-11-15T10:00:00Z');
const BEN_END = instantFromIso('2026-11-20T00:00:00Z');
/** Ben's seeded downgrade and his cancellation, side by side: which change the cancellation replaced, and each status. */
const BEN_ROWS = `select c.status as change, c.ended_at as "endedAt", x.status as cancellation,
    x.replaced_scheduled_change_id as "replacedId"
  from scheduled_changes c join subscription_cancellations x on x.subscription_id = c.subscription_id
  where c.subscription_id = 'sub-bluebird'`;

const demo = useDemoSystem();
let system: TestSystem;
beforeEach(() => {
  system = demo();
});

const rows = (sql: string, ...params: SqlValue[]) => system.sql.all<Json>(sql, ...params);
const account = async (client: Client) => (await client.json<Json>('GET', '/api/account')).body;
const quote = (client: Client, planId: string, quantity: number) =>
  client.json<Json>('POST', '/api/quotes', { planId, interval: MONTHLY, quantity, addOns: [] });
const confirm = (client: Client, quoteId: string, key: string) =>
  client.json<Json>('POST', '/api/changes', { quoteId }, { 'idempotency-key': key });
const outbox = async (accountId: string) =>
  (
    await rows(`select kind, recipient, payload from outbox where account_id = ? order by created_at, id`, accountId)
  ).map((row): Json => ({ ...row, payload: JSON.parse(String(row.payload)) }));
const moveClock = async (iso: string) =>
  expect((await system.anonymous.json('PUT', '/api/test/clock', { at: iso })).status).toBe(200);
async function mails() {
  await system.mail.dispatcher.dispatchDue();
  const list = await system.mail.mailbox.list();
  return Promise.all(list.map(async (entry) => system.mail.mailbox.read(entry.id)));
}

describe('cancelling at the period end', () => {
  it('schedules the end at the period end, keeps the reason, and e-mails the confirmation', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const before = await account(maria);
    expect(before.cancellation).toBeNull();
    expect(before.subscription.nextBill).not.toBeNull();

    const cancelled = await maria.json<Json>('POST', PATH, { reason: 'too_expensive', comment: '  Over budget.  ' });
    expect(cancelled).toEqual({
      status: 201,
      body: {
        id: expect.any(String),
        status: 'scheduled',
        effectiveAt: MARIA_END,
        reason: 'too_expensive',
        requestedAt: instantFromIso('2026-11-15T10:00:00Z'),
        replacedChange: null,
      },
    });
    const after = await account(maria);
    expect(after.cancellation).toEqual(cancelled.body);
    expect(after.subscription).toMatchObject({ status: 'active', nextBill: null });
    // Still active with everything until then: nothing about the plan changes today.
    expect(after.subscription.entitlements).toEqual(before.subscription.entitlements);
    expect(await rows(`${MARIA_CANCELLATIONS} select reason, comment, status from mine`)).toEqual([
      { reason: 'too_expensive', comment: 'Over budget.', status: 'pending' },
    ]);
    expect(await outbox('northwind-meetings')).toEqual([
      {
        kind: 'cancellation_scheduled',
        recipient: 'accounts@northwind.example',
        payload: { effectiveAt: MARIA_END, locale: 'en' },
      },
    ]);
    const [mail] = await mails();
    expect(mail).toMatchObject({
      to: ['accounts@northwind.example'],
      subject: 'Your subscription will end on December 3, 2026',
    });
    expect(mail?.text).toContain('you will not be billed again');
    expect(mail?.text).toContain('Nothing is refunded for the time left in the current period.');
    expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
  });

  it('needs no reason', async () => {
    const maria = await system.signIn('maria@northwind.example');
    expect(await maria.json('POST', PATH, {})).toMatchObject({ status: 201, body: { reason: null } });
    expect(await rows(`${MARIA_CANCELLATIONS} select reason, comment from mine`)).toEqual([
      { reason: null, comment: null },
    ]);
  });

  it('replaces the change scheduled for the same period end', async () => {
    const ben = await system.signIn('ben@bluebird.example');
    expect((await account(ben)).scheduledChange).not.toBeNull();
    expect(await ben.json('POST', PATH, { reason: 'missing_features' })).toMatchObject({ status: 201 });
    const after = await account(ben);
    expect(after.scheduledChange).toBeNull();
    expect(after.cancellation).toMatchObject({
      status: 'scheduled',
      effectiveAt: instantFromIso('2026-11-20T00:00:00Z'),
    });
    expect(await rows(`select status from scheduled_changes`)).toEqual([{ status: 'replaced' }]);
    expect(await ben.json('DELETE', '/api/scheduled-change')).toMatchObject({
      status: 404,
      body: { code: 'no_scheduled_change' },
    });
    expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
  });

  it('is open to a sales-only plan and to a past-due subscription', async () => {
    const priya = await system.signIn('priya@globex.example');
    expect(await priya.json('POST', PATH, {})).toMatchObject({
      status: 201,
      body: { effectiveAt: instantFromIso('2027-04-01T00:00:00Z') },
    });
    const james = await system.signIn('james@oakridge.example');
    expect(await james.json('POST', PATH, {})).toMatchObject({ status: 201 });
  });

  it('is replaced by a change confirmed later', async () => {
    const maria = await system.signIn('maria@northwind.example');
    await maria.json('POST', PATH, {});
    const quoted = await quote(maria, 'business', 12);
    expect(quoted.body.quote.replacesPendingChange).toEqual({
      kind: 'cancellation',
      effectiveAt: MARIA_END,
      replaced: null,
    });
    const confirmed = await confirm(maria, quoted.body.id, 'replace-cancellation-1');
    expect(confirmed).toMatchObject({
      status: 201,
      body: { replacedPendingChange: { kind: 'cancellation', effectiveAt: MARIA_END, replaced: null } },
    });
    const after = await account(maria);
    expect(after.cancellation).toBeNull();
    expect(after.subscription.nextBill).toMatchObject({ date: MARIA_END });
    expect(await rows(`${MARIA_CANCELLATIONS} select status, ended_by_user_id as "endedBy" from mine`)).toEqual([
      { status: 'replaced', endedBy: 'u-maria' },
    ]);
    expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
  });
});

describe('resuming', () => {
  it('returns Ben to where he was before cancelling: his downgrade to Advanced is scheduled again', async () => {
    const ben = await system.signIn('ben@bluebird.example');
    const pendingChange = async () =>
      (await ben.json<Json>('GET', '/api/account/options')).body.subscription.pendingChange;
    const before = await account(ben);
    const { entitlements: _, names: __, ...downgrade } = before.scheduledChange;
    expect(downgrade).toMatchObject({ effectiveAt: BEN_END, target: { planId: 'advanced', quantity: 3 } });
    const waiting = { kind: 'change', effectiveAt: BEN_END, target: downgrade.target };
    expect(await pendingChange()).toEqual(waiting);

    expect(await ben.json('POST', PATH, {})).toMatchObject({ status: 201, body: { replacedChange: downgrade } });
    expect(await pendingChange()).toEqual({ kind: 'cancellation', effectiveAt: BEN_END, replaced: waiting });
    expect((await account(ben)).cancellation).toMatchObject({ status: 'scheduled', replacedChange: downgrade });
    expect(await rows(BEN_ROWS)).toEqual([
      { change: 'replaced', endedAt: NOW, cancellation: 'pending', replacedId: downgrade.id },
    ]);
    expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
    const quoted = await quote(ben, 'professional', 5);

    expect(await ben.json('DELETE', PATH)).toEqual({
      status: 200,
      body: { renewsAt: BEN_END, restoredChange: downgrade },
    });
    expect(await pendingChange()).toEqual(waiting);
    const after = await account(ben);
    expect(after.cancellation).toBeNull();
    expect(after.scheduledChange).toEqual(before.scheduledChange);
    expect(after.subscription.nextBill).toEqual(before.subscription.nextBill);
    expect(await rows(BEN_ROWS)).toEqual([
      { change: 'pending', endedAt: null, cancellation: 'resumed', replacedId: downgrade.id },
    ]);
    expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
    // A quote priced before the resume is stale, as after any write.
    expect(await confirm(ben, quoted.body.id, 'after-resume-1')).toMatchObject({
      status: 409,
      body: { code: 'quote_stale' },
    });

    const resumedMail = (await mails()).find((mail) => mail?.subject === 'Your subscription will continue');
    expect(resumedMail?.to).toEqual(['ben@bluebird.example']);
    expect(resumedMail?.text).toContain(
      'Your change to Advanced (3 seats) on November 20, 2026 is scheduled again, as it was before you cancelled.',
    );
    expect(resumedMail?.text).toContain('- Plan: Professional → Advanced');
    // The period end applies the downgrade it brought back.
    await moveClock('2026-11-20T00:00:30Z');
    expect(await rows(`select status from scheduled_changes where id = ?`, downgrade.id)).toEqual([
      { status: 'applied' },
    ]);
    expect((await account(ben)).subscription.plan.id).toBe('advanced');
    expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
  });

  it('cancelling again replaces the same downgrade again, and resuming again brings it back again', async () => {
    const ben = await system.signIn('ben@bluebird.example');
    for (const round of [1, 2]) {
      expect((await ben.json('POST', PATH, {})).status, `cancel ${round}`).toBe(201);
      expect((await account(ben)).scheduledChange, `cancel ${round}`).toBeNull();
      expect(await ben.json('DELETE', PATH), `resume ${round}`).toMatchObject({
        status: 200,
        body: { restoredChange: { id: 'sub-bluebird-scheduled' } },
      });
      expect((await account(ben)).scheduledChange, `resume ${round}`).toMatchObject({ id: 'sub-bluebird-scheduled' });
    }
    expect(
      await rows(`select status, replaced_scheduled_change_id as "replacedId" from subscription_cancellations
        where subscription_id = 'sub-bluebird'`),
    ).toEqual([
      { status: 'resumed', replacedId: 'sub-bluebird-scheduled' },
      { status: 'resumed', replacedId: 'sub-bluebird-scheduled' },
    ]);
    expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
  });

  it('writes nothing when the change to bring back is not as the engine read it', async () => {
    const ben = await system.signIn('ben@bluebird.example');
    const cancelled = await ben.json<Json>('POST', PATH, {});
    const version = async () =>
      Number(await system.sql.value(`select version from subscriptions where id = 'sub-bluebird'`));
    const resume = async (restoreScheduledChangeId: string) =>
      system.store.cancellations.resume({
        accountId: 'bluebird-crm',
        userId: 'u-ben',
        expectedVersion: await version(),
        at: NOW,
        cancellationId: cancelled.body.id,
        restoreScheduledChangeId,
      });
    const before = await rows(BEN_ROWS);
    expect(await resume('sub-northwind-scheduled')).toBe('stale');
    // Another change waiting already (which a cancellation never leaves): bringing this one back would make two.
    await system.sql.run(`update scheduled_changes set status = 'pending' where id = 'sub-bluebird-scheduled'`);
    expect(await resume('sub-bluebird-scheduled')).toBe('stale');
    await system.sql.run(`update scheduled_changes set status = 'replaced' where id = 'sub-bluebird-scheduled'`);
    expect(await rows(BEN_ROWS)).toEqual(before);
    expect(await resume('sub-bluebird-scheduled')).toBe('resumed');
  });

  it('a change confirmed after cancelling replaces both: resuming is no longer possible', async () => {
    const ben = await system.signIn('ben@bluebird.example');
    await ben.json('POST', PATH, {});
    // Five seats with his Campaigns kept: nothing waits for the period end any more.
    const quoted = await ben.json<Json>('POST', '/api/quotes', {
      planId: 'professional',
      interval: MONTHLY,
      quantity: 5,
      addOns: [{ addOnId: 'campaigns', quantity: 2 }],
    });
    // The quote names what it replaces whole: the cancellation, and the downgrade that cancellation had replaced.
    expect(quoted.body.quote.replacesPendingChange).toEqual({
      kind: 'cancellation',
      effectiveAt: BEN_END,
      replaced: { kind: 'change', effectiveAt: BEN_END, target: expect.objectContaining({ planId: 'advanced' }) },
    });
    expect((await confirm(ben, quoted.body.id, 'replace-ben-cancellation-1')).status).toBe(201);
    expect(await rows(BEN_ROWS)).toEqual([
      { change: 'replaced', endedAt: NOW, cancellation: 'replaced', replacedId: 'sub-bluebird-scheduled' },
    ]);
    expect(await ben.json('DELETE', PATH)).toMatchObject({
      status: 404,
      body: { code: 'no_scheduled_cancellation' },
    });
    expect((await account(ben)).scheduledChange).toBeNull();
    expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
  });

  it('withdraws Hana’s cancellation: the subscription renews, and she is told', async () => {
    const hana = await system.signIn('hana@tidewater.example');
    const before = await account(hana);
    expect(before.cancellation).toMatchObject({
      status: 'scheduled',
      effectiveAt: HANA_END,
      reason: 'switching_service',
    });
    expect(before.subscription.nextBill).toBeNull();

    expect(await hana.json('DELETE', PATH)).toEqual({
      status: 200,
      body: { renewsAt: HANA_END, restoredChange: null },
    });
    const after = await account(hana);
    expect(after.cancellation).toBeNull();
    expect(after.subscription.nextBill).toMatchObject({ date: HANA_END, total: { amount: 3 * 2900 + 3250 } });
    expect(await rows(`select status, ended_by_user_id as "endedBy" from subscription_cancellations`)).toEqual([
      { status: 'resumed', endedBy: 'u-hana' },
    ]);
    const [mail] = await mails();
    expect(mail).toMatchObject({ to: ['hana@tidewater.example'], subject: 'Your subscription will continue' });
    expect(mail?.text).toContain('renews on November 25, 2026 as usual');

    expect(await hana.json('DELETE', PATH)).toMatchObject({ status: 404, body: { code: 'no_scheduled_cancellation' } });
    await moveClock('2026-11-25T00:00:30Z');
    const renewals = `select count(*) from documents where subscription_id = 'sub-tidewater' and issued_at = ?`;
    expect(await system.sql.count(renewals, HANA_END)).toBe(1);
    expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
  });

  it('is too late once the period has ended, even before the run has recorded it', async () => {
    const hana = await system.signIn('hana@tidewater.example');
    // Real time passes the period end between two maintenance passes: the clock moves without its run.
    await system.store.clock.write(instantFromIso('2026-11-25T00:00:10Z'));
    await system.deps.clock.load();
    expect(await hana.json('DELETE', PATH)).toMatchObject({
      status: 409,
      body: { code: 'renewal_due', details: { periodEnd: HANA_END } },
    });
  });
});

describe('the period end', () => {
  it('ends Hana’s subscription: canceled, no invoice, an e-mail; then she can only start again', async () => {
    const hana = await system.signIn('hana@tidewater.example');
    const documentsBefore = await rows(`select id from documents where account_id = 'tidewater-crm'`);
    await moveClock('2026-11-25T00:00:30Z');

    expect(await rows(`select id from documents where account_id = 'tidewater-crm'`)).toEqual(documentsBefore);
    expect(await rows(`select status from subscriptions where id = 'sub-tidewater'`)).toEqual([{ status: 'canceled' }]);
    expect(await rows(`select status, ended_at as "endedAt" from subscription_cancellations`)).toEqual([
      { status: 'applied', endedAt: HANA_END },
    ]);
    const view = await account(hana);
    expect(view.subscription).toMatchObject({ status: 'canceled', nextBill: null });
    expect(view.cancellation).toMatchObject({ status: 'ended', effectiveAt: HANA_END });
    expect(view.change).toEqual({ possible: true, blockers: [] });
    expect(await outbox('tidewater-crm')).toEqual([
      {
        kind: 'subscription_ended',
        recipient: 'hana@tidewater.example',
        payload: { endedAt: HANA_END, creditBalance: { amount: 0, currency: 'USD' }, locale: 'en' },
      },
    ]);

    // A later run changes nothing more.
    await moveClock('2027-01-10T00:00:00Z');
    expect(await rows(`select id from documents where account_id = 'tidewater-crm'`)).toEqual(documentsBefore);

    expect(await hana.json('POST', PATH, {})).toMatchObject({ status: 409, body: { code: 'already_canceled' } });
    expect(await hana.json('DELETE', PATH)).toMatchObject({ status: 409, body: { code: 'already_canceled' } });
    expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
  });

  it('starting again prices a new period from now at full price, and makes the subscription active', async () => {
    const hana = await system.signIn('hana@tidewater.example');
    await moveClock('2026-12-03T15:30:00Z');
    const quoted = await quote(hana, 'professional', 2);
    expect(quoted.status).toBe(201);
    const priced = quoted.body.quote;
    expect(priced.appliedNow).toEqual([{ kind: 'restart', planId: 'professional', quantity: 2, interval: MONTHLY }]);
    expect(priced.lines.map((line: Json) => [line.kind, line.amount.amount])).toEqual([['charge_full_period', 11_800]]);
    expect(priced.dueNow.amount).toBe(11_800);

    const confirmed = await confirm(hana, quoted.body.id, 'restart-hana-1');
    expect(confirmed).toMatchObject({
      status: 201,
      body: { charged: { amount: 11_800 }, documents: { creditNote: null, invoice: { total: { amount: 11_800 } } } },
    });
    const view = await account(hana);
    expect(view.subscription).toMatchObject({
      status: 'active',
      plan: { id: 'professional' },
      quantity: 2,
      currentPeriod: { start: instantFromIso('2026-12-03T15:30:00Z'), end: instantFromIso('2027-01-03T15:30:00Z') },
      nextBill: { date: instantFromIso('2027-01-03T15:30:00Z'), total: { amount: 11_800 } },
    });
    expect(view.cancellation).toBeNull();
    expect((await outbox('tidewater-crm')).map((row) => row.kind)).toEqual(['subscription_ended', 'change_confirmed']);
    expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
  });

  it('a sales-only plan is not started again by self-service', async () => {
    const priya = await system.signIn('priya@globex.example');
    await priya.json('POST', PATH, {});
    await moveClock('2027-04-01T00:00:30Z');
    const enterprise = await priya.json<Json>('POST', '/api/quotes', {
      planId: 'enterprise',
      interval: { unit: 'year', count: 1 },
      quantity: 120,
      addOns: [],
    });
    expect(enterprise).toMatchObject({ status: 422, body: { code: 'sales_only', field: 'planId' } });
    const options = (await priya.json<Json>('GET', '/api/account/options')).body.options;
    expect(options.blockers).toEqual([]);
    expect(options.plans.map((p: Json) => [p.planId, p.current, p.availability.ok])).toEqual([
      ['pro', false, true],
      ['business', false, true],
      ['enterprise', false, false],
    ]);
  });
});

describe('refusals', () => {
  it('answers who may not with 401 and 403, and writes nothing', async () => {
    const tom = await system.signIn('tom@northwind.example');
    expect(await tom.json('POST', PATH, {})).toMatchObject({ status: 403, body: { code: 'no_billing_permission' } });
    expect(await tom.json('DELETE', PATH)).toMatchObject({ status: 403, body: { code: 'no_billing_permission' } });
    expect(await system.anonymous.json('POST', PATH, {})).toMatchObject({
      status: 401,
      body: { code: 'unauthenticated' },
    });
    const maria = await system.signIn('maria@northwind.example');
    expect(await maria.json('POST', PATH, {}, { 'x-csrf-token': 'forged' })).toMatchObject({
      status: 403,
      body: { code: 'csrf_token_invalid' },
    });
    expect(await system.sql.count(`${MARIA_CANCELLATIONS} select count(*) from mine`)).toBe(0);
  });

  it('answers bad input with 400 and the field, twice with 409, and nothing to resume with 404', async () => {
    const maria = await system.signIn('maria@northwind.example');
    expect(await maria.json('POST', PATH, { reason: 'bored' })).toMatchObject({
      status: 400,
      body: { code: 'invalid_value', field: 'reason' },
    });
    expect(await maria.json('POST', PATH, { comment: 'x'.repeat(501) })).toMatchObject({
      status: 400,
      body: { code: 'too_big', field: 'comment' },
    });
    expect(await maria.json('POST', PATH, { reason: 'other', refund: true })).toMatchObject({
      status: 400,
      body: { code: 'unknown_field' },
    });
    expect(await maria.json('POST', PATH, 'not json')).toMatchObject({ status: 400, body: { code: 'malformed_json' } });
    expect(await maria.json('DELETE', PATH)).toMatchObject({
      status: 404,
      body: { code: 'no_scheduled_cancellation' },
    });
    expect(await system.sql.count(`${MARIA_CANCELLATIONS} select count(*) from mine`)).toBe(0);

    expect((await maria.json('POST', PATH, {})).status).toBe(201);
    expect(await maria.json('POST', PATH, { reason: 'other' })).toMatchObject({
      status: 409,
      body: { code: 'cancellation_already_scheduled', details: { effectiveAt: MARIA_END } },
    });
    expect(await system.sql.count(`${MARIA_CANCELLATIONS} select count(*) from mine`)).toBe(1);
  });

  it('lists the routes and their answers in the OpenAPI document', async () => {
    const { body } = await system.anonymous.json<Json>('GET', '/api/openapi.json');
    const route = body.paths[PATH];
    expect(Object.keys(route.post.responses).sort()).toEqual(['201', '400', '401', '403', '404', '409', '415']);
    expect(Object.keys(route.delete.responses).sort()).toEqual(['200', '401', '403', '404', '409']);
    expect(body.components.schemas.Error.properties.code.enum).toEqual(
      expect.arrayContaining(['already_canceled', 'cancellation_already_scheduled', 'no_scheduled_cancellation']),
    );
  });
});
