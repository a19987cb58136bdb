import { escapeRegExp, expect, expectNoSeriousViolations, tabTo, test, translator } from '@planshift/playwright';
import type { Page } from '@playwright/test';

test.use({ persona: 'maria@northwind.example' });

// Axe over a form with every country of the world takes its time on a busy machine.
test.describe.configure({ timeout: 90_000 });

const billingCard = (page: Page) => page.getByRole('region', { name: 'Billing details' });

test('Maria edits the billing details: the next change’s invoice carries them, an invoice issued before keeps its own', async ({
  page,
  accountPage,
  changeFlow,
  documents,
}) => {
  await accountPage.goto();
  await expect(billingCard(page)).toContainText('Northwind Traders');
  await expect(billingCard(page)).toContainText('500 Pine Street');
  await expect(billingCard(page)).toContainText('United States');
  await expect(billingCard(page)).toContainText('accounts@northwind.example');
  const [old] = await documents.list();
  if (!old) throw new Error('Maria has an invoice from before');

  await billingCard(page).getByRole('link', { name: 'Edit billing details' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Billing details' })).toBeVisible();
  await expect(page.getByLabel('Billing name')).toHaveValue('Northwind Traders');
  await expectNoSeriousViolations(page);

  await page.getByLabel('Billing name').fill('Northwind Traders Europe B.V.');
  await page.getByLabel('Address line 1').fill('Keizersgracht 123');
  await page.getByLabel('Address line 2').fill('4th floor');
  await page.getByLabel('Postal code').fill('1015 CJ');
  await page.getByLabel('City').fill('Amsterdam');
  await page.getByLabel('State, province or region').fill('Noord-Holland');
  await page.getByLabel('Country').selectOption({ label: 'Netherlands' });
  const vat = page.getByLabel('VAT or tax ID');
  await expect(vat).toHaveAccessibleDescription(/the country \(Netherlands\), such as NL123456789B01/);
  await vat.fill('NL123');
  await page.getByLabel('Billing e-mail').fill('invoices@northwind-europe.example');
  await page.getByRole('button', { name: 'Save billing details' }).click();

  // Refused: said in an alert, the field marked, described and focused; nothing saved.
  await expect(page.getByRole('alert')).toContainText('Your billing details were not saved');
  await expect(vat).toBeFocused();
  await expect(vat).toHaveAttribute('aria-invalid', 'true');
  await expect(vat).toHaveAccessibleDescription(
    /^This is not a valid VAT number for the country \(Netherlands\): write it like NL123456789B01\./,
  );
  await expectNoSeriousViolations(page);

  await vat.fill('nl 1234.56789.B01');
  await page.getByRole('button', { name: 'Save billing details' }).click();
  await expect(page.getByRole('main').getByRole('status')).toContainText('Your billing details are saved.');
  await expect(vat).toHaveValue('NL123456789B01');
  await expect(vat).not.toHaveAttribute('aria-invalid');
  await page.getByRole('link', { name: 'Back to your subscription' }).first().click();

  await expect(billingCard(page)).toContainText('Northwind Traders Europe B.V.');
  await expect(billingCard(page)).toContainText('4th floor');
  await expect(billingCard(page)).toContainText('1015 CJ Amsterdam');
  await expect(billingCard(page)).toContainText('Netherlands');
  await expect(billingCard(page)).toContainText('NL123456789B01');
  await expect(billingCard(page)).toContainText('invoices@northwind-europe.example');

  // A new change: Pro → Business.
  const before = await documents.list();
  await page.getByRole('button', { name: 'Change', exact: true }).click();
  await page.getByRole('radio', { name: 'Business' }).check();
  await changeFlow.continueToReview();
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your change is confirmed' })).toBeVisible();
  const invoice = (await documents.issuedSince(before)).find((doc) => doc.kind === 'invoice');
  if (!invoice) throw new Error('the upgrade issues an invoice');

  const issuedNow = await documents.text(invoice.id);
  // The whole block is checked by the BFF's tests; here, that the PDF is the new one's.
  expect(issuedNow).toContain('Northwind Traders Europe B.V.');
  expect(issuedNow).toContain('1015 CJ Amsterdam');
  expect(issuedNow).toContain('VAT ID: NL123456789B01');
  expect(issuedNow).toContain('Email: invoices@northwind-europe.example');
  const issuedBefore = await documents.text(old.id);
  expect(issuedBefore).toContain('Northwind Traders');
  expect(issuedBefore).toContain('500 Pine Street');
  expect(issuedBefore).toContain('Email: accounts@northwind.example');
  expect(issuedBefore).not.toContain('Europe B.V.');
  expect(issuedBefore).not.toContain('NL123456789B01');
  expect(issuedBefore).not.toContain('Keizersgracht');
});

test('the billing details form is usable by keyboard alone', async ({ page, accountPage }) => {
  await accountPage.goto();
  await tabTo(page, billingCard(page).getByRole('link', { name: 'Edit billing details' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Billing details' })).toBeVisible();
  await tabTo(page, page.getByLabel('Billing name'));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Northwind Traders Inc.');
  await tabTo(page, page.getByLabel('VAT or tax ID'));
  await page.keyboard.type('91-1234567');
  await tabTo(page, page.getByRole('button', { name: 'Save billing details' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main').getByRole('status')).toContainText('Your billing details are saved.');
  await expect(page.getByRole('main').getByRole('status')).toBeFocused();
});

test('Tom, a member, sees the billing details but cannot change them', async ({ page, signIn }) => {
  await signIn('tom@northwind.example');
  await page.goto('/');
  await expect(billingCard(page)).toContainText('Northwind Traders');
  await expect(billingCard(page)).toContainText(
    "Only the account's owners and billing admins can change the billing details.",
  );
  await expect(billingCard(page).getByRole('link', { name: 'Edit billing details' })).toHaveCount(0);
  await page.goto('/billing-details');
  await expect(page.getByRole('heading', { level: 1, name: 'Billing details' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save billing details' })).toHaveCount(0);
});

// The refused form saves nothing: the six languages read one scenario per worker.
for (const locale of ['en', 'ro', 'el', 'fr', 'it', 'sv'] as const) {
  test.describe(() => {
    test.use({ language: locale, scenarioScope: 'worker' });
    test(`${locale}: the billing details card and form pass axe, with and without errors`, async ({ page }) => {
      const t = translator(locale);
      await page.goto('/');
      const card = page.getByRole('region', { name: t('billingDetails.card.heading') });
      await expect(card).toContainText('Northwind Traders');
      await expectNoSeriousViolations(page);
      await card.getByRole('link', { name: t('billingDetails.card.edit') }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('billingDetails.title') })).toBeVisible();
      await expect(page.getByLabel(t('billingDetails.fields.country'))).toHaveValue('US');
      await expectNoSeriousViolations(page);
      await page.getByLabel(t('billingDetails.fields.name')).fill('');
      await page.getByLabel(t('billingDetails.fields.email')).fill('not-an-address');
      await page.getByRole('button', { name: t('billingDetails.save') }).click();
      await expect(page.getByRole('alert')).toContainText(t('billingDetails.notSaved'));
      await expect(page.getByLabel(t('billingDetails.fields.name'))).toHaveAccessibleDescription(
        t('billingDetails.errors.required'),
      );
      await expect(page.getByLabel(t('billingDetails.fields.email'))).toHaveAccessibleDescription(
        new RegExp(`^${escapeRegExp(t('billingDetails.errors.email'))}`),
      );
      await expectNoSeriousViolations(page);
    });
  });
}
