import {
  formatDate as date,
  expect,
  expectNoSeriousViolations,
  formatMoney as money,
  rowStartingWith as row,
  formatShare as share,
  tabTo,
  test,
  textOf,
} from '@planshift/playwright';

test.use({ persona: 'maria@northwind.example' });

test('Maria upgrades Pro → Business mid-cycle: the unused Pro time is credited and the documents match the quote', async ({
  page,
  changeFlow,
  documents,
  accountPage,
}) => {
  await changeFlow.open();
  await expect(page.getByRole('radio', { name: 'Pro' })).toBeChecked();
  await expect(changeFlow.quote.region).toContainText('Nothing changes: this is your subscription as it is.');
  await expectNoSeriousViolations(page);

  await page.getByRole('radio', { name: 'Business' }).check();
  await expect(page).toHaveURL(/plan=business/);
  // The exact share: Nov 15 10:00 to Dec 3 09:30 of a 30-day period, to the second.
  await expect(row(changeFlow.quote.today, 'Credit for unused time: Pro')).toContainText(
    '$14.99 × 10 seats × 17d 23h 30m/30 days',
  );
  await expect(row(changeFlow.quote.today, 'Business, rest of this period')).toContainText(
    '$21.99 × 10 seats × 17d 23h 30m/30 days',
  );
  await expect(
    changeFlow.quote.region.getByRole('img', { name: /^Your billing period, Nov 3, 2026 to Dec 3, 2026$/ }),
  ).toBeVisible();
  await changeFlow.quote.expectServerAgrees();

  await changeFlow.plan.continue.click();
  await changeFlow.seats.expectShown();
  await expect(page.getByLabel('Total seats')).toHaveValue('10');
  await expectNoSeriousViolations(page);
  await changeFlow.seats.continue.click();
  await changeFlow.addOns.expectShown();
  await expectNoSeriousViolations(page);
  await changeFlow.addOns.continue.click();
  await changeFlow.review.expectShown();
  await changeFlow.quote.expectServerAgrees();
  await expectNoSeriousViolations(page);

  const shown = {
    today: await textOf(changeFlow.quote.today),
    dueNow: await textOf(row(changeFlow.quote.today, 'Due now')),
    nextBill: await textOf(changeFlow.quote.nextBill),
  };
  const before = await documents.list();
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your change is confirmed' })).toBeVisible();

  const issued = await documents.issuedSince(before);
  const invoice = issued.find((doc) => doc.kind === 'invoice');
  const creditNote = issued.find((doc) => doc.kind === 'credit_note');
  if (!invoice || !creditNote) throw new Error('an upgrade issues an invoice and a credit note');
  expect(issued).toHaveLength(2);
  for (const line of invoice.lines) {
    expect(shown.today).toContain(`${money(line.unitAmount)} × ${line.quantity} seats × ${share(line.fraction)}`);
    expect(shown.today).toContain(money(line.amount));
  }
  for (const line of creditNote.lines) {
    expect(shown.today).toContain(`${money(line.unitAmount)} × ${line.quantity} seats × ${share(line.fraction)}`);
    expect(shown.today).toContain(money({ ...line.amount, amount: -line.amount.amount }));
  }
  expect(shown.dueNow).toContain(money(invoice.amountDue));
  expect(invoice.amountDue.amount).toBe(invoice.total.amount - creditNote.total.amount);

  const changed = page.getByRole('region', { name: 'What changed now' });
  await expect(changed).toContainText('Plan: Pro → Business (upgrade)');
  await expect(changed).toContainText(`${money(invoice.amountDue)} was charged to your card.`);
  const docs = page.getByRole('region', { name: 'Invoice and credit note' });
  await expect(docs).toContainText(`Invoice ${invoice.number}: ${money(invoice.total)}`);
  // A credit note's total is a credit: negative, as on the quote.
  await expect(docs).toContainText(
    `Credit note ${creditNote.number}: ${money({ ...creditNote.total, amount: -creditNote.total.amount })}`,
  );
  await expect(docs.getByRole('link', { name: `Download PDF: Invoice ${invoice.number}` })).toHaveAttribute(
    'href',
    `/api/documents/${invoice.id}/pdf`,
  );
  await expect(docs.getByRole('link', { name: `Download PDF: Credit note ${creditNote.number}` })).toHaveAttribute(
    'href',
    `/api/documents/${creditNote.id}/pdf`,
  );
  await expect(page.getByRole('region', { name: 'Your limits now' })).toContainText('Meeting participants300');

  const view = await accountPage.facts();
  expect(view.subscription.plan.id).toBe('business');
  if (!view.subscription.nextBill) throw new Error('Maria has a next bill');
  expect(shown.nextBill).toContain(money(view.subscription.nextBill.amountDue));
  await expect(docs).toContainText(
    `Your next bill is ${money(view.subscription.nextBill.amountDue)} on ${date(view.subscription.nextBill.date)}.`,
  );
  await expectNoSeriousViolations(page);

  // The result is kept for the tab: a reload shows it again.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Invoice and credit note' })).toContainText(invoice.number);
});

