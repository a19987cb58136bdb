import { gzipSync } from 'node:zlib';
import { expect, type Response, test } from '@playwright/test';
import { resetToDemo, signInAs } from './demo';

const BUDGET_BYTES = 200 * 1024;

test.beforeEach(async ({ request }) => {
  await resetToDemo(request);
});

test('the account page loads at most 200 KB of gzipped JavaScript; the change flow is split off', async ({ page }) => {
  await signInAs(page, 'maria@northwind.example');
  const scripts: Response[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response);
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Your subscription' })).toBeVisible();
  await page.waitForLoadState('networkidle');

  const sizes = await Promise.all(
    scripts.map(async (response) => ({
      file: new URL(response.url()).pathname.split('/').pop() ?? '',
      gzip: gzipSync(await response.body()).length,
    })),
  );
  const total = sizes.reduce((sum, each) => sum + each.gzip, 0);
  console.log(
    `account page initial JavaScript: ${sizes.length} files, ${(total / 1024).toFixed(1)} KB gzip (budget ${BUDGET_BYTES / 1024} KB): ${sizes.map((s) => `${s.file} ${(s.gzip / 1024).toFixed(1)} KB`).join(', ')}`,
  );
  expect(sizes.length).toBeGreaterThan(0);
  expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  // The change flow and the steps load on first visit to it, not with the account page.
  expect(sizes.map((s) => s.file).filter((file) => /change-flow|plans-step|review-step/.test(file))).toEqual([]);

  await page.getByRole('link', { name: 'Change', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Change your plan' })).toBeVisible();
  expect(scripts.some((response) => /change-flow/.test(response.url()))).toBe(true);
});
