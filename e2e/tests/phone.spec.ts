import { mkdirSync } from 'node:fs';
import { expect, expectNoSeriousViolations, test } from '@planshift/playwright';
import type { Locator, Page } from '@playwright/test';

// A phone 390 px wide (an iPhone 12–15): every control within the screen, nothing to scroll sideways.
const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE, isMobile: true, hasTouch: true, language: 'en' });

// Runs in the page (the e2e code has no DOM types).
const pageWidth = (page: Page) => page.evaluate<number>('document.documentElement.scrollWidth');

/** The element is on screen: visible, and its box inside the viewport. */
async function expectOnScreen(locator: Locator): Promise<void> {
  await expect(locator).toBeInViewport({ ratio: 1 });
  const box = await locator.boundingBox();
  if (!box) throw new Error('the element has a box');
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
}

test('on a phone the documents are cards with their Download link in sight', async ({
  page,
  signIn,
  accountPage,
}, testInfo) => {
  await signIn('ben@bluebird.example');
  await accountPage.goto();
  const history = page.getByRole('region', { name: 'Invoices and credit notes' });
  const rows = history.getByRole('row');
  await expect(rows.first()).toBeVisible();
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);

  const downloads = history.getByRole('link', { name: /^Download PDF / });
  await expect(downloads).not.toHaveCount(0);
  for (const download of await downloads.all()) {
    await download.scrollIntoViewIfNeeded();
    await expectOnScreen(download);
  }
  // Still a table for assistive technology: rows named by their document number.
  await expect(history.getByRole('rowheader').first()).toHaveText(/^(INV|CN)-/);
  await expectNoSeriousViolations(page);

  mkdirSync(testInfo.outputPath(), { recursive: true });
  const picture = testInfo.outputPath('account-phone.png');
  await page.screenshot({ path: picture, fullPage: true });
  await testInfo.attach('account page at 390 px', { path: picture, contentType: 'image/png' });
});

test('on a phone the amount due now and the next bill follow the customer through the plan cards', async ({
  page,
  signIn,
  changeFlow,
}, testInfo) => {
  await signIn('maria@northwind.example');
  await changeFlow.open();
  const glance = page.getByRole('region', { name: 'Quote at a glance' });
  await expect(glance).toContainText('Due now: $0.00');
  await expect(glance).toContainText('Next bill: $149.90 on Dec 3, 2026');
  await expectOnScreen(glance);

  const business = changeFlow.plan.plan('Business');
  await business.scrollIntoViewIfNeeded();
  await business.check();
  await expect(glance).toContainText('Next bill: $219.90 on Dec 3, 2026');
  await expect(glance).not.toContainText('Due now: $0.00');
  await expectOnScreen(glance);

  await page.getByRole('heading', { level: 3, name: 'Enterprise' }).scrollIntoViewIfNeeded();
  await expectOnScreen(glance);
  expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
  await expectNoSeriousViolations(page);

  mkdirSync(testInfo.outputPath(), { recursive: true });
  const picture = testInfo.outputPath('plans-phone.png');
  await page.screenshot({ path: picture });
  await testInfo.attach('plan cards at 390 px, the quote bar at the bottom', {
    path: picture,
    contentType: 'image/png',
  });

  await glance.getByRole('link', { name: 'See the whole quote' }).click();
  await expect(changeFlow.quote.region).toBeInViewport();
});
