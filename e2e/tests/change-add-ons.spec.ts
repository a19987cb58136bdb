import { expect, test } from '@playwright/test';
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
  share,
  text,
  todayTable,
} from './change-flow';
import { money, resetToDemo } from './demo';

test.beforeEach(async ({ page, request }) => {
  await resetToDemo(request);
  await inEnglish(page);
});

test('Giulia buys two more Disk Space Packs without changing plan', async ({ page }) => {
  await openChange(page, 'giulia@vinea.example');
  await goToStep(page, 'Continue to add-ons', 'Add-ons');
  const pack = page.getByRole('checkbox', { name: 'Disk Space Pack (+5 GB)' });
  await expect(pack).toBeChecked();
  await expect(pack).toHaveAccessibleDescription(/You have 2/);
  await page.getByLabel('Quantity Disk Space Pack (+5 GB)').fill('4');
  await expect(page).toHaveURL(/addons=disk-pack%3A4/);

  const line = row(todayTable(page), 'Disk Space Pack (+5 GB), rest of this period');
  await expect(line).toContainText('€5.00 × 2 units × 26d 14h/30 days');
  await expect(quote(page).getByRole('list')).toContainText('Disk Space Pack (+5 GB): 2 → 4');
  await expectServerAgrees(page);
  const shown = await text(todayTable(page));
  const dueNow = await text(row(todayTable(page), 'Due now'));

  await goToStep(page, 'Continue to review', 'Review and confirm');
  await expect(page.getByRole('definition').filter({ hasText: 'Premium' })).toBeVisible();
  await expectServerAgrees(page);
  const before = await documents(page);
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your change is confirmed' })).toBeVisible();

  const issued = await newDocuments(page, before);
  expect(issued.map((doc) => doc.kind)).toEqual(['invoice']);
  const [invoice] = issued;
  if (!invoice) throw new Error('an add-on bought now is invoiced');
  for (const each of invoice.lines) {
    expect(shown).toContain(`${money(each.unitAmount)} × ${each.quantity} units × ${share(each.fraction)}`);
    expect(shown).toContain(money(each.amount));
  }
  expect(dueNow).toContain(money(invoice.amountDue));
  await expect(page.getByRole('region', { name: 'Invoice', exact: true })).toContainText(
    `Invoice ${invoice.number}: ${money(invoice.total)}`,
  );
  // Packages raise limits: 10,000 MB with Premium, and 5,000 MB per pack.
  await expect(page.getByRole('region', { name: 'Your limits now' })).toContainText('Disk space (MB)30,000');
  const view = await account(page);
  expect(view.subscription.plan.id).toBe('premium');
  expect(view.subscription.addOns.find((addOn) => addOn.id === 'disk-pack')?.quantity).toBe(4);
});

test('an add-on the plan cannot have is disabled, with the reason', async ({ page }) => {
  await openChange(page, 'ben@bluebird.example', '/change/add-ons?plan=essential');
  await expect(page.getByRole('paragraph').filter({ hasText: 'cannot be had with Essential' }).first()).toBeVisible();
  const campaigns = page.getByRole('checkbox', { name: 'Campaigns (1,000 contacts)' });
  await expect(campaigns).toBeDisabled();
  await expect(campaigns).not.toBeChecked();
  await expect(campaigns).toHaveAccessibleDescription(/Campaigns \(1,000 contacts\) cannot be had with Essential\./);
  await expect(page.getByRole('checkbox', { name: 'LeadBooster' })).toBeEnabled();
});
