import { beforeEach, describe, expect, it } from 'vitest';
import { BillingRun } from './billing/billing-run';
import { confirmChange } from './testing/confirm-change';
import { checkInvariants } from './testing/invariants';
import { type Client, type Json, type TestSystem, useDemoSystem } from './testing/test-system';

// Time travel through the QA clock: every move runs what fell due before it is answered.

const demo = useDemoSystem();
let system: TestSystem;
beforeEach(() => {
  system = demo();
});

const MONTHLY = { unit: 'month', count: 1 };
const DAY = 86_400;
const at = (iso: string) => Math.floor(Date.parse(iso) / 1000);

async function setClock(iso: string) {
  const moved = await system.anonymous.json<Json>('PUT', '/api/test/clock', { at: iso });
  expect(moved.status).toBe(200);
}

async function account(client: Client): Promise<Json> {
  const { status, body } = await client.json<Json>('GET', '/api/account');
  expect(status).toBe(200);
  return body;
}

async function renewalInvoices(client: Client): Promise<Json[]> {
  const { body } = await client.json<Json>('GET', '/api/documents');
  const renewals = body.documents.filter((d: Json) => d.kind === 'invoice' && d.reason === 'renewal');
  return Promise.all(renewals.map(async (d: Json) => (await client.json<Json>('GET', `/api/documents/${d.id}`)).body));
}

const linesOf = (invoice: Json) =>
  invoice.lines.map((l: Json) => [l.item.id, l.quantity, l.unitAmount.amount, l.amount.amount]);

/** Renews what ends before `periodEnd`, then moves there with the next charge declined. */
async function declineRenewalAt(periodEnd: number) {
  await setClock(new Date((periodEnd - 1) * 1000).toISOString());
  system.payments.injectFault({ kind: 'decline' });
  await setClock(new Date(periodEnd * 1000).toISOString());
}

async function expectInvariants() {
  expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
}

