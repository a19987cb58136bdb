import {
  expect,
  formatMoney as money,
  rowStartingWith as row,
  formatShare as share,
  test,
  textOf,
} from '@planshift/playwright';

test.use({ language: 'en' });

test('Giulia buys two more Disk Space Packs without changing plan', async ({
  page,
  signIn,
  changeFlow,
  documents,
  accountPage,
}) => {
  await signIn('giulia@vinea.example');
  await changeFlow.open();
  // Her plan is priced flat: the plan step continues straight to the add-ons.
  await changeFlow.plan.continue.click();
  await changeFlow.addOns.expectShown();
  const pack = page.getByRole('checkbox', { name: 'Disk Space Pack (+5 GB)' });
  await expect(pack).toBeChecked();
  await expect(pack).toHaveAccessibleDescription(/You have 2/);
  await page.getByLabel('Quantity Disk Space Pack (+5 GB)').fill('4');
  await expect(page).toHaveURL(/addons=disk-pack%3A4/);

  const line = row(changeFlow.quote.today, 'Disk Space Pack (+5 GB), rest of this period');
  await expect(line).toContainText('€5.00 × 2 units × 26d 14h/30 days');
  await expect(changeFlow.quote.region.getByRole('list')).toContainText('Disk Space Pack (+5 GB): 2 → 4');
  await changeFlow.quote.expectServerAgrees();
  const shown = await textOf(changeFlow.quote.today);
  const dueNow = await textOf(row(changeFlow.quote.today, 'Due now'));

  await changeFlow.addOns.continue.click();
  await changeFlow.review.expectShown();
  await expect(page.getByRole('definition').filter({ hasText: 'Premium' })).toBeVisible();
  await changeFlow.quote.expectServerAgrees();
  const before = await documents.list();
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your change is confirmed' })).toBeVisible();

  const issued = await documents.issuedSince(before);
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
  const view = await accountPage.facts();
  expect(view.subscription.plan.id).toBe('premium');
  expect(view.subscription.addOns.find((addOn) => addOn.id === 'disk-pack')?.quantity).toBe(4);
});

test('an add-on the plan cannot have is disabled, with the reason', async ({ page, signIn, changeFlow }) => {
  await signIn('ben@bluebird.example');
  await changeFlow.open('add-ons', { plan: 'essential' });
  await expect(page.getByRole('paragraph').filter({ hasText: 'cannot be had with Essential' }).first()).toBeVisible();
  const campaigns = page.getByRole('checkbox', { name: 'Campaigns (1,000 contacts)' });
  await expect(campaigns).toBeDisabled();
  await expect(campaigns).not.toBeChecked();
  await expect(campaigns).toHaveAccessibleDescription(/Campaigns \(1,000 contacts\) cannot be had with Essential\./);
  await expect(page.getByRole('checkbox', { name: 'LeadBooster' })).toBeEnabled();
});
