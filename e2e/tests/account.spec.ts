import {
  formatDate as date,
  expect,
  expectNoSeriousViolations,
  formatMoney as money,
  tabTo,
  test,
  translator,
} from '@planshift/playwright';
import type { Page } from '@playwright/test';

// One control named Change whatever its state: a button, disabled with its reasons as its description.
const changeButton = (page: Page) => page.getByRole('button', { name: 'Change', exact: true });

// The e2e code has no DOM types: the expression runs in the page.
const htmlLang = (page: Page) => page.evaluate<string>('document.documentElement.lang');

test('Maria signs in as a demo persona and sees her subscription', async ({
  page,
  scenario,
  signInPage,
  accountPage,
}) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await signInPage.signInAs(scenario.persona('maria@northwind.example'));

  await expect(page.getByRole('heading', { level: 1, name: 'Your subscription' })).toBeVisible();
  const view = await accountPage.facts();
  const { subscription } = view;
  expect(subscription.plan.name).toBe('Pro');
  expect(subscription.quantity).toBe(10);

  const summary = page.getByRole('region', { name: 'Plan and billing' });
  await expect(summary).toContainText(subscription.plan.name);
  await expect(summary).toContainText('Active');
  await expect(summary).toContainText(`${money(subscription.pricePerCycle)} per month`);
  await expect(summary).toContainText(`10 seats × ${money(subscription.plan.unitAmount)}`);
  await expect(summary).toContainText('$14.99');
  await expect(summary).toContainText('Monthly');
  if (!subscription.nextBill) throw new Error('Maria has a next bill');
  await expect(summary).toContainText(
    `${money(subscription.nextBill.amountDue)} on ${date(subscription.nextBill.date)}`,
  );
  await expect(summary).toContainText(date(subscription.signupAt));
  await expect(summary).toContainText('Visa •••• 4242');
  await expect(summary).toContainText(money(view.account.creditBalance));

  const limits = page.getByRole('region', { name: 'Limits and features' });
  await expect(limits).toContainText('Meeting participants');
  await expect(limits).toContainText('HD video');

  await expect(page.getByRole('banner')).toContainText('Northwind Traders');
  await expect(page.getByRole('banner')).toContainText('Test clock: Nov 15, 2026, 10:00 UTC');

  await expect(changeButton(page)).not.toHaveAttribute('aria-disabled');
  await changeButton(page).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Change your plan' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Enterprise' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Plans' })).toContainText('Contact sales');
});

test('a wrong password is refused with an alert', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill('maria@northwind.example');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText('The e-mail or password is wrong.');
});

test('after five wrong passwords, sign-in asks to wait, and says how long', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill('maria@northwind.example');
  await page.getByLabel('Password').fill('not-the-password');
  const submit = page.getByRole('button', { name: 'Sign in', exact: true });
  for (let attempt = 1; attempt <= 5; attempt++) {
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/session') && r.status() === 401);
    await submit.click();
    await answered;
  }
  await submit.click();
  await expect(page.getByRole('alert')).toHaveText(
    /^Too many attempts to sign in\. .* wait \d+ seconds? and try again\.$/,
  );
});

test('a signed-out visitor signs in and returns to the page asked for', async ({ page }) => {
  await page.goto('/change');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fchange$/);
  await page.getByLabel('E-mail').fill('maria@northwind.example');
  await page.getByLabel('Password').fill('planshift-demo');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Change your plan' })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('Tom, a member, finds Change disabled, with the reason written beside it and read with it', async ({
  page,
  signIn,
}) => {
  await signIn('tom@northwind.example');
  await page.goto('/');
  const reason = "Only the account's owners and billing admins can change the subscription.";
  const change = changeButton(page);
  await expect(change).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByRole('link', { name: 'Change', exact: true })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Plan and billing' }).getByText(reason)).toBeVisible();

  // Reached by keyboard, it is still the one control, and says why as it is reached.
  await tabTo(page, change);
  await expect(change).toHaveAccessibleDescription(reason);
  await page.keyboard.press('Enter');
  await change.click({ force: true });
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Your subscription' })).toBeVisible();
});

