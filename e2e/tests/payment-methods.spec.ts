import {
  type AccountPage,
  type Documents,
  expect,
  expectNoSeriousViolations,
  formatMoney,
  type KitFixtures,
  type PaymentMethodsPage,
  tabTo,
  test,
} from '@planshift/playwright';
import type { DocumentSummaryView } from '@planshift/shared/api';
import type { Page } from '@playwright/test';

// Cards on file and the ways forward after a decline: another card, a card whose bank asks the
// customer to authenticate (approved or failed at the simulated bank's page), a past-due customer
// paying with a new card, Pay now confirmed first. Roles and names only.

test.use({ language: 'en' });

const SAM_UPGRADE = { plan: 'advanced', seats: 2 } as const;

type SamsWay = Pick<KitFixtures, 'accountPage' | 'paymentMethodsPage' | 'changeFlow' | 'bankPage' | 'documents'> & {
  page: Page;
};

/**
 * Sam makes his card that asks for authentication (Visa •••• 3155) the default, on the payment
 * methods page, and opens his upgrade's review; answers his documents before the order.
 */
async function samPaysWithAskingCard({ page, accountPage, paymentMethodsPage: cards, changeFlow, documents }: SamsWay) {
  await accountPage.goto();
  await accountPage.managePaymentMethods.click();
  await expect(cards.heading).toHaveText('Payment methods');
  await cards.makeDefault('Visa •••• 3155').click();
  await expect(cards.notice.filter({ hasText: 'Visa •••• 3155 is now your default card.' })).toBeVisible();
  const onFile = cards.cards.getByRole('listitem');
  await expect(onFile.first()).toContainText('Visa •••• 3155');
  await expect(onFile.first()).toContainText('Default');
  await changeFlow.open('review', SAM_UPGRADE);
  await changeFlow.quote.expectServerAgrees();
  await expect(page.getByText('Charged to your Visa •••• 3155.')).toBeVisible();
  return documents.list();
}

/** The bank's page asks for the order's amount; nothing is charged or changed while it waits. */
async function expectBankAsks({ bankPage, documents }: SamsWay, before: readonly DocumentSummaryView[]) {
  await bankPage.expectShown();
  await expect(bankPage.region).toContainText('Your bank (simulated)');
  await expect(bankPage.region).toContainText(/Planshift Demo Ltd asks to charge \$[\d.,]+ to your Visa •••• 3155\./);
  expect(await documents.issuedSince(before)).toEqual([]);
}

/** The approved change is made once: one invoice, paid in full, and Sam on Advanced × 2. */
async function expectMadeOnce({ changeFlow, accountPage, documents }: SamsWay, before: readonly DocumentSummaryView[]) {
  await expect(changeFlow.result.heading).toHaveText('Your change is confirmed');
  const [invoice, ...others] = (await documents.issuedSince(before)).filter((doc) => doc.kind === 'invoice');
  if (!invoice || others.length > 0) throw new Error('the approved change is invoiced, once');
  expect(invoice.amountPaid).toEqual(invoice.amountDue);
  const { subscription } = await accountPage.facts();
  expect([subscription.plan.id, subscription.quantity]).toEqual(['advanced', 2]);
  return invoice;
}

/** James (past due) adds a card as his default on the payment methods page; answers his unpaid invoice. */
async function jamesAddsDefaultCard(
  accountPage: AccountPage,
  cards: PaymentMethodsPage,
  documents: Documents,
  card: { number: string; expiry: string; cvc: string },
) {
  await accountPage.goto();
  const [invoice] = (await documents.list()).filter((doc) => doc.status === 'unpaid');
  if (!invoice) throw new Error('James has an unpaid invoice');
  await accountPage.managePaymentMethods.click();
  await expect(cards.heading).toBeVisible();
  await cards.addCard(card, { makeDefault: true });
  return invoice;
}

