import { expect, expectNoSeriousViolations, formatMoney, test } from '@planshift/playwright';

// What the screens say must match what the numbers do (issue 15, §5): each test is a screen that
// once said less, or something other, than the quote and the documents behind it.

test.use({ language: 'en' });

test.describe(() => {
  test.use({ scenarioScope: 'worker' });

  test('plan cards tell the plans apart: shared features said once, limits against the current plan, what each adds', async ({
    page,
    signIn,
    changeFlow,
  }) => {
    await signIn('ben@bluebird.example');
    await changeFlow.open();
    await expect(
      page.getByText('Every plan here includes Deal pipeline, Contact history, and Mobile app.'),
    ).toBeVisible();
    const power = changeFlow.plan.planCard('Power');
    await expect(power).toContainText('Open deals: Unlimited (you have 100,000)');
    await expect(power).toContainText('Adds Project management and Phone support');
    await expect(power).not.toContainText('Deal pipeline');
    const essential = changeFlow.plan.planCard('Essential');
    await expect(essential).toContainText('Automations: 0 (you have 60)');
    await expect(essential).toContainText(
      'Without E-mail sync, Workflow automation, Revenue forecasts, and E-signatures',
    );
    await expect(changeFlow.plan.planCard('Professional')).toContainText(
      'Also includes E-mail sync, Workflow automation, Revenue forecasts, and E-signatures',
    );
    await expectNoSeriousViolations(page);
  });
});

test('a plan change with more seats names both, in the quote, the review and the result', async ({
  page,
  signIn,
  changeFlow,
}) => {
  await signIn('maria@northwind.example');
  await changeFlow.open('plan', { plan: 'business', seats: 12 });
  const quote = changeFlow.quote.region;
  await expect(quote).toContainText('Plan: Pro → Business (upgrade)');
  await expect(quote).toContainText('Seats: 10 → 12');

  await page.goto(`/change/review${new URL(page.url()).search}`);
  const changes = page.getByRole('region', { name: 'What changes' });
  await expect(changes).toContainText('Plan: Pro → Business (upgrade)');
  await expect(changes).toContainText('Seats: 10 → 12');
  await expect(page.getByRole('region', { name: 'What you will lose' })).toHaveCount(0);
  await changeFlow.quote.expectServerAgrees();
  await expectNoSeriousViolations(page);
  await changeFlow.review.placeOrder.click();

  const changed = changeFlow.result.changedNow;
  await expect(changed).toContainText('Plan: Pro → Business (upgrade)');
  await expect(changed).toContainText('Seats: 10 → 12');
  await expect(page.getByRole('region', { name: 'Invoice and credit note' })).toBeVisible();
});

test('a scheduled downgrade with fewer seats names both in the banner, and its review lists what is lost', async ({
  page,
  signIn,
  changeFlow,
  accountPage,
  documents,
}) => {
  await signIn('ben@bluebird.example');
  await changeFlow.open('review', { plan: 'essential', seats: 2, addOns: {} });
  const losses = page.getByRole('region', { name: 'What you will lose' });
  await expect(losses).toContainText('From Nov 20, 2026');
  await expect(losses).toContainText('Open deals: 100,000 → 3,000');
  await expect(losses).toContainText('Custom fields: Unlimited → 30');
  await expect(losses).toContainText('E-signatures: no longer included');
  await expect(losses).toContainText('Campaign contacts: no longer included');
  await expect(losses).toContainText('Campaigns (1,000 contacts): removed');
  await changeFlow.quote.expectServerAgrees();
  await expectNoSeriousViolations(page);

  const before = await documents.list();
  await changeFlow.review.confirmChange.click();
  await expect(changeFlow.result.heading).toHaveText('Your change is confirmed');
  // Nothing is issued today: the heading says so rather than promising an invoice and a credit note.
  await expect(page.getByRole('region', { name: 'No documents issued' })).toBeVisible();
  expect(await documents.issuedSince(before)).toEqual([]);

  await changeFlow.result.backToAccount.first().click();
  const banner = accountPage.scheduledChange;
  await expect(banner).toContainText('Plan: Professional → Essential (downgrade)');
  await expect(banner).toContainText('Seats: 3 → 2');
  await expect(banner).toContainText('Campaigns (1,000 contacts): removed');
});

