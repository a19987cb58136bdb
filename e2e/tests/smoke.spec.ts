import { expect, test } from '@planshift/playwright';

test('the portal loads and asks a visitor to sign in', async ({ page, signInPage }) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Planshift' })).toBeVisible();
  await expect(signInPage.heading).toHaveText('Sign in');
});

test('a deep link survives a reload', async ({ page, scenario, signInPage, accountPage, changeFlow }) => {
  // Through the sign-in page itself: its persona button.
  await signInPage.signInAs(scenario.persona('maria@northwind.example'));
  await expect(accountPage.heading).toHaveText('Your subscription');
  await page.goto('/change/plan');
  await expect(changeFlow.plan.heading).toHaveText('Change your plan');
  await page.reload();
  await expect(changeFlow.plan.heading).toHaveText('Change your plan');
});

test('an unknown address shows a not-found page', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
});