test.describe('Sam, whose card is declined and whose other card asks his bank', () => {
  test.use({ persona: 'sam@cobalt.example' });

  test('Sam’s card is declined; he adds another card and the same order goes through', async ({
    page,
    changeFlow,
    accountPage,
    documents,
  }) => {
    await changeFlow.open('review', SAM_UPGRADE);
    await changeFlow.quote.expectServerAgrees();
    await expect(page.getByText('Charged to your Visa •••• 0002.')).toBeVisible();
    const before = await documents.list();
    const review = changeFlow.review;
    await review.placeOrder.click();
    await expect(review.alert).toContainText('Your card was declined.');

    await review.useAnotherCard.click();
    const another = review.anotherCard;
    await expect(another.region.getByRole('heading', { name: 'Pay with another card' })).toBeFocused();
    await expect(another.card('Visa •••• 3155')).toBeChecked();
    // Until a card is chosen, the order waits: placed now it would go to the card just declined.
    await expect(review.placeOrder).toBeDisabled();
    await expect(review.placeOrder).toHaveAccessibleDescription('Choose the card for this payment first, or cancel.');
    await another.addCard({ number: '4242 4242 4242 4242', expiry: '12/30', cvc: '123' });

    await expect(
      page.getByRole('status').filter({ hasText: 'Visa •••• 4242 is now your default card.' }),
    ).toContainText('Place the order again to pay with it.');
    await expect(review.placeOrder).toBeFocused();
    await expect(page.getByText('Charged to your Visa •••• 4242.')).toBeVisible();
    await expectNoSeriousViolations(page);
    await review.placeOrder.click();
    await expect(changeFlow.result.heading).toHaveText('Your change is confirmed');

    const [invoice, ...others] = (await documents.issuedSince(before)).filter((doc) => doc.kind === 'invoice');
    if (!invoice || others.length > 0) throw new Error('one invoice is issued');
    expect(invoice.amountPaid).toEqual(invoice.amountDue);
    const view = await accountPage.facts();
    expect([view.subscription.plan.id, view.account.paymentMethod?.last4]).toEqual(['advanced', '4242']);
  });

  test('a card whose bank asks: Sam approves at his bank, and the change is made once', async ({
    page,
    accountPage,
    paymentMethodsPage,
    changeFlow,
    bankPage,
    documents,
  }) => {
    const sams = { page, accountPage, paymentMethodsPage, changeFlow, bankPage, documents };
    const before = await samPaysWithAskingCard(sams);
    await changeFlow.review.placeOrder.click();
    await expectBankAsks(sams, before);
    const asked = await bankPage.region.textContent();
    await expectNoSeriousViolations(page);
    await bankPage.approve();

    const invoice = await expectMadeOnce(sams, before);
    expect(asked).toContain(formatMoney(invoice.amountDue));
  });

  test('a card whose bank asks: Sam approves at his bank by keyboard alone, and the change is made once', async ({
    page,
    accountPage,
    paymentMethodsPage,
    changeFlow,
    bankPage,
    documents,
  }) => {
    const sams = { page, accountPage, paymentMethodsPage, changeFlow, bankPage, documents };
    const before = await samPaysWithAskingCard(sams);
    await tabTo(page, changeFlow.review.placeOrder);
    await page.keyboard.press('Enter');
    await expectBankAsks(sams, before);
    await tabTo(page, bankPage.approveButton);
    await page.keyboard.press('Enter');

    await expectMadeOnce(sams, before);
  });

  test('a card whose bank asks: Sam fails it at his bank, nothing changes, and another card is offered', async ({
    page,
    accountPage,
    paymentMethodsPage,
    changeFlow,
    bankPage,
    documents,
  }) => {
    const sams = { page, accountPage, paymentMethodsPage, changeFlow, bankPage, documents };
    const before = await samPaysWithAskingCard(sams);
    await changeFlow.review.placeOrder.click();
    await bankPage.fail();

    await expect(changeFlow.review.stepHeading).toHaveText('Review and confirm');
    const alert = changeFlow.review.alert;
    await expect(alert).toContainText('Your bank did not confirm the payment, so nothing was charged.');
    await expect(alert).toContainText('Nothing has changed');
    await expect(changeFlow.review.useAnotherCard).toBeVisible();
    await expectNoSeriousViolations(page);
    expect(await documents.issuedSince(before)).toEqual([]);
    expect((await accountPage.facts()).subscription.plan.id).toBe('essential');
  });

  test('removing a card asks first: Keep it keeps the card, Remove removes it', async ({
    page,
    paymentMethodsPage: cards,
  }) => {
    await cards.goto();
    const onFileList = cards.cards.getByRole('listitem');
    await expect(onFileList).toHaveCount(2);
    const onFile = async () =>
      (
        (await (await page.request.get('/api/payment-methods')).json()) as { paymentMethods: { last4: string }[] }
      ).paymentMethods
        .map((card) => card.last4)
        .sort();
    const remove = cards.remove('Visa •••• 3155');

    await remove.click();
    const dialog = cards.removeDialog('Visa •••• 3155');
    await expect(dialog).toContainText('It will no longer be kept on file, and nothing more will be charged to it.');
    await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused();
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    await expect(dialog).toBeHidden();
    await expect(remove).toBeFocused();
    await expect(onFileList).toHaveCount(2);
    expect(await onFile()).toEqual(['0002', '3155']);

    await remove.click();
    await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(cards.notice.filter({ hasText: 'Visa •••• 3155 is removed.' })).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(cards.heading).toBeFocused();
    await expect(onFileList).toHaveCount(1);
    await expect(onFileList.first()).toContainText('Visa •••• 0002');
    expect(await onFile()).toEqual(['0002']);
  });
});