describe('period ends', () => {
  it('applies a scheduled downgrade at the period end and bills the renewal at the new price', async () => {
    const ben = await system.signIn('ben@bluebird.example');
    const before = await account(ben);
    expect(before.scheduledChange.target.planId).toBe('advanced');
    const periodEnd = before.subscription.currentPeriod.end;

    await setClock('2026-11-20T00:00:01Z');
    const after = await account(ben);
    expect(after.subscription.plan.id).toBe('advanced');
    expect(after.subscription.currentPeriod.start).toBe(periodEnd);
    expect(after.scheduledChange).toBeNull();
    expect(after.subscription.status).toBe('active');

    const [invoice, ...others] = await renewalInvoices(ben);
    expect(others.filter((d) => d.issuedAt === periodEnd)).toEqual([]);
    expect(invoice?.issuedAt).toBe(periodEnd);
    const advanced = after.subscription.plan.unitAmount.amount;
    expect(linesOf(invoice ?? {})).toContainEqual(['advanced', 3, advanced, 3 * advanced]);
    expect(invoice?.lines.reduce((s: number, l: Json) => s + l.amount.amount, 0)).toBe(invoice?.total.amount);
    expect(invoice?.status).toBe('paid');
    expect(await system.sql.all(`select status from scheduled_changes`)).toEqual([{ status: 'applied' }]);
    await expectInvariants();
  });

  it('lets a later change replace the pending one: only the later one happens', async () => {
    const ben = await system.signIn('ben@bluebird.example');
    await confirmChange(ben, { planId: 'essential', interval: MONTHLY, quantity: 3, addOns: [] });
    expect((await account(ben)).scheduledChange.target).toMatchObject({ planId: 'essential', addOns: [] });

    await setClock('2026-11-21T00:00:00Z');
    const after = await account(ben);
    expect(after.subscription.plan.id).toBe('essential');
    expect(after.subscription.addOns).toEqual([]);
    expect(await system.sql.all(`select status from scheduled_changes order by created_at`)).toEqual([
      { status: 'replaced' },
      { status: 'applied' },
    ]);
    const [invoice] = await renewalInvoices(ben);
    expect(linesOf(invoice ?? {}).map((l: unknown[]) => l[0])).toEqual(['essential']);
    await expectInvariants();
  });

  it('never applies a cancelled pending change', async () => {
    const ben = await system.signIn('ben@bluebird.example');
    expect((await ben.request('DELETE', '/api/scheduled-change')).status).toBe(204);
    await setClock('2026-11-21T00:00:00Z');
    const after = await account(ben);
    expect(after.subscription.plan.id).toBe('professional');
    expect(after.subscription.addOns.map((a: Json) => [a.id, a.quantity])).toEqual([['campaigns', 2]]);
    const [invoice] = await renewalInvoices(ben);
    expect(linesOf(invoice ?? {}).map((l: unknown[]) => l.slice(0, 2))).toEqual([
      ['professional', 3],
      ['campaigns', 2],
    ]);
  });

  it('keeps removed seats until the period end, then bills only the seats kept', async () => {
    const maria = await system.signIn('maria@northwind.example');
    await confirmChange(maria, { planId: 'pro', interval: MONTHLY, quantity: 8, addOns: [] });
    const during = await account(maria);
    expect(during.subscription.quantity).toBe(10);
    expect(during.scheduledChange).toMatchObject({
      effectiveAt: during.subscription.currentPeriod.end,
      target: { quantity: 8 },
    });

    await setClock(new Date((during.subscription.currentPeriod.end - 1) * 1000).toISOString());
    expect((await account(maria)).subscription.quantity).toBe(10);
    await setClock(new Date(during.subscription.currentPeriod.end * 1000).toISOString());
    const after = await account(maria);
    expect(after.subscription.quantity).toBe(8);
    const [invoice] = await renewalInvoices(maria);
    const unit = after.subscription.plan.unitAmount.amount;
    expect(linesOf(invoice ?? {})).toEqual([['pro', 8, unit, 8 * unit]]);
  });

  it('moves an annual plan to monthly at the end of the year', async () => {
    const claire = await system.signIn('claire@lumiere.example');
    const confirmation = await confirmChange(claire, {
      planId: 'advanced',
      interval: MONTHLY,
      quantity: 5,
      addOns: [],
    });
    expect(confirmation.charged.amount).toBe(0);
    expect(confirmation.scheduled.effectiveAt).toBe(at('2027-03-01T00:00:00Z'));

    await setClock('2027-03-01T00:00:00Z');
    const after = await account(claire);
    expect(after.subscription.interval).toEqual(MONTHLY);
    expect(after.subscription.currentPeriod).toEqual({
      start: at('2027-03-01T00:00:00Z'),
      end: at('2027-04-01T00:00:00Z'),
    });
    const [invoice] = await renewalInvoices(claire);
    const monthly = after.subscription.plan.unitAmount.amount;
    expect(linesOf(invoice ?? {})).toEqual([['advanced', 5, monthly, 5 * monthly]]);
    expect(invoice?.lines[0].covers).toEqual(after.subscription.currentPeriod);
  });

  it('catches up three missed periods in order, each with its own invoice', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const start = (await account(maria)).subscription.currentPeriod.end;
    await setClock('2027-02-15T00:00:00Z');
    const invoices = (await renewalInvoices(maria)).filter((d) => d.issuedAt >= start);
    const periods = invoices.map((d) => d.lines[0].covers).sort((a: Json, b: Json) => a.start - b.start);
    expect(periods).toHaveLength(3);
    expect(periods[0].start).toBe(start);
    expect(periods[1].start).toBe(periods[0].end);
    expect(periods[2].start).toBe(periods[1].end);
    const numbers = invoices.map((d) => d.number).sort();
    expect(new Set(numbers).size).toBe(3);
    expect((await account(maria)).subscription.currentPeriod.start).toBe(periods[2].start);
    expect(invoices.map((d) => d.status)).toEqual(['paid', 'paid', 'paid']);
    await expectInvariants();
  });

  it('issues and charges nothing twice when the run is repeated or runs concurrently', async () => {
    await system.sql.run(`update system set frozen_at = ?`, at('2027-01-10T00:00:00Z'));
    await system.deps.clock.load();
    const runs = [new BillingRun(system.deps), new BillingRun(system.deps), system.billing];
    const summaries = await Promise.all([...runs.map((r) => r.run()), system.billing.run()]);
    expect(summaries.reduce((sum, s) => sum + s.invoices, 0)).toBeGreaterThan(0);
    const invoicesAfterFirst = await system.sql.count(`select count(*) from documents`);
    const charges = (await system.payments.charges()).length;

    const again = await Promise.all(runs.map((r) => r.run()));
    expect(again.every((s) => s.invoices === 0 && s.collected === 0)).toBe(true);
    expect(await system.sql.count(`select count(*) from documents`)).toBe(invoicesAfterFirst);
    expect(await system.payments.charges()).toHaveLength(charges);
    const perPeriod = await system.sql.all(
      `select d.subscription_id, l.covers_start, count(*) as n from documents d
       join document_lines l on l.document_id = d.id and l.position = 0
       where d.reason = 'renewal' group by d.subscription_id, l.covers_start having count(*) > 1`,
    );
    expect(perPeriod).toEqual([]);
    await expectInvariants();
  });
});

