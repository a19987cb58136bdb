import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './a11y';
import {
  account,
  documents,
  expectServerAgrees,
  goToStep,
  inEnglish,
  newDocuments,
  openChange,
  quote,
  row,
  text,
  todayTable,
} from './change-flow';
import { money, resetToDemo, signInAs } from './demo';

test.beforeEach(async ({ request }) => {
  await resetToDemo(request);
});

test('choosing what Maria already has changes nothing, and Confirm stays disabled', async ({ page }) => {
  await openChange(page, 'maria@northwind.example', '/change/review');
  await expect(quote(page)).toContainText('Nothing changes: this is your subscription as it is.');
  const confirm = page.getByRole('button', { name: 'Confirm change' });
  await expect(confirm).toBeDisabled();
  await expect(confirm).toHaveAccessibleDescription(
    'This choice is your subscription as it is: there is nothing to confirm.',
  );
  await expectServerAgrees(page);
  await expect(confirm).toBeDisabled();
});

test('Enterprise is sold through sales: Maria sees "Contact sales" and cannot choose it', async ({ page }) => {
  await openChange(page, 'maria@northwind.example');
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
}) => {
  await inEnglish(page);
  await openChange(page, 'eleni@helios.example');
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

test('Sam’s card is declined: the reason is explained, with a way forward, and nothing changes', async ({ page }) => {
  await openChange(page, 'sam@cobalt.example', '/change/review?plan=advanced&seats=2');
  await expectServerAgrees(page);
  const before = await documents(page);
  await page.getByRole('button', { name: 'Place order' }).click();

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Your card was declined.');
  await expect(alert).toContainText('Nothing has changed');
  await expect(alert.getByRole('link', { name: 'Go to your subscription' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Review and confirm' })).toBeVisible();
  await expectNoSeriousViolations(page);

  expect(await newDocuments(page, before)).toEqual([]);
  const view = await account(page);
  expect([view.subscription.plan.id, view.subscription.quantity]).toEqual(['essential', 2]);

  // Trying again is a new attempt (a new key), declined again for the same reason.
  await expect(page.getByRole('button', { name: 'Place order' })).toBeEnabled();
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('alert')).toContainText('Your card was declined.');
  await alert.getByRole('link', { name: 'Go to your subscription' }).click();
  await expect(page.getByRole('region', { name: 'Plan and billing' })).toContainText('Essential');
});

test('Julien moves to Plus Hosting: paid now, provisioned by a person, and told so', async ({ page }) => {
  await inEnglish(page);
  await openChange(page, 'julien@erable.example');
  await page.getByRole('radio', { name: 'Plus Hosting' }).check();
  // Hosting is prorated by the day: Nov 15 to Dec 8 of a 30-day period.
  await expect(row(todayTable(page), 'Credit for unused time: Standard Hosting')).toContainText(
    'CA$150.00 × 23/30 days',
  );
  await expect(row(todayTable(page), 'Plus Hosting, rest of this period')).toContainText('CA$250.00 × 23/30 days');
  await expect(quote(page)).toContainText('A person on our team finishes setting this up');
  await goToStep(page, 'Continue to add-ons', 'Add-ons');
  await goToStep(page, 'Continue to review', 'Review and confirm');
  await expectServerAgrees(page);
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
  expect((await account(page)).provisioningPending).toBe(true);
});

test('Tom, who may not change billing, is told why on the change page', async ({ page }) => {
  await openChange(page, 'tom@northwind.example');
  await expect(page.getByRole('listitem').filter({ hasText: 'owners and billing admins' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Your quote' })).toHaveCount(0);
});

test('an old /change/plan link opens the first step with the selection', async ({ page }) => {
  await openChange(page, 'maria@northwind.example', '/change/plan?plan=business');
  await expect(page).toHaveURL(/\/change\?plan=business$/);
  await expect(page.getByRole('radio', { name: 'Business' })).toBeChecked();
});

test('a result page this tab never saw says so, with the way back', async ({ page }) => {
  await signInAs(page, 'maria@northwind.example');
  await page.goto('/change/done/not-a-change');
  await expect(page.getByRole('heading', { level: 1, name: 'This result is no longer here' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to your subscription' })).toBeVisible();
});

test('a quote left for more than 30 minutes is priced again before it can be confirmed', async ({ page }) => {
  await openChange(page, 'maria@northwind.example', '/change/review?plan=pro&cycle=P1M&seats=11&addons=');
  await expectServerAgrees(page);
  const first = await text(row(todayTable(page), 'Due now'));
  const moved = await page.request.put('/api/test/clock', { data: { at: '2026-11-15T10:31:00Z' } });
  expect(moved.ok()).toBe(true);

  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('alert')).toContainText('This quote expired after 30 minutes.');
  await expectServerAgrees(page);
  // 31 minutes later a little less of the period is left to pay for.
  await expect(row(todayTable(page), 'Due now')).not.toHaveText(first);
  const dueNow = await text(row(todayTable(page), 'Due now'));
  const before = await documents(page);
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your change is confirmed' })).toBeVisible();
  const [invoice] = await newDocuments(page, before);
  if (!invoice) throw new Error('a seat added now is invoiced');
  expect(dueNow).toContain(money(invoice.amountDue));
});