test('Maria enters seats as a total: Business refuses 9 inline and accepts 10; Back and Forward keep the choice', async ({
  page,
  changeFlow,
}) => {
  await changeFlow.open('seats', { plan: 'business' });
  const seats = page.getByLabel('Total seats');
  await seats.fill('9');
  await expect(seats).toHaveAttribute('aria-invalid', 'true');
  await expect(seats).toHaveAccessibleDescription(/^Business needs at least 10 seats\./);
  await expect(changeFlow.quote.region).toContainText('Business needs at least 10 seats.');
  await expect(page).toHaveURL(/seats=9/);

  await page.reload();
  await expect(page.getByLabel('Total seats')).toHaveValue('9');
  await expect(page.getByLabel('Total seats')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Total seats').fill('10');
  await expect(page.getByLabel('Total seats')).not.toHaveAttribute('aria-invalid');
  await changeFlow.quote.expectServerAgrees();
  await changeFlow.seats.continue.click();
  await changeFlow.addOns.expectShown();
  await changeFlow.addOns.continue.click();
  await changeFlow.review.expectShown();
  await expect(page.getByRole('term').filter({ hasText: 'Seats' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: '10 seats' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Place order' })).toBeEnabled();

  await page.goBack();
  await expect(changeFlow.addOns.stepHeading).toBeVisible();
  await page.goBack();
  await expect(page.getByLabel('Total seats')).toHaveValue('10');
  await page.goForward();
  await page.goForward();
  await expect(changeFlow.review.stepHeading).toBeVisible();
  await page.getByRole('link', { name: 'Edit seats' }).click();
  await expect(page.getByLabel('Total seats')).toHaveValue('10');
});

test('Maria moves from monthly to annual: the unused month is credited against the full year', async ({
  page,
  changeFlow,
  documents,
  accountPage,
}) => {
  await changeFlow.open();
  const annual = page.getByRole('radio', { name: 'Annual' });
  // 10 × $14.99 × 12 − 10 × $149.90
  await expect(annual).toHaveAccessibleDescription('$1,499.00 per year, you save $299.80');
  await annual.check();
  await expect(row(changeFlow.quote.today, 'Pro, new billing period')).toContainText('$149.90 × 10 seats');
  await expect(row(changeFlow.quote.today, 'Credit for unused time: Pro')).toBeVisible();
  await expect(changeFlow.quote.nextBill).toHaveAccessibleName('Next bill, Nov 15, 2027');
  await changeFlow.quote.expectServerAgrees();
  const dueNow = await textOf(row(changeFlow.quote.today, 'Due now'));

  await page.goto(`/change/review${new URL(page.url()).search}`);
  const before = await documents.list();
  await changeFlow.quote.expectServerAgrees();
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('region', { name: 'What changed now' })).toContainText('Billing cycle: Monthly → Annual');
  const invoice = (await documents.issuedSince(before)).find((doc) => doc.kind === 'invoice');
  if (!invoice) throw new Error('a new annual period is invoiced');
  expect(invoice.lines.map((line) => [line.kind, line.amount.amount])).toEqual([['charge_full_period', 149_900]]);
  expect(dueNow).toContain(money(invoice.amountDue));
  const view = await accountPage.facts();
  expect(view.subscription.interval).toEqual({ unit: 'year', count: 1 });
  expect(view.subscription.nextBill?.date).toBe(Date.UTC(2027, 10, 15, 10) / 1000);
});

test('a double-clicked Place order charges once and issues one invoice', async ({
  page,
  changeFlow,
  documents,
  accountPage,
}) => {
  await changeFlow.open('review', { plan: 'pro', cycle: 'monthly', seats: 12, addOns: {} });
  await changeFlow.quote.expectServerAgrees();
  const before = await documents.list();
  await page.getByRole('button', { name: 'Place order' }).dblclick();
  await expect(page.getByRole('heading', { level: 1, name: 'Your change is confirmed' })).toBeVisible();
  const issued = await documents.issuedSince(before);
  expect(issued.map((doc) => doc.kind)).toEqual(['invoice']);
  expect((await accountPage.facts()).subscription.quantity).toBe(12);
});

test('the whole flow works by keyboard', async ({ page, changeFlow, accountPage }) => {
  // From the account page to the result page with Tab, arrows, Space and Enter only.
  await accountPage.goto();
  await tabTo(page, page.getByRole('button', { name: 'Change', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Change your plan' })).toBeVisible();
  await tabTo(page, page.getByRole('radio', { name: 'Pro' }));
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Business' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Business' })).toBeFocused();

  await tabTo(page, page.getByRole('link', { name: 'Continue to seats' }));
  await page.keyboard.press('Enter');
  await expect(changeFlow.seats.stepHeading).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Total seats')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByLabel('Total seats')).toHaveValue('11');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Back to plans' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');

  await expect(changeFlow.addOns.stepHeading).toBeFocused();
  const storage = page.getByRole('checkbox', { name: 'Cloud Recording Storage (+30 GB)' });
  await tabTo(page, storage);
  await page.keyboard.press('Space');
  await expect(storage).toBeChecked();
  await tabTo(page, page.getByRole('link', { name: 'Continue to review' }));
  await page.keyboard.press('Enter');

  await expect(changeFlow.review.stepHeading).toBeFocused();
  await changeFlow.quote.expectServerAgrees();
  await tabTo(page, page.getByRole('button', { name: 'Place order' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Your change is confirmed' })).toBeFocused();
  const view = await accountPage.facts();
  expect([view.subscription.plan.id, view.subscription.quantity]).toEqual(['business', 11]);
  expect(view.subscription.addOns.map((addOn) => [addOn.id, addOn.quantity])).toEqual([['cloud-storage', 1]]);
});

test('the live quote is recomputed in the browser in well under a frame (16 ms)', async ({ page, changeFlow }) => {
  await changeFlow.open('seats', { plan: 'business' });
  const seats = page.getByLabel('Total seats');
  for (const total of ['11', '25', '120', '9', '10', '40']) {
    await seats.fill(total);
    await expect(page).toHaveURL(new RegExp(`seats=${total}`));
  }
  await page.getByRole('link', { name: 'Back to plans' }).click();
  await page.getByRole('radio', { name: 'Annual' }).check();
  await page.getByRole('radio', { name: 'Pro' }).check();
  await expect(page).toHaveURL(/plan=pro/);

  // The first entry is the quote priced when the page opened (a cold engine); the rest are recomputes on input.
  const [first = 0, ...live] = await changeFlow.quote.recomputeDurations();
  const comparison = await changeFlow.quote.recomputeDurations('planshift:plan-comparison');
  expect(live.length).toBeGreaterThanOrEqual(8);
  const sorted = [...live].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const max = sorted.at(-1) ?? 0;
  console.log(
    `live quote recompute (Performance API): ${live.length} recomputes, median ${median.toFixed(2)} ms,` +
      ` max ${max.toFixed(2)} ms; first price on page load ${first.toFixed(2)} ms;` +
      ` comparison table: ${comparison.length} renders, max ${Math.max(...comparison).toFixed(2)} ms`,
  );
  // The typical recompute is the claim; one measurement can be stretched by the OS preempting the
  // browser on a busy machine (17 ms seen while other suites ran), so the max is printed, not judged.
  expect(median).toBeLessThan(16);
});
