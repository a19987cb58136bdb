import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousViolations } from './a11y';
import { resetToDemo, signInAs } from './demo';
import { translator } from './messages';

// The screens of cards on file, in every language: the payment methods page (with a card's
// problems said, and the confirmation before a card is removed), another card after a decline,
// the simulated bank's page and its outcome, and the Pay now confirmation. axe finds nothing
// serious or critical on any of them.

test.beforeEach(async ({ request }) => {
  await resetToDemo(request);
});

const LOCALES = ['en', 'fr', 'it', 'ro', 'el', 'sv'] as const;

/** The portal in this language on this device, whatever the account speaks. */
async function speak(page: Page, locale: string): Promise<void> {
  await page.addInitScript(`localStorage.setItem("planshift.locale", ${JSON.stringify(locale)})`);
}

/** The API as the signed-in page calls it: its session and CSRF token. */
async function api(page: Page) {
  const session = (await (await page.request.get('/api/session')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': session.csrfToken };
  return {
    get: async <T>(url: string) => (await (await page.request.get(url)).json()) as T,
    send: async <T>(method: 'POST' | 'PUT', url: string, data: unknown, extra: Record<string, string> = {}) => {
      const response = await page.request.fetch(url, { method, data, headers: { ...headers, ...extra } });
      return { status: response.status(), body: (await response.json()) as T };
    },
  };
}

for (const locale of LOCALES) {
  test(`${locale}: the screens of cards on file pass axe`, async ({ page }) => {
    // Five screens and a declined order, each checked by axe: longer than one journey.
    test.setTimeout(60_000);
    const t = await translator(locale);
    await speak(page, locale);
    await signInAs(page, 'sam@cobalt.example');

    await page.goto('/payment-methods');
    await expect(page.getByRole('heading', { level: 1, name: t('paymentMethods.title') })).toBeVisible();
    await page.getByRole('textbox', { name: t('paymentMethods.form.number') }).fill('4242 4242 4242 4241');
    await page.getByRole('button', { name: t('paymentMethods.form.submit') }).click();
    await expect(page.getByText(t('errors.codes.card_number_invalid'))).toBeVisible();
    await expectNoSeriousViolations(page);

    await page.goto('/change/review?plan=advanced&seats=2');
    await page.getByRole('button', { name: t('changePlan.review.placeOrder') }).click();
    await expect(page.getByRole('alert')).toContainText(t('payments.declined.card_declined'));
    await page.getByRole('button', { name: t('paymentMethods.another.button') }).click();
    await expect(page.getByRole('region', { name: t('paymentMethods.another.heading') })).toBeVisible();
    await expectNoSeriousViolations(page);

    // The card that asks for authentication, chosen there; the order placed again goes to the bank.
    await page.getByRole('button', { name: t('paymentMethods.another.use') }).click();
    await page.getByRole('button', { name: t('changePlan.review.placeOrder') }).click();
    const bank = page.getByRole('region', { name: t('paymentMethods.bank.title') });
    await expect(bank.getByRole('button', { name: t('paymentMethods.bank.approve') })).toBeVisible();
    await expectNoSeriousViolations(page);
    await bank.getByRole('button', { name: t('paymentMethods.bank.fail') }).click();
    await expect(page.getByRole('alert')).toContainText(t('paymentMethods.declined.authentication_failed'));
    await expectNoSeriousViolations(page);
  });

  test(`${locale}: the confirmation before a card is removed passes axe; Escape keeps the card`, async ({ page }) => {
    const t = await translator(locale);
    await speak(page, locale);
    await signInAs(page, 'sam@cobalt.example');
    await page.goto('/payment-methods');
    await expect(page.getByRole('heading', { level: 1, name: t('paymentMethods.title') })).toBeVisible();
    const card = t('paymentMethods.card', { brand: t('cardBrands.visa'), last4: '3155' });
    const remove = page.getByRole('button', { name: `${t('paymentMethods.remove')} ${card}` });
    await remove.click();
    const dialog = page.getByRole('dialog', { name: t('removeCard.title', { card }) });
    await expect(dialog).toContainText(t('removeCard.body'));
    await expect(dialog.getByRole('button', { name: t('removeCard.keep') })).toBeFocused();
    await expectNoSeriousViolations(page);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(remove).toBeFocused();
    await remove.click();
    await dialog.getByRole('button', { name: t('removeCard.confirm'), exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: t('paymentMethods.removed', { card }) })).toBeVisible();
    await expect(remove).toHaveCount(0);
  });

  test(`${locale}: Pay now’s confirmation and a waiting bank pass axe`, async ({ page }) => {
    const t = await translator(locale);
    await speak(page, locale);
    await signInAs(page, 'james@oakridge.example');
    await page.getByRole('button', { name: new RegExp(`^${t('account.unpaid.payNow')} `) }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('button', { name: t('paymentMethods.pay.keep') })).toBeFocused();
    await expectNoSeriousViolations(page);
    await dialog.getByRole('button', { name: t('paymentMethods.pay.keep') }).click();

    // James's new card asks his bank; he comes back without answering: the account page says it waits.
    const portal = await api(page);
    const added = await portal.send<{ id: string }>('POST', '/api/payment-methods', {
      number: '4000002500003155',
      expMonth: 6,
      expYear: 2031,
      cvc: '737',
      makeDefault: true,
    });
    expect(added.status).toBe(201);
    const documents = await portal.get<{ documents: { id: string; status: string }[] }>('/api/documents');
    const unpaid = documents.documents.find((doc) => doc.status === 'unpaid');
    const paying = await portal.send<{ challenge: { url: string } }>('POST', `/api/invoices/${unpaid?.id}/pay`, {});
    expect(paying.status).toBe(202);
    await page.goto(`${paying.body.challenge.url}?return=/`);
    await expect(page.getByRole('region', { name: t('paymentMethods.bank.title') })).toBeVisible();
    await page.getByRole('link', { name: t('paymentMethods.bank.later') }).click();
    await expect(page.getByRole('heading', { level: 1, name: t('account.title') })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: t('paymentMethods.pay.waiting') })).toBeVisible();
    await expect(page.getByRole('link', { name: t('paymentMethods.pay.continue') })).toBeVisible();
    await expectNoSeriousViolations(page);
  });
}