describe('a renewal the card does not pay', () => {
  it('goes past due, blocks changes, retries on schedule, and is active again once paid', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const periodEnd = (await account(maria)).subscription.currentPeriod.end;
    await declineRenewalAt(periodEnd);

    const pastDue = await account(maria);
    expect(pastDue.subscription.status).toBe('past_due');
    expect(pastDue.unpaidInvoices).toBe(1);
    expect(pastDue.change.possible).toBe(false);
    expect(pastDue.change.blockers.map((b: Json) => b.reason)).toContain('unpaid_invoice');
    const [invoice] = await renewalInvoices(maria);
    expect(invoice?.status).toBe('unpaid');
    const refused = await maria.json<Json>('POST', '/api/quotes', {
      planId: 'business',
      interval: MONTHLY,
      quantity: 10,
      addOns: [],
    });
    expect(refused.status).toBe(409);
    const collection = await system.sql.one(
      `select attempts, next_attempt_at, last_decline from collections where invoice_id = ?`,
      invoice?.id,
    );
    expect(collection).toEqual({ attempts: 1, next_attempt_at: periodEnd + DAY, last_decline: 'insufficient_funds' });

    // The customer pays it from the account page: the card is charged once, and the
    // subscription is active again.
    const paid = await maria.json<Json>('POST', `/api/invoices/${invoice?.id}/pay`, {});
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ subscriptionStatus: 'active', invoice: { status: 'paid' } });
    const active = await account(maria);
    expect(active.subscription.status).toBe('active');
    expect(active.change.possible).toBe(true);
    expect(await maria.json<Json>('POST', `/api/invoices/${invoice?.id}/pay`, {})).toMatchObject({
      status: 409,
      body: { code: 'invoice_already_paid' },
    });
    // Nothing is retried once paid.
    const attempts = () => system.sql.count(`select count(*) from payments where invoice_id = ?`, invoice?.id);
    const before = await attempts();
    await system.anonymous.json('POST', '/api/test/clock/advance', { days: 2 });
    expect(await attempts()).toBe(before);
    await expectInvariants();
  });

  it('is retried automatically after a day, and the retry clears it', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const periodEnd = (await account(maria)).subscription.currentPeriod.end;
    await declineRenewalAt(periodEnd);
    expect((await account(maria)).subscription.status).toBe('past_due');
    await setClock(new Date((periodEnd + DAY) * 1000).toISOString());
    const after = await account(maria);
    expect(after.subscription.status).toBe('active');
    expect(after.unpaidInvoices).toBe(0);
    await expectInvariants();
  });

  it('pays the seeded unpaid invoice of the past-due persona, which only owners and billing admins may do', async () => {
    const tom = await system.signIn('tom@northwind.example');
    const james = await system.signIn('james@oakridge.example');
    const before = await account(james);
    expect(before.subscription.status).toBe('past_due');
    const { body } = await james.json<Json>('GET', '/api/documents');
    const unpaid = body.documents.find((d: Json) => d.status === 'unpaid');
    expect(await tom.json<Json>('POST', `/api/invoices/${unpaid.id}/pay`, {})).toMatchObject({ status: 403 });
    expect(await tom.json<Json>('POST', '/api/invoices/no-such-invoice/pay', {})).toMatchObject({ status: 403 });
    const maria = await system.signIn('maria@northwind.example');
    expect(await maria.json<Json>('POST', `/api/invoices/${unpaid.id}/pay`, {})).toMatchObject({
      status: 404,
      body: { code: 'not_found' },
    });
    const paid = await james.json<Json>('POST', `/api/invoices/${unpaid.id}/pay`, {});
    expect(paid).toMatchObject({ status: 200, body: { subscriptionStatus: 'active' } });
    await expectInvariants();
  });

  it('answers 402 with the decline when the card on file is declined again', async () => {
    const sam = await system.signIn('sam@cobalt.example');
    const periodEnd = (await account(sam)).subscription.currentPeriod.end;
    await setClock(new Date(periodEnd * 1000).toISOString());
    expect((await account(sam)).subscription.status).toBe('past_due');
    const [invoice] = await renewalInvoices(sam);
    const retry = await sam.json<Json>('POST', `/api/invoices/${invoice?.id}/pay`, {});
    expect(retry).toMatchObject({
      status: 402,
      body: { code: 'payment_declined', details: { decline: 'card_declined' } },
    });
    expect((await account(sam)).subscription.status).toBe('past_due');
    expect(await system.sql.one(`select attempts from collections where invoice_id = ?`, invoice?.id)).toEqual({
      attempts: 2,
    });
    await expectInvariants();
  });
});

describe('issued documents', () => {
  it('can be neither updated nor deleted, even by hand in the database', async () => {
    const id = String(await system.sql.value(`select id from documents limit 1`));
    await expect(system.sql.run(`update documents set total = total + 1 where id = ?`, id)).rejects.toThrow(
      /immutable/,
    );
    await expect(system.sql.run(`delete from documents where id = ?`, id)).rejects.toThrow(/never deleted/);
    await expect(system.sql.run(`update document_lines set amount = 0 where document_id = ?`, id)).rejects.toThrow(
      /immutable/,
    );
    await expect(system.sql.run(`delete from document_lines where document_id = ?`, id)).rejects.toThrow(
      /never deleted/,
    );
  });
});