test('the result names the one document issued, and shows identical limits once', async ({
  page,
  signIn,
  changeFlow,
  documents,
}) => {
  // Large Meetings now (invoiced), two seats fewer at the period end: the limits do not move then.
  await signIn('maria@northwind.example');
  await changeFlow.open('review', { plan: 'pro', seats: 8, addOns: { 'large-meetings': 1 } });
  await changeFlow.quote.expectServerAgrees();
  const before = await documents.list();
  await changeFlow.review.placeOrder.click();
  await expect(changeFlow.result.heading).toHaveText('Your change is confirmed');
  const [invoice, ...others] = await documents.issuedSince(before);
  if (invoice?.kind !== 'invoice' || others.length > 0) throw new Error('one invoice is issued');

  await expect(page.getByRole('region', { name: 'Invoice and credit note' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Invoice', exact: true })).toContainText(
    `Invoice ${invoice.number}: ${formatMoney(invoice.total)}`,
  );
  const limits = changeFlow.result.limits;
  await expect(limits).toHaveAccessibleName('Your limits now');
  await expect(limits).toContainText('Meeting participants1,000');
  await expect(limits).toContainText('Your limits stay the same from Dec 3, 2026.');
  await expect(limits.getByRole('heading', { name: 'From Dec 3, 2026' })).toHaveCount(0);
  await expectNoSeriousViolations(page);
});

// The tests below only read (a choice not confirmed, a page looked at): one scenario per worker.
test.describe(() => {
  test.use({ scenarioScope: 'worker' });

  test('the account page explains its whole price per cycle: the plan and every add-on', async ({
    page,
    signIn,
    accountPage,
  }) => {
    await signIn('ben@bluebird.example');
    await accountPage.goto();
    const billing = page.getByRole('region', { name: 'Plan and billing' });
    await expect(billing).toContainText('$209.00 per month');
    const parts = billing.getByRole('list', { name: 'How the price adds up' });
    await expect(parts.getByRole('listitem')).toHaveText([
      'Professional: 3 seats × $59.00 = $177.00',
      'Campaigns (1,000 contacts): 2 × $16.00 = $32.00',
    ]);
    await expectNoSeriousViolations(page);
  });

  // The picture's marks under the bar (start, end, next bill) follow its title and description in its text.
  test('the billing-period picture gives the year of an annual period, which spans years', async ({
    signIn,
    changeFlow,
  }) => {
    await signIn('claire@lumiere.example');
    await changeFlow.open();
    const annual = changeFlow.quote.periodPicture;
    await expect(annual).toHaveAccessibleName('Your billing period, Mar 1, 2026 to Mar 1, 2027');
    await expect(annual).toContainText('Mar 1, 2026Mar 1, 2027Next bill Mar 1, 2027');
  });

  test('the billing-period picture leaves the year out when every date is in the current year', async ({
    signIn,
    changeFlow,
  }) => {
    await signIn('maria@northwind.example');
    await changeFlow.open();
    const monthly = changeFlow.quote.periodPicture;
    await expect(monthly).toHaveAccessibleName('Your billing period, Nov 3, 2026 to Dec 3, 2026');
    await expect(monthly).toContainText('Nov 3Dec 3Next bill Dec 3');
  });

  test('a step with a problem says so and cannot be passed until it is fixed', async ({ page, signIn, changeFlow }) => {
    await signIn('maria@northwind.example');
    await changeFlow.open('seats', { plan: 'business' });
    const { seats, addOns } = changeFlow;
    await seats.seats.fill('9');
    const next = seats.continue;
    await expect(next).toHaveAccessibleName('Continue to add-ons');
    await expect(next).toBeDisabled();
    await expect(next).toHaveAccessibleDescription('Fix the problem above to continue.');
    await next.press('Enter');
    await expect(seats.stepHeading).toBeVisible();
    await expect(page).toHaveURL(/\/change\/seats\?/);
    await expect(seats.steps.getByRole('link', { name: 'Seats (needs a fix)' })).toBeVisible();
    // The steps past it cannot be reached from the list either.
    await expect(seats.steps.getByRole('link', { name: /Review/ })).toHaveCount(0);
    await expectNoSeriousViolations(page);

    await seats.seats.fill('10');
    await expect(next).toBeEnabled();
    await next.click();
    await expect(addOns.stepHeading).toBeVisible();
    await expect(seats.steps.getByRole('link', { name: '2 Seats', exact: true })).toBeVisible();
  });

  test('a flat-price plan has no seats step', async ({ page, signIn, changeFlow }) => {
    await signIn('julien@erable.example');
    await changeFlow.open();
    await expect(changeFlow.plan.steps.getByRole('link')).toHaveText(['1 Plan', '2 Add-ons', '3 Review']);
    await expect(page.getByRole('link', { name: 'Continue to add-ons' })).toBeVisible();
    await page.goto('/change/seats');
    await expect(changeFlow.addOns.stepHeading).toBeVisible();
    await expect(page).toHaveURL(/\/change\/add-ons\?/);
  });

  test('"This replaces the change scheduled for…" appears only once a choice would replace it', async ({
    signIn,
    changeFlow,
  }) => {
    await signIn('ben@bluebird.example');
    await changeFlow.open();
    const quote = changeFlow.quote.region;
    await expect(quote).toContainText('Nothing changes: this is already your scheduled change.');
    await expect(quote).not.toContainText('This replaces');
    // Keeping Professional is a choice: it would cancel the scheduled downgrade.
    await changeFlow.plan.planCard('Professional').getByRole('radio').check();
    await expect(quote).toContainText('This replaces the change scheduled for Nov 20, 2026.');
  });
});
