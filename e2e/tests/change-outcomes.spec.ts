import {
  expect,
  expectNoSeriousViolations,
  formatMoney as money,
  rowStartingWith as row,
  test,
  textOf,
} from '@planshift/playwright';

// Eleni and Julien's accounts speak Greek and French: the portal is read in English here.
test.use({ language: 'en' });

test('choosing what Maria already has changes nothing, and Confirm stays disabled', async ({
  page,
  signIn,
  changeFlow,
}) => {
  await signIn('maria@northwind.example');
  await changeFlow.open('review');
  await expect(changeFlow.quote.region).toContainText('Nothing changes: this is your subscription as it is.');
  const confirm = page.getByRole('button', { name: 'Confirm change' });
  await expect(confirm).toBeDisabled();
  await expect(confirm).toHaveAccessibleDescription(
    'This choice is your subscription as it is: there is nothing to confirm.',
  );
  await changeFlow.quote.expectServerAgrees();
  await expect(confirm).toBeDisabled();
});

test('Enterprise is sold through sales: Maria sees "Contact sales" and cannot choose it', async ({
  page,
  signIn,
  changeFlow,
}) => {
  await signIn('maria@northwind.example');
  await changeFlow.open();
  const plans = page.getByRole('region', { name: 'Plans' });
  const enterprise = plans.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Enterprise' }) });
  await expect(enterprise).toContainText('Contact sales');
  await expect(enterprise).toContainText('Enterprise is sold through our sales team.');
  await expect(page.getByRole('radio', { name: 'Enterprise' })).toHaveCount(0);
  // The comparison prices only what can be chosen.
  const compare = page.getByRole('table', { name: /^Compare plans/ });
  await expect(compare.getByRole('row', { name: /^Pro / })).toContainText('$0.00');
  await expect(compare.getByRole('row', { name: /^Business / })).toBeVisible();
  await expect(compare.getByRole('row', { name: /^Enterprise/ })).toHaveCount(0);
});

