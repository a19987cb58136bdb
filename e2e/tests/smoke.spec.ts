import { expect, test } from '@playwright/test';
import { resetToDemo, signInAs } from './demo';

test.beforeEach(async ({ request }) => {
  await resetToDemo(request);
});

test('the portal loads and asks a visitor to sign in', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Planshift' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});

test('a deep link survives a reload', async ({ page }) => {
  await signInAs(page, 'maria@northwind.example');
  await expect(page.getByRole('heading', { level: 1, name: 'Your subscription' })).toBeVisible();
  await page.goto('/change/plan');
  await expect(page.getByRole('heading', { level: 1, name: 'Change your plan' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Change your plan' })).toBeVisible();
});

test('an unknown address shows a not-found page', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
});
