import {
  csrfHeaders,
  expect,
  expectNoSeriousViolations,
  PORTAL_LOCALES,
  test,
  translator,
} from '@planshift/playwright';

// The screens of cards on file, in every language: the payment methods page (with a card's
// problems said, and the confirmation before a card is removed), another card after a decline,
// the simulated bank's page and its outcome, and the Pay now confirmation. axe finds nothing
// serious or critical on any of them.

for (const locale of PORTAL_LOCALES) {
  test.describe(locale, () => {
    // The portal in this language on this device, whatever the account speaks.
    test.use({ language: locale });
    const t = translator(locale);

    test.describe('Sam', () => {
      test.use({ persona: 'sam@cobalt.example' });

      test(`${locale}: the screens of cards on file pass axe`, async ({
        page,
        paymentMethodsPage: cards,
        changeFlow,
        bankPage,
      }) => {
        // Five screens and a declined order, each checked by axe: longer than one journey.
        test.slow();
        await cards.goto();
        await expect(cards.heading).toHaveText(t('paymentMethods.title'));
        await cards.cardForm.number.fill('4242 4242 4242 4241');
        await cards.cardForm.submit.click();
        await expect(page.getByText(t('errors.codes.card_number_invalid'))).toBeVisible();
        await expectNoSeriousViolations(page);

        const review = changeFlow.review;
        await changeFlow.open('review', { plan: 'advanced', seats: 2 });
        await review.placeOrder.click();
        await expect(review.alert).toContainText(t('payments.declined.card_declined'));
        await review.useAnotherCard.click();
        await expect(review.anotherCard.region).toBeVisible();
        await expectNoSeriousViolations(page);

        // The card that asks for authentication, chosen there; the order placed again goes to the bank.
        await review.anotherCard.useThisCard.click();
        await review.placeOrder.click();
        await expect(bankPage.approveButton).toBeVisible();
        await expectNoSeriousViolations(page);
        await bankPage.fail();
        await expect(review.alert).toContainText(t('paymentMethods.declined.authentication_failed'));
        await expectNoSeriousViolations(page);
      });

      test(`${locale}: the confirmation before a card is removed passes axe; Escape keeps the card`, async ({
        page,
        paymentMethodsPage: cards,
      }) => {
        await cards.goto();
        await expect(cards.heading).toHaveText(t('paymentMethods.title'));
        const card = t('paymentMethods.card', { brand: t('cardBrands.visa'), last4: '3155' });
        const remove = cards.remove(card);
        await remove.click();
        const dialog = cards.removeDialog(card);
        await expect(dialog).toContainText(t('removeCard.body'));
        await expect(dialog.getByRole('button', { name: t('removeCard.keep') })).toBeFocused();
        await expectNoSeriousViolations(page);
        await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
        await expect(remove).toBeFocused();
        await remove.click();
        await dialog.getByRole('button', { name: t('removeCard.confirm'), exact: true }).click();
        await expect(cards.notice.filter({ hasText: t('paymentMethods.removed', { card }) })).toBeVisible();
        await expect(remove).toHaveCount(0);
      });
    });

    test.describe('James', () => {
      test.use({ persona: 'james@oakridge.example' });

      test(`${locale}: Pay now’s confirmation and a waiting bank pass axe`, async ({
        page,
        accountPage,
        bankPage,
        documents,
      }) => {
        await accountPage.goto();
        await accountPage.unpaidInvoices
          .getByRole('button', { name: new RegExp(`^${t('account.unpaid.payNow')} `) })
          .click();
        const dialog = page.getByRole('dialog');
        await expect(dialog.getByRole('button', { name: t('paymentMethods.pay.keep') })).toBeFocused();
        await expectNoSeriousViolations(page);
        await dialog.getByRole('button', { name: t('paymentMethods.pay.keep') }).click();

        // James's new card asks his bank; he comes back without answering: the account page says it waits.
        const headers = await csrfHeaders(page.request);
        const added = await page.request.post('/api/payment-methods', {
          headers,
          data: { number: '4000002500003155', expMonth: 6, expYear: 2031, cvc: '737', makeDefault: true },
        });
        expect(added.status()).toBe(201);
        const unpaid = (await documents.list()).find((doc) => doc.status === 'unpaid');
        if (!unpaid) throw new Error('James has an unpaid invoice');
        const paying = await page.request.post(`/api/invoices/${unpaid.id}/pay`, { headers, data: {} });
        expect(paying.status()).toBe(202);
        const { challenge } = (await paying.json()) as { challenge: { url: string } };
        await page.goto(`${challenge.url}?return=/`);
        await expect(bankPage.region).toBeVisible();
        await bankPage.later.click();
        await expect(accountPage.heading).toHaveText(t('account.title'));
        await expect(accountPage.notice.filter({ hasText: t('paymentMethods.pay.waiting') })).toBeVisible();
        await expect(page.getByRole('link', { name: t('paymentMethods.pay.continue') })).toBeVisible();
        await expectNoSeriousViolations(page);
      });
    });
  });
}
