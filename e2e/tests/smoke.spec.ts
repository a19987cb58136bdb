import { expect, test } from '@playwright/test';

test('the portal loads and reaches the billing service', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Planshift' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('The billing service is up.');
});

test('a deep link survives a reload', async ({ page }) => {
  await page.goto('/change/plan');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Planshift' })).toBeVisible();
});