test('plan families decide the offer: Eleni, on Free, is offered Premium and told why Basic is not', async ({
  page,
  signIn,
  changeFlow,
}) => {
  await signIn('eleni@helios.example');
  await changeFlow.open();
  await expect(page.getByRole('radio', { name: 'Free' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Premium' })).toBeEnabled();
  await expect(page.getByRole('radio', { name: 'Basic' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Plans' })).toContainText(
    'Basic cannot be chosen from your plan family (High End).',
  );
  const compare = page.getByRole('table', { name: /^Compare plans/ });
  await expect(compare.getByRole('row', { name: /^Premium / })).toBeVisible();
  await expect(compare.getByRole('row', { name: /^Basic/ })).toHaveCount(0);
});

test('Sam’s card is declined: the reason is explained, with a way forward, and nothing changes', async ({
  page,
  signIn,
  changeFlow,
  documents,
  accountPage,
}) => {
  await signIn('sam@cobalt.example');
  await changeFlow.open('review', { plan: 'advanced', seats: 2 });
  await changeFlow.quote.expectServerAgrees();
  const before = await documents.list();
  await page.getByRole('button', { name: 'Place order' }).click();

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Your card was declined.');
  await expect(alert).toContainText('Nothing has changed');
  await expect(alert.getByRole('link', { name: 'Go to your subscription' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Review and confirm' })).toBeVisible();
  await expectNoSeriousViolations(page);

  expect(await documents.issuedSince(before)).toEqual([]);
  const view = await accountPage.facts();
  expect([view.subscription.plan.id, view.subscription.quantity]).toEqual(['essential', 2]);

  // Trying again is a new attempt (a new key), declined again for the same reason.
  await expect(page.getByRole('button', { name: 'Place order' })).toBeEnabled();
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('alert')).toContainText('Your card was declined.');
  await alert.getByRole('link', { name: 'Go to your subscription' }).click();
  await expect(page.getByRole('region', { name: 'Plan and billing' })).toContainText('Essential');
});

test('Julien moves to Plus Hosting: paid now, provisioned by a person, and told so', async ({
  page,
  signIn,
  changeFlow,
  accountPage,
}) => {
  await signIn('julien@erable.example');
  await changeFlow.open();
  await page.getByRole('radio', { name: 'Plus Hosting' }).check();
  // Hosting is prorated by the day: Nov 15 to Dec 8 of a 30-day period.
  await expect(row(changeFlow.quote.today, 'Credit for unused time: Standard Hosting')).toContainText(
    'CA$150.00 × 23/30 days',
  );
  await expect(row(changeFlow.quote.today, 'Plus Hosting, rest of this period')).toContainText(
    'CA$250.00 × 23/30 days',
  );
  await expect(changeFlow.quote.region).toContainText('A person on our team finishes setting this up');
  await changeFlow.seats.continue.click();
  await changeFlow.addOns.expectShown();
  await changeFlow.addOns.continue.click();
  await changeFlow.review.expectShown();
  await changeFlow.quote.expectServerAgrees();
  await page.getByRole('button', { name: 'Place order' }).click();

  await expect(page.getByRole('region', { name: 'Setup in progress' })).toContainText(
    'Until then your previous limits stay in force',
  );
  await expect(page.getByRole('region', { name: 'Your limits once the setup is done' })).toContainText(
    'WebsitesUnlimited',
  );
  await expectNoSeriousViolations(page);
  await page.getByRole('link', { name: 'Back to your subscription' }).click();
  await expect(page.getByRole('region', { name: 'Setup in progress' })).toBeVisible();
  expect((await accountPage.facts()).provisioningPending).toBe(true);
});

test('Tom, who may not change billing, is told why on the change page', async ({ page, signIn, changeFlow }) => {
  await signIn('tom@northwind.example');
  await changeFlow.open();
  await expect(page.getByRole('listitem').filter({ hasText: 'owners and billing admins' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Your quote' })).toHaveCount(0);
});

test('an old /change/plan link opens the first step with the selection', async ({ page, signIn, changeFlow }) => {
  await signIn('maria@northwind.example');
  await page.goto('/change/plan?plan=business');
  await expect(changeFlow.plan.heading).toBeVisible();
  await expect(page).toHaveURL(/\/change\?plan=business$/);
  await expect(page.getByRole('radio', { name: 'Business' })).toBeChecked();
});

test('a result page this tab never saw says so, with the way back', async ({ page, signIn }) => {
  await signIn('maria@northwind.example');
  await page.goto('/change/done/not-a-change');
  await expect(page.getByRole('heading', { level: 1, name: 'This result is no longer here' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to your subscription' })).toBeVisible();
});

test('a quote left for more than 30 minutes is priced again before it can be confirmed', async ({
  page,
  signIn,
  changeFlow,
  clock,
  documents,
}) => {
  await signIn('maria@northwind.example');
  await changeFlow.open('review', { plan: 'pro', cycle: 'monthly', seats: 11, addOns: {} });
  await changeFlow.quote.expectServerAgrees();
  const first = await textOf(row(changeFlow.quote.today, 'Due now'));
  await clock.set('2026-11-15T10:31:00Z');

  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('alert')).toContainText('This quote expired after 30 minutes.');
  await changeFlow.quote.expectServerAgrees();
  // 31 minutes later a little less of the period is left to pay for.
  await expect(row(changeFlow.quote.today, 'Due now')).not.toHaveText(first);
  const dueNow = await textOf(row(changeFlow.quote.today, 'Due now'));
  const before = await documents.list();
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your change is confirmed' })).toBeVisible();
  const [invoice] = await documents.issuedSince(before);
  if (!invoice) throw new Error('a seat added now is invoiced');
  expect(dueNow).toContain(money(invoice.amountDue));
});
