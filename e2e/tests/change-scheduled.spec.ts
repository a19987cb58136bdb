import {
  csrfHeaders,
  formatDate as date,
  expect,
  formatMoney as money,
  rowStartingWith as row,
  test,
  textOf,
} from '@planshift/playwright';

test('Olivia downgrades: it waits for the period end, shows in a banner, and renews on the new plan', async ({
  page,
  signIn,
  changeFlow,
  clock,
  documents,
  accountPage,
}) => {
  await signIn('olivia@kestrel.example');
  await changeFlow.open('review', { plan: 'essential', seats: 2 });
  await expect(changeFlow.quote.region.getByRole('heading', { name: 'Changes on Nov 28, 2026' })).toBeVisible();
  await expect(changeFlow.quote.region).toContainText('Plan: Advanced → Essential (downgrade)');
  await expect(changeFlow.quote.today).toContainText('Nothing to pay or credit today.');
  // Essential × 2 = $28.00, paid from her $45.00 credit first: a credit, negative beside the charge.
  await expect(row(changeFlow.quote.nextBill, 'Account credit applied')).toContainText('-$28.00');
  await expect(row(changeFlow.quote.nextBill, 'Amount due')).toContainText('$0.00');
  const nextBill = await textOf(changeFlow.quote.nextBill);
  await changeFlow.quote.expectServerAgrees();

  const before = await documents.list();
  await page.getByRole('button', { name: 'Confirm change' }).click();
  await expect(page.getByRole('region', { name: 'What changed now' })).toContainText('Nothing changes today.');
  await expect(page.getByRole('region', { name: 'What changed now' })).toContainText(
    'Nothing was charged to your card.',
  );
  const scheduled = page.getByRole('region', { name: 'Scheduled for Nov 28, 2026' });
  await expect(scheduled).toContainText('Plan: Advanced → Essential (downgrade)');
  expect(await documents.issuedSince(before)).toEqual([]);

  await page.getByRole('link', { name: 'Back to your subscription' }).first().click();
  await expect(page.getByRole('region', { name: 'Scheduled change' })).toContainText(
    'On Nov 28, 2026 your subscription changes to Essential × 2 seats.',
  );

  await clock.set('2026-11-28T12:00:00Z');
  await page.reload();
  await expect(page.getByRole('region', { name: 'Scheduled change' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Plan and billing' })).toContainText('Essential');

  const [renewal] = await documents.issuedSince(before);
  if (renewal?.kind !== 'invoice' || renewal.reason !== 'renewal') throw new Error('the period end issued a renewal');
  expect(renewal.lines.map((line) => [line.item.id, line.quantity, line.amount.amount])).toEqual([
    ['essential', 2, 2800],
  ]);
  expect(nextBill).toContain('$14.00 × 2 seats');
  expect(nextBill).toContain(money(renewal.total));
  expect(renewal.creditBalanceApplied).toBe(2800);
  const view = await accountPage.facts();
  expect(view.subscription.plan.id).toBe('essential');
  expect(view.account.creditBalance).toEqual({ amount: 1700, currency: 'USD' });
  await expect(page.getByRole('row', { name: new RegExp(renewal.number) })).toContainText(date(renewal.issuedAt));
});

test('Ben upgrades before his scheduled downgrade: the later change replaces it', async ({
  page,
  signIn,
  changeFlow,
  documents,
  accountPage,
}) => {
  await signIn('ben@bluebird.example');
  await changeFlow.open();
  const pending = (await accountPage.facts()).scheduledChange;
  if (!pending) throw new Error('Ben has a scheduled downgrade');

  // Choosing the scheduled target again changes nothing.
  await page.getByRole('radio', { name: 'Advanced' }).check();
  await expect(changeFlow.quote.region).toContainText('Nothing changes: this is already your scheduled change.');

  await page.getByRole('radio', { name: 'Power' }).check();
  await expect(changeFlow.quote.region).toContainText(
    `This replaces the change scheduled for ${date(pending.effectiveAt)}.`,
  );
  await expect(row(changeFlow.quote.today, 'Credit for unused time: Professional')).toBeVisible();
  await changeFlow.quote.expectServerAgrees();
  await page.goto(`/change/review${new URL(page.url()).search}`);
  await changeFlow.quote.expectServerAgrees();
  const dueNow = await textOf(row(changeFlow.quote.today, 'Due now'));
  const before = await documents.list();
  await page.getByRole('button', { name: 'Place order' }).click();

  await expect(page.getByRole('region', { name: 'What changed now' })).toContainText(
    `This replaces the change that was scheduled for ${date(pending.effectiveAt)}.`,
  );
  const invoice = (await documents.issuedSince(before)).find((doc) => doc.kind === 'invoice');
  if (!invoice) throw new Error('an upgrade is invoiced');
  expect(dueNow).toContain(money(invoice.amountDue));

  await page.getByRole('link', { name: 'Back to your subscription' }).first().click();
  await expect(page.getByRole('region', { name: 'Plan and billing' })).toContainText('Power');
  await expect(page.getByRole('region', { name: 'Scheduled change' })).toHaveCount(0);
  expect((await accountPage.facts()).scheduledChange).toBeNull();
});

test('a quote made stale by a change elsewhere is refreshed on the review, then confirmed', async ({
  page,
  signIn,
  changeFlow,
  accountPage,
}) => {
  await signIn('ben@bluebird.example');
  await changeFlow.open('review', { plan: 'power' });
  await changeFlow.quote.expectServerAgrees();
  // Meanwhile (another tab), the scheduled downgrade is cancelled: the subscription moves on.
  const cancelled = await page.request.delete('/api/scheduled-change', { headers: await csrfHeaders(page.request) });
  expect(cancelled.status()).toBe(204);

  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('alert')).toContainText('Your subscription or our prices changed since this quote.');
  await changeFlow.quote.expectServerAgrees();
  await expect(changeFlow.quote.region).not.toContainText('This replaces the change');
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your change is confirmed' })).toBeVisible();
  expect((await accountPage.facts()).subscription.plan.id).toBe('power');
});