test.describe('James, past due', () => {
  test.use({ persona: 'james@oakridge.example' });

  test('James, past due, adds a new card, pays his invoice with it after confirming, and is active again', async ({
    page,
    accountPage,
    paymentMethodsPage: cards,
    documents,
    mailbox,
  }) => {
    const invoice = await jamesAddsDefaultCard(accountPage, cards, documents, {
      number: '5555 5555 5555 4444',
      expiry: '01/31',
      cvc: '321',
    });
    await expect(
      cards.notice.filter({ hasText: 'Mastercard •••• 4444 is added and is now your default card.' }),
    ).toBeVisible();
    await cards.backToAccount.click();

    const due = formatMoney(invoice.amountDue);
    await accountPage.payNow(invoice.number).click();
    const dialog = accountPage.payDialog(invoice.number);
    await expect(dialog).toHaveAccessibleName(`Pay invoice ${invoice.number}?`);
    await expect(dialog).toContainText(`${due} will be charged to your Mastercard •••• 4444.`);
    await expect(dialog.getByRole('button', { name: 'Not now' })).toBeFocused();
    await expectNoSeriousViolations(page);
    await dialog.getByRole('button', { name: `Pay ${due}` }).click();

    await expect(accountPage.notice.filter({ hasText: `Invoice ${invoice.number} is paid.` })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Plan and billing' })).toContainText('Active');
    await expect(accountPage.documentRow(invoice.number)).toContainText('Paid on');
    // The receipt goes through the outbox to the scenario's mailbox.
    await mailbox.waitFor({ subject: `Receipt for your payment of invoice ${invoice.number}` }, { timeout: 20_000 });
  });

  test('Pay now asks first: Not now charges nothing', async ({ page, accountPage, documents }) => {
    await accountPage.goto();
    const [invoice] = (await documents.list()).filter((doc) => doc.status === 'unpaid');
    if (!invoice) throw new Error('James has an unpaid invoice');
    await accountPage.payNow(invoice.number).click();
    const dialog = accountPage.payDialog(invoice.number);
    await expect(dialog).toContainText(`${formatMoney(invoice.amountDue)} will be charged to your Visa •••• 4242.`);
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    expect((await documents.list()).find((doc) => doc.id === invoice.id)?.status).toBe('unpaid');
    await expect(accountPage.unpaidInvoices).toBeVisible();
  });

  test('a past-due customer’s bank asks too: James approves his new card’s payment and is active again', async ({
    page,
    accountPage,
    paymentMethodsPage: cards,
    bankPage,
    documents,
  }) => {
    const invoice = await jamesAddsDefaultCard(accountPage, cards, documents, {
      number: '4000 0025 0000 3155',
      expiry: '06/31',
      cvc: '737',
    });
    await expect(cards.notice.filter({ hasText: 'is now your default card.' })).toBeVisible();
    await cards.backToAccount.click();
    await accountPage.payNow(invoice.number).click();
    await accountPage
      .payDialog(invoice.number)
      .getByRole('button', { name: `Pay ${formatMoney(invoice.amountDue)}` })
      .click();

    await bankPage.approve();
    await expect(accountPage.notice.filter({ hasText: `Invoice ${invoice.number} is paid.` })).toBeVisible();
    await expect(accountPage.unpaidInvoices).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Plan and billing' })).toContainText('Active');
  });
});

test.describe('Maria, an owner', () => {
  test.use({ persona: 'maria@northwind.example' });

  test('the add-card form works by keyboard alone, and says what is wrong where it is wrong', async ({
    page,
    paymentMethodsPage: cards,
  }) => {
    await cards.goto();
    const form = cards.cardForm;
    await tabTo(page, form.number);
    await page.keyboard.type('4242 4242 4242 4242');
    await page.keyboard.press('Tab');
    await expect(form.expiry).toBeFocused();
    await page.keyboard.type('10/26');
    await page.keyboard.press('Tab');
    await expect(form.securityCode).toBeFocused();
    await page.keyboard.type('12');
    await page.keyboard.press('Enter');

    // The demo's system clock is in November 2026: October has passed. The first wrong field takes the focus.
    await expect(form.expiry).toBeFocused();
    await expect(form.expiry).toHaveAttribute('aria-invalid', 'true');
    await expect(form.expiry).toHaveAccessibleDescription('This card has expired. Use a card that is still valid.');
    // Every field says its problem first, then its hint.
    await expect(form.securityCode).toHaveAccessibleDescription(
      /^The security code has 3 digits.*3 digits on the back/,
    );
    await expectNoSeriousViolations(page);

    // Tabbing into a field selects what it holds: typing replaces it.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('12/29');
    await page.keyboard.press('Tab');
    await page.keyboard.type('123');
    await page.keyboard.press('Tab');
    await expect(cards.makeNewCardDefault).toBeFocused();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await expect(form.submit).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(
      cards.notice.filter({ hasText: 'Visa •••• 4242 is added and is now your default card.' }),
    ).toBeVisible();
    await expect(cards.heading).toBeFocused();

    // Removing the card that is no longer the default, by keyboard too: Escape keeps it, then it is confirmed.
    const onFile = cards.cards.getByRole('listitem');
    const remove = cards.remove('Visa •••• 4242');
    await tabTo(page, remove);
    await page.keyboard.press('Enter');
    const dialog = cards.removeDialog('Visa •••• 4242');
    await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(remove).toBeFocused();
    await expect(onFile).toHaveCount(2);
    await page.keyboard.press('Enter');
    await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(dialog.getByRole('button', { name: 'Remove', exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(cards.notice.filter({ hasText: 'Visa •••• 4242 is removed.' })).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(cards.heading).toBeFocused();
    await expect(onFile).toHaveCount(1);
  });
});

test.describe('Tom, a member', () => {
  test.use({ persona: 'tom@northwind.example' });

  test('Tom, a member, sees the cards but cannot change them', async ({ page, paymentMethodsPage: cards }) => {
    await cards.goto();
    await expect(cards.cards).toContainText('Visa •••• 4242');
    await expect(page.getByText('Only the account’s owners and billing admins can change its cards.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add card' })).toHaveCount(0);
  });
});