test('James pays his unpaid invoice and can change again', async ({ page, signIn, documents, clock }) => {
  await signIn('james@oakridge.example');
  await page.goto('/');
  const [invoice] = (await documents.list()).filter((doc) => doc.status === 'unpaid');
  if (!invoice) throw new Error('James has an unpaid invoice');

  const unpaid = page.getByRole('region', { name: 'Unpaid invoices' });
  await expect(unpaid).toContainText(invoice.number);
  await expect(unpaid).toContainText(money(invoice.amountDue));
  await expect(page.getByRole('region', { name: 'Plan and billing' })).toContainText('Past due');

  await expect(changeButton(page)).toHaveAttribute('aria-disabled', 'true');
  await expect(changeButton(page)).toHaveAccessibleDescription('An invoice is unpaid: pay it first.');

  await page.getByRole('button', { name: `Pay now ${invoice.number}` }).click();
  const confirm = page.getByRole('dialog', { name: `Pay invoice ${invoice.number}?` });
  await expect(confirm).toContainText(`${money(invoice.amountDue)} will be charged to your Visa •••• 4242.`);
  await confirm.getByRole('button', { name: `Pay ${money(invoice.amountDue)}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `Invoice ${invoice.number} is paid.` })).toBeVisible();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole('region', { name: 'Unpaid invoices' })).toHaveCount(0);
  await expect(changeButton(page)).not.toHaveAttribute('aria-disabled');
  await expect(page.getByRole('region', { name: 'Plan and billing' })).toContainText('Active');
  const history = page.getByRole('table');
  await expect(history.getByRole('row', { name: new RegExp(invoice.number) })).toContainText(
    `Paid on ${date((await clock.now()).now)}`,
  );
});

test('Ben cancels his scheduled downgrade', async ({ page, signIn, accountPage }) => {
  await signIn('ben@bluebird.example');
  await page.goto('/');
  const { scheduledChange } = await accountPage.facts();
  if (!scheduledChange) throw new Error('Ben has a scheduled change');

  const banner = page.getByRole('region', { name: 'Scheduled change' });
  await expect(banner).toContainText(
    `On ${date(scheduledChange.effectiveAt)} your subscription changes to Advanced × ${scheduledChange.target.quantity} seats.`,
  );

  await banner.getByRole('button', { name: 'Cancel scheduled change' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cancel the scheduled change?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Keep the change' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Yes, cancel the change' }).click();

  await expect(page.getByRole('region', { name: 'Scheduled change' })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'The scheduled change is canceled.' })).toBeVisible();
  expect((await accountPage.facts()).scheduledChange).toBeNull();
});

test('an invoice downloads as a PDF', async ({ page, signIn, documents }) => {
  await signIn('maria@northwind.example');
  await page.goto('/');
  const [latest] = await documents.list();
  if (!latest) throw new Error('Maria has a document');

  const row = page.getByRole('row', { name: new RegExp(latest.number) });
  await expect(row).toContainText(money(latest.total));
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: `Download PDF ${latest.number}` }).click();
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
});

test("the account's language is chosen; the switcher wins over it and is remembered", async ({
  page,
  signIn,
  accountPage,
}) => {
  const [sv, en] = [translator('sv'), translator('en')];
  // An English browser: Astrid's account speaks Swedish, so the portal does.
  await signIn('astrid@nordljus.example');
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: sv('account.title') })).toBeVisible();
  expect(await htmlLang(page)).toBe('sv');
  const { subscription } = await accountPage.facts();
  const plan = page.getByRole('region', { name: sv('account.summaryHeading') });
  await expect(plan).toContainText(money(subscription.pricePerCycle, 'sv'));

  await page.getByLabel(sv('header.language')).selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: en('account.title') })).toBeVisible();
  expect(await htmlLang(page)).toBe('en');
  await page.reload();
  await expect(page.getByLabel(en('header.language'))).toHaveValue('en');
  await expect(page.getByRole('region', { name: en('account.summaryHeading') })).toContainText(
    money(subscription.pricePerCycle, 'en'),
  );
});

test('the sign-in and account pages have no serious accessibility violations', async ({
  page,
  scenario,
  signInPage,
}) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 2, name: 'Demo personas' })).toBeVisible();
  await expectNoSeriousViolations(page);

  await signInPage.signInAs(scenario.persona('james@oakridge.example'));
  await expect(page.getByRole('region', { name: 'Unpaid invoices' })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await expect(changeButton(page)).toHaveAccessibleDescription('An invoice is unpaid: pay it first.');
  await expectNoSeriousViolations(page);
});
