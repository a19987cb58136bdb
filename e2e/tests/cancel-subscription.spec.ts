import {
  csrfHeaders,
  formatDate as date,
  expect,
  expectNoSeriousViolations,
  formatMoney as money,
  rowStartingWith as row,
  tabTo,
  test,
  translator,
} from '@planshift/playwright';
import type { Page } from '@playwright/test';

// Cancelling at the period end, resuming, the end itself and starting again: roles and names only.

const OLIVIA_END = '2026-11-28T00:00:00Z';
const HANA_END = '2026-11-25T00:00:00Z';
const BEN_END = '2026-11-20T00:00:00Z';
const instant = (iso: string) => Date.parse(iso) / 1000;

const plan = (page: Page) => page.getByRole('region', { name: 'Plan and billing' });
const banner = (page: Page) => page.getByRole('region', { name: 'Cancellation scheduled' });
const scheduledBanner = (page: Page) => page.getByRole('region', { name: 'Scheduled change' });
/** The page's live notice (the header's test clock is a status too). */
const notice = (page: Page) => page.getByRole('main').getByRole('status');

/** From the account page: the review, a reason, and the confirmation. */
async function cancelFromAccount(page: Page, reason: string): Promise<void> {
  await page.getByRole('link', { name: 'Cancel subscription' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cancel your subscription' })).toBeVisible();
  await page.getByRole('radio', { name: reason }).check();
  await page.getByRole('button', { name: 'Confirm cancellation' }).click();
  await expect(banner(page)).toBeVisible();
}

test('Olivia cancels: the review says what happens and what she loses; the banner offers Resume', async ({
  page,
  signIn,
  accountPage,
}) => {
  await signIn('olivia@kestrel.example');
  await page.goto('/');
  const end = date(instant(OLIVIA_END));
  await expect(plan(page)).toContainText(`on ${end}`);
  await page.getByRole('link', { name: 'Cancel subscription' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Cancel your subscription' })).toBeVisible();
  const happens = page.getByRole('region', { name: 'What happens' });
  await expect(happens).toContainText(`Your subscription stays active until ${end}`);
  await expect(happens).toContainText('It will not renew, and you will not be billed again.');
  await expect(happens).toContainText('Nothing is refunded for the time left in the current billing period.');
  await expect(happens).toContainText('Your credit balance of $45.00 stays on your account.');
  const lose = page.getByRole('region', { name: `What you lose on ${end}` });
  await expect(lose).toContainText('The Advanced plan, with its limits and features:');
  await expect(lose.getByRole('heading', { name: 'Features' })).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.getByRole('radio', { name: 'It costs too much' }).check();
  await page.getByRole('textbox', { name: 'Anything else you would like to tell us? (optional)' }).fill('Budget cuts.');
  await page.getByRole('button', { name: 'Confirm cancellation' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Your subscription' })).toBeFocused();
  await expect(notice(page)).toContainText(`Your subscription is canceled. It stays active until ${end}.`);
  await expect(banner(page)).toContainText(`Your subscription ends on ${end}.`);
  await expect(banner(page).getByRole('button', { name: 'Resume subscription' })).toBeVisible();
  await expect(plan(page)).toContainText('No upcoming bill');
  await expect(page.getByRole('link', { name: 'Cancel subscription' })).toHaveCount(0);
  expect((await accountPage.facts()).cancellation).toMatchObject({
    status: 'scheduled',
    effectiveAt: instant(OLIVIA_END),
    reason: 'too_expensive',
  });
  await expectNoSeriousViolations(page);
});

test('Hana resumes her scheduled cancellation: the banner goes and the next bill comes back', async ({
  page,
  signIn,
  accountPage,
}) => {
  await signIn('hana@tidewater.example');
  await page.goto('/');
  const end = date(instant(HANA_END));
  await expect(banner(page)).toContainText(`Your subscription ends on ${end}.`);
  await expect(plan(page)).toContainText('No upcoming bill');

  await banner(page).getByRole('button', { name: 'Resume subscription' }).click();
  await expect(notice(page)).toContainText(`Your subscription will continue. It renews on ${end}.`);
  await expect(banner(page)).toHaveCount(0);
  const { subscription, cancellation } = await accountPage.facts();
  expect(cancellation).toBeNull();
  if (!subscription.nextBill) throw new Error('a resumed subscription has a next bill');
  await expect(plan(page)).toContainText(`${money(subscription.nextBill.amountDue)} on ${end}`);
  await expect(page.getByRole('link', { name: 'Cancel subscription' })).toBeVisible();
});

test('Ben cancels over his downgrade to Advanced; Resume brings the downgrade back', async ({
  page,
  signIn,
  accountPage,
}) => {
  await signIn('ben@bluebird.example');
  await page.goto('/');
  const end = date(instant(BEN_END));
  const downgrade = `On ${end} your subscription changes to Advanced × 3 seats.`;
  const comesBack = `If you resume, your change to Advanced × 3 seats on ${end} is scheduled again.`;
  await expect(scheduledBanner(page)).toContainText(downgrade);

  await page.getByRole('link', { name: 'Cancel subscription' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cancel your subscription' })).toBeVisible();
  const happens = page.getByRole('region', { name: 'What happens' });
  await expect(happens).toContainText(`This replaces the change scheduled for ${end}. ${comesBack}`);
  await expectNoSeriousViolations(page);
  await page.getByRole('button', { name: 'Confirm cancellation' }).click();

  await expect(banner(page)).toContainText(`Your subscription ends on ${end}.`);
  await expect(banner(page)).toContainText(comesBack);
  await expect(scheduledBanner(page)).toHaveCount(0);
  await expectNoSeriousViolations(page);

  await banner(page).getByRole('button', { name: 'Resume subscription' }).click();
  await expect(notice(page)).toContainText(
    `Your subscription will continue. It renews on ${end}. Your change to Advanced × 3 seats on ${end} is scheduled again.`,
  );
  await expect(banner(page)).toHaveCount(0);
  await expect(scheduledBanner(page)).toContainText(downgrade);
  await expect(scheduledBanner(page)).toContainText('Plan: Professional → Advanced (downgrade)');
  await expect(scheduledBanner(page).getByRole('button', { name: 'Cancel scheduled change' })).toBeVisible();
  expect((await accountPage.facts()).scheduledChange).toMatchObject({
    effectiveAt: instant(BEN_END),
    target: { planId: 'advanced', quantity: 3 },
  });
});

test('Olivia’s cancellation reaches the period end; she starts again at full price from that day', async ({
  page,
  signIn,
  clock,
  documents,
  changeFlow,
}) => {
  await signIn('olivia@kestrel.example');
  await page.goto('/');
  await cancelFromAccount(page, 'I do not use it enough');
  const before = await documents.list();

  await clock.set('2026-12-02T09:00:00Z');
  await page.reload();
  const ended = page.getByRole('region', { name: 'Your subscription has ended' });
  await expect(ended).toContainText(`It ended on ${date(instant(OLIVIA_END))}. Nothing more will be billed.`);
  await expect(plan(page)).toContainText('Canceled');
  await expect(page.getByRole('link', { name: 'Cancel subscription' })).toHaveCount(0);
  expect(await documents.issuedSince(before)).toEqual([]);
  await expectNoSeriousViolations(page);

  await ended.getByRole('button', { name: 'Start again' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Start again' })).toBeVisible();
  await page.getByRole('radio', { name: 'Professional' }).check();
  // A whole month from today at full price, paid from her $45.00 credit first; nothing credited.
  await expect(changeFlow.quote.region).toContainText('Start again on Professional × 2 seats (Monthly)');
  await expect(row(changeFlow.quote.today, 'Professional, new billing period')).toContainText('$59.00 × 2 seats');
  await expect(row(changeFlow.quote.today, 'Professional, new billing period')).toContainText('$118.00');
  await expect(changeFlow.quote.today).not.toContainText('Credit for unused time');
  await expect(row(changeFlow.quote.today, 'Due now')).toContainText('$73.00');
  await changeFlow.quote.expectServerAgrees();
  await expectNoSeriousViolations(page);

  await page.goto(`/change/review${new URL(page.url()).search}`);
  await changeFlow.quote.expectServerAgrees();
  await page.getByRole('button', { name: 'Place order' }).click();
  const now = page.getByRole('region', { name: 'What changed now' });
  await expect(now).toContainText('Start again on Professional × 2 seats (Monthly)');
  await expect(now).toContainText('$73.00');
  const [invoice] = await documents.issuedSince(before);
  expect(invoice).toMatchObject({ kind: 'invoice', total: { amount: 11_800 }, creditBalanceApplied: 4_500 });

  await page.getByRole('link', { name: 'Back to your subscription' }).first().click();
  await expect(plan(page)).toContainText('Active');
  await expect(plan(page)).toContainText(`$118.00 on ${date(instant('2027-01-02T09:00:00Z'))}`);
  await expect(page.getByRole('region', { name: 'Your subscription has ended' })).toHaveCount(0);
});

test('the review is usable by keyboard alone', async ({ page, signIn }) => {
  await signIn('olivia@kestrel.example');
  await page.goto('/');
  await tabTo(page, page.getByRole('link', { name: 'Cancel subscription' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Cancel your subscription' })).toBeVisible();
  const reason = page.getByRole('radio', { name: 'I am switching to another service' });
  await tabTo(page, page.getByRole('radio', { name: 'It costs too much' }));
  // Arrow keys move within the radio group, as in every form.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(reason).toBeChecked();
  await page.keyboard.press('Tab');
  await page.keyboard.type('A cheaper tool.');
  await tabTo(page, page.getByRole('button', { name: 'Confirm cancellation' }));
  await page.keyboard.press('Enter');
  await expect(banner(page)).toBeVisible();
  await tabTo(page, banner(page).getByRole('button', { name: 'Resume subscription' }));
  await page.keyboard.press('Enter');
  await expect(banner(page)).toHaveCount(0);
});

test('a member sees the scheduled cancellation but cannot resume it, nor cancel', async ({ page, signIn }) => {
  // Tom's account (Northwind) is cancelled by its billing admin, through the API, in this browser.
  await signIn('maria@northwind.example');
  const cancelled = await page.request.post('/api/subscription/cancellation', {
    data: {},
    headers: await csrfHeaders(page.request),
  });
  expect(cancelled.status()).toBe(201);

  await signIn('tom@northwind.example');
  await page.goto('/');
  await expect(banner(page)).toContainText('Ask an owner or billing admin of your account to resume it.');
  await expect(page.getByRole('button', { name: 'Resume subscription' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Cancel subscription' })).toHaveCount(0);
  await page.goto('/cancel');
  await expect(page.getByText('Your subscription is already set to end on')).toBeVisible();
});

const LOCALES = ['en', 'fr', 'el', 'it', 'ro', 'sv'] as const;
for (const locale of LOCALES) {
  test.describe(() => {
    test.use({ language: locale, persona: 'hana@tidewater.example' });
    test(`${locale}: the banner, the review, the ended page and Start again pass axe`, async ({ page, clock }) => {
      const t = translator(locale);
      await page.goto('/');
      const scheduled = page.getByRole('region', { name: t('cancellation.scheduled.heading') });
      await expect(scheduled).toBeVisible();
      await expectNoSeriousViolations(page);

      await scheduled.getByRole('button', { name: t('cancellation.scheduled.resume') }).click();
      await expect(scheduled).toHaveCount(0);
      await page.getByRole('link', { name: t('cancellation.link') }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('cancellation.review.title') })).toBeVisible();
      await expect(page.getByRole('radio', { name: t('cancellation.review.reasons.other') })).toBeVisible();
      await expectNoSeriousViolations(page);
      await page.getByRole('button', { name: t('cancellation.review.confirm') }).click();
      await expect(scheduled).toBeVisible();

      await clock.set('2026-11-25T00:00:30Z');
      await page.reload();
      const ended = page.getByRole('region', { name: t('cancellation.ended.heading') });
      await expect(ended).toBeVisible();
      await expectNoSeriousViolations(page);
      await ended.getByRole('button', { name: t('cancellation.ended.startAgain') }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('cancellation.restart.title') })).toBeVisible();
      await expect(page.getByRole('heading', { level: 2, name: t('changePlan.plansHeading') })).toBeVisible();
      await expectNoSeriousViolations(page);
    });
  });
}
