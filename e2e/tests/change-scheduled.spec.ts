import { expect, test } from '@playwright/test';
import {
  account,
  documents,
  expectServerAgrees,
  newDocuments,
  nextBillTable,
  openChange,
  quote,
  row,
  text,
  todayTable,
} from './change-flow';
import { date, money, resetToDemo } from './demo';

test.beforeEach(async ({ request }) => {
  await resetToDemo(request);
});

test('Olivia downgrades: it waits for the period end, shows in a banner, and renews on the new plan', async ({
  page,
}) => {
  await openChange(page, 'olivia@kestrel.example', '/change/review?plan=essential&seats=2');
  await expect(quote(page).getByRole('heading', { name: 'Changes on Nov 28, 2026' })).toBeVisible();
  await expect(quote(page)).toContainText('Plan: Advanced → Essential (downgrade)');
  await expect(todayTable(page)).toContainText('Nothing to pay or credit today.');
  // Essential × 2 = $28.00, paid from her $45.00 credit first: a credit, negative beside the charge.
  await expect(row(nextBillTable(page), 'Account credit applied')).toContainText('-$28.00');
  await expect(row(nextBillTable(page), 'Amount due')).toContainText('$0.00');
  const nextBill = await text(nextBillTable(page));
  await expectServerAgrees(page);

  const before = await documents(page);
  await page.getByRole('button', { name: 'Confirm change' }).click();
  await expect(page.getByRole('region', { name: 'What changed now' })).toContainText('Nothing changes today.');
  await expect(page.getByRole('region', { name: 'What changed now' })).toContainText(
    'Nothing was charged to your card.',
  );
  const scheduled = page.getByRole('region', { name: 'Scheduled for Nov 28, 2026' });
  await expect(scheduled).toContainText('Plan: Advanced → Essential (downgrade)');
  expect(await newDocuments(page, before)).toEqual([]);

  await page.getByRole('link', { name: 'Back to your subscription' }).first().click();
  await expect(page.getByRole('region', { name: 'Scheduled change' })).toContainText(
    'On Nov 28, 2026 your subscription changes to Essential × 2 seats.',
  );

  const moved = await page.request.put('/api/test/clock', { data: { at: '2026-11-28T12:00:00Z' } });
  expect(moved.ok()).toBe(true);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Scheduled change' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Plan and billing' })).toContainText('Essential');

  const [renewal] = await newDocuments(page, before);
  if (renewal?.kind !== 'invoice' || renewal.reason !== 'renewal') throw new Error('the period end issued a renewal');
  expect(renewal.lines.map((line) => [line.item.id, line.quantity, line.amount.amount])).toEqual([
    ['essential', 2, 2800],
  ]);
  expect(nextBill).toContain('$14.00 × 2 seats');
  expect(nextBill).toContain(money(renewal.total));
  expect(renewal.creditBalanceApplied).toBe(2800);
  const view = await account(page);
  expect(view.subscription.plan.id).toBe('essential');
  expect(view.account.creditBalance).toEqual({ amount: 1700, currency: 'USD' });
  await expect(page.getByRole('row', { name: new RegExp(renewal.number) })).toContainText(date(renewal.issuedAt));
});

test('Ben upgrades before his scheduled downgrade: the later change replaces it', async ({ page }) => {
  await openChange(page, 'ben@bluebird.example');
  const pending = (await account(page)).scheduledChange;
  if (!pending) throw new Error('Ben has a scheduled downgrade');

  // Choosing the scheduled target again changes nothing.
  await page.getByRole('radio', { name: 'Advanced' }).check();
  await expect(quote(page)).toContainText('Nothing changes: this is already your scheduled change.');

  await page.getByRole('radio', { name: 'Power' }).check();
  await expect(quote(page)).toContainText(`This replaces the change scheduled for ${date(pending.effectiveAt)}.`);
  await expect(row(todayTable(page), 'Credit for unused time: Professional')).toBeVisible();
  await expectServerAgrees(page);
  await page.goto(`/change/review${new URL(page.url()).search}`);
  await expectServerAgrees(page);
  const dueNow = await text(row(todayTable(page), 'Due now'));
  const before = await documents(page);
  await page.getByRole('button', { name: 'Place order' }).click();

  await expect(page.getByRole('region', { name: 'What changed now' })).toContainText(
    `This replaces the change that was scheduled for ${date(pending.effectiveAt)}.`,
  );
  const invoice = (await newDocuments(page, before)).find((doc) => doc.kind === 'invoice');
  if (!invoice) throw new Error('an upgrade is invoiced');
  expect(dueNow).toContain(money(invoice.amountDue));

  await page.getByRole('link', { name: 'Back to your subscription' }).first().click();
  await expect(page.getByRole('region', { name: 'Plan and billing' })).toContainText('Power');
  await expect(page.getByRole('region', { name: 'Scheduled change' })).toHaveCount(0);
  expect((await account(page)).scheduledChange).toBeNull();
});

test('a quote made stale by a change elsewhere is refreshed on the review, then confirmed', async ({ page }) => {
  await openChange(page, 'ben@bluebird.example', '/change/review?plan=power');
  await expectServerAgrees(page);
  // Meanwhile (another tab), the scheduled downgrade is cancelled: the subscription moves on.
  const { csrfToken } = (await (await page.request.get('/api/session')).json()) as { csrfToken: string };
  const cancelled = await page.request.delete('/api/scheduled-change', { headers: { 'X-CSRF-Token': csrfToken } });
  expect(cancelled.status()).toBe(204);

  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('alert')).toContainText('Your subscription or our prices changed since this quote.');
  await expectServerAgrees(page);
  await expect(quote(page)).not.toContainText('This replaces the change');
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your change is confirmed' })).toBeVisible();
  expect((await account(page)).subscription.plan.id).toBe('power');
});
