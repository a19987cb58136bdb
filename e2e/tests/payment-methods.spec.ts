import type { MailboxView } from '@planshift/shared/api';
import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousViolations } from './a11y';
import { account, documents, expectServerAgrees, inEnglish, newDocuments, openChange, tabTo } from './change-flow';
import { money, resetToDemo, signInAs } from './demo';

// Cards on file and the ways forward after a decline: another card, a card whose bank asks the
// customer to authenticate (approved or failed at the simulated bank's page), a past-due customer
// paying with a new card, Pay now confirmed first. Roles and names only.

test.beforeEach(async ({ request }) => {
  await resetToDemo(request);
});

const SAM_UPGRADE = '/change/review?plan=advanced&seats=2';

async function fillCard(scope: ReturnType<Page['getByRole']>, number: string, expiry: string, cvc: string) {
  await scope.getByRole('textbox', { name: 'Card number' }).fill(number);
  await scope.getByRole('textbox', { name: 'Expiry date (MM/YY)' }).fill(expiry);
  await scope.getByRole('textbox', { name: 'Security code' }).fill(cvc);
}

/** Sam makes his card that asks for authentication (Visa •••• 3155) the default, on the payment methods page. */
async function samPaysWithAskingCard(page: Page): Promise<void> {
  await signInAs(page, 'sam@cobalt.example');
  await page.getByRole('link', { name: 'Manage payment methods' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Payment methods' })).toBeVisible();
  await page.getByRole('button', { name: 'Make default Visa •••• 3155' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Visa •••• 3155 is now your default card.' })).toBeVisible();
  const cards = page.getByRole('region', { name: 'Cards on file' }).getByRole('listitem');
  await expect(cards.first()).toContainText('Visa •••• 3155');
  await expect(cards.first()).toContainText('Default');
  await page.goto(SAM_UPGRADE);
  await expectServerAgrees(page);
  await expect(page.getByText('Charged to your Visa •••• 3155.')).toBeVisible();
}

/** James (past due) adds a card as his default on the payment methods page; answers his unpaid invoice. */
async function jamesAddsDefaultCard(page: Page, number: string, expiry: string, cvc: string) {
  await signInAs(page, 'james@oakridge.example');
  const [invoice] = (await documents(page)).filter((doc) => doc.status === 'unpaid');
  if (!invoice) throw new Error('James has an unpaid invoice');
  await page.getByRole('link', { name: 'Manage payment methods' }).click();
  await fillCard(page.getByRole('main'), number, expiry, cvc);
  await page.getByRole('checkbox', { name: 'Make this my default card' }).check();
  await page.getByRole('button', { name: 'Add card' }).click();
  return invoice;
}

test('Sam’s card is declined; he adds another card and the same order goes through', async ({ page }) => {
  await openChange(page, 'sam@cobalt.example', SAM_UPGRADE);
  await expectServerAgrees(page);
  await expect(page.getByText('Charged to your Visa •••• 0002.')).toBeVisible();
  const before = await documents(page);
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('alert')).toContainText('Your card was declined.');

  await page.getByRole('button', { name: 'Use another card' }).click();
  const another = page.getByRole('region', { name: 'Pay with another card' });
  await expect(another.getByRole('heading', { name: 'Pay with another card' })).toBeFocused();
  await expect(another.getByRole('radio', { name: 'Visa •••• 3155' })).toBeChecked();
  await another.getByRole('radio', { name: 'A new card' }).check();
  await fillCard(another, '4242 4242 4242 4242', '12/30', '123');
  await another.getByRole('button', { name: 'Add card' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Visa •••• 4242 is now your default card.' })).toContainText(
    'Place the order again to pay with it.',
  );
  await expect(page.getByRole('button', { name: 'Place order' })).toBeFocused();
  await expect(page.getByText('Charged to your Visa •••• 4242.')).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your change is confirmed' })).toBeVisible();

  const [invoice, ...others] = (await newDocuments(page, before)).filter((doc) => doc.kind === 'invoice');
  if (!invoice || others.length > 0) throw new Error('one invoice is issued');
  expect(invoice.amountPaid).toEqual(invoice.amountDue);
  const view = await account(page);
  expect([view.subscription.plan.id, view.account.paymentMethod?.last4]).toEqual(['advanced', '4242']);
});

test('a card whose bank asks: Sam approves at his bank, and the change is made once', async ({ page }) => {
  await samPaysWithAskingCard(page);
  const before = await documents(page);
  await page.getByRole('button', { name: 'Place order' }).click();

  await expect(page).toHaveURL(/\/bank\/challenges\//);
  const bank = page.getByRole('region', { name: 'Confirm your payment' });
  await expect(bank).toContainText('Your bank (simulated)');
  await expect(bank).toContainText(/Planshift Demo Ltd asks to charge \$[\d.,]+ to your Visa •••• 3155\./);
  const asked = (await bank.textContent()) ?? '';
  await expectNoSeriousViolations(page);
  // Nothing is charged or changed while the bank waits.
  expect(await newDocuments(page, before)).toEqual([]);
  await bank.getByRole('button', { name: 'Approve' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Your change is confirmed' })).toBeVisible();
  const [invoice] = (await newDocuments(page, before)).filter((doc) => doc.kind === 'invoice');
  if (!invoice) throw new Error('the approved change is invoiced');
  expect(asked).toContain(money(invoice.amountDue));
  expect(invoice.amountPaid).toEqual(invoice.amountDue);
  expect((await account(page)).subscription.plan.id).toBe('advanced');
});

test('a card whose bank asks: Sam fails it at his bank, nothing changes, and another card is offered', async ({
  page,
}) => {
  await samPaysWithAskingCard(page);
  const before = await documents(page);
  await page.getByRole('button', { name: 'Place order' }).click();
  await page.getByRole('region', { name: 'Confirm your payment' }).getByRole('button', { name: 'Fail' }).click();

  await expect(page.getByRole('heading', { level: 2, name: 'Review and confirm' })).toBeVisible();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Your bank did not confirm the payment, so nothing was charged.');
  await expect(alert).toContainText('Nothing has changed');
  await expect(page.getByRole('button', { name: 'Use another card' })).toBeVisible();
  await expectNoSeriousViolations(page);
  expect(await newDocuments(page, before)).toEqual([]);
  expect((await account(page)).subscription.plan.id).toBe('essential');
});

test('James, past due, adds a new card, pays his invoice with it after confirming, and is active again', async ({
  page,
}) => {
  const invoice = await jamesAddsDefaultCard(page, '5555 5555 5555 4444', '01/31', '321');
  await expect(
    page.getByRole('status').filter({ hasText: 'Mastercard •••• 4444 is added and is now your default card.' }),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Back to your subscription' }).click();

  const due = money(invoice.amountDue);
  await page.getByRole('button', { name: `Pay now ${invoice.number}` }).click();
  const dialog = page.getByRole('dialog', { name: `Pay invoice ${invoice.number}?` });
  await expect(dialog).toContainText(`${due} will be charged to your Mastercard •••• 4444.`);
  await expect(dialog.getByRole('button', { name: 'Not now' })).toBeFocused();
  await expectNoSeriousViolations(page);
  await dialog.getByRole('button', { name: `Pay ${due}` }).click();

  await expect(page.getByRole('status').filter({ hasText: `Invoice ${invoice.number} is paid.` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Plan and billing' })).toContainText('Active');
  await expect(page.getByRole('table').getByRole('row', { name: new RegExp(invoice.number) })).toContainText('Paid on');
  // The receipt goes through the outbox to the development mailbox.
  await expect
    .poll(
      async () => {
        const { messages } = (await (await page.request.get('/api/test/mailbox')).json()) as MailboxView;
        return messages.some((message) => message.subject === `Receipt for your payment of invoice ${invoice.number}`);
      },
      { timeout: 20_000 },
    )
    .toBe(true);
});

test('Pay now asks first: Not now charges nothing', async ({ page }) => {
  await signInAs(page, 'james@oakridge.example');
  const [invoice] = (await documents(page)).filter((doc) => doc.status === 'unpaid');
  if (!invoice) throw new Error('James has an unpaid invoice');
  await page.getByRole('button', { name: `Pay now ${invoice.number}` }).click();
  const dialog = page.getByRole('dialog', { name: `Pay invoice ${invoice.number}?` });
  await expect(dialog).toContainText(`${money(invoice.amountDue)} will be charged to your Visa •••• 4242.`);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  expect((await documents(page)).find((doc) => doc.id === invoice.id)?.status).toBe('unpaid');
  await expect(page.getByRole('region', { name: 'Unpaid invoices' })).toBeVisible();
});

test('a past-due customer’s bank asks too: James approves his new card’s payment and is active again', async ({
  page,
}) => {
  const invoice = await jamesAddsDefaultCard(page, '4000 0025 0000 3155', '06/31', '737');
  await expect(page.getByRole('status').filter({ hasText: 'is now your default card.' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to your subscription' }).click();
  await page.getByRole('button', { name: `Pay now ${invoice.number}` }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: `Pay ${money(invoice.amountDue)}` })
    .click();

  await page.getByRole('region', { name: 'Confirm your payment' }).getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Invoice ${invoice.number} is paid.` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Unpaid invoices' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Plan and billing' })).toContainText('Active');
});

test('the add-card form works by keyboard alone, and says what is wrong where it is wrong', async ({ page }) => {
  await inEnglish(page);
  await signInAs(page, 'maria@northwind.example');
  await page.goto('/payment-methods');
  const number = page.getByRole('textbox', { name: 'Card number' });
  await tabTo(page, number);
  await page.keyboard.type('4242 4242 4242 4242');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('textbox', { name: 'Expiry date (MM/YY)' })).toBeFocused();
  await page.keyboard.type('10/26');
  await page.keyboard.press('Tab');
  const cvc = page.getByRole('textbox', { name: 'Security code' });
  await expect(cvc).toBeFocused();
  await page.keyboard.type('12');
  await page.keyboard.press('Enter');

  // The demo's system clock is in November 2026: October has passed. The first wrong field takes the focus.
  const expiry = page.getByRole('textbox', { name: 'Expiry date (MM/YY)' });
  await expect(expiry).toBeFocused();
  await expect(expiry).toHaveAttribute('aria-invalid', 'true');
  await expect(expiry).toHaveAccessibleDescription('This card has expired. Use a card that is still valid.');
  // Every field says its problem first, then its hint.
  await expect(cvc).toHaveAccessibleDescription(/^The security code has 3 digits.*3 digits on the back/);
  await expectNoSeriousViolations(page);

  // Tabbing into a field selects what it holds: typing replaces it.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('12/29');
  await page.keyboard.press('Tab');
  await page.keyboard.type('123');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('checkbox', { name: 'Make this my default card' })).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Add card' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: 'Visa •••• 4242 is added and is now your default card.' }),
  ).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Payment methods' })).toBeFocused();

  // Removing the card that is no longer the default, by keyboard too: Escape keeps it, then it is confirmed.
  const cards = page.getByRole('region', { name: 'Cards on file' }).getByRole('listitem');
  const remove = page.getByRole('button', { name: 'Remove Visa •••• 4242' });
  await tabTo(page, remove);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Remove Visa •••• 4242?' });
  await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(remove).toBeFocused();
  await expect(cards).toHaveCount(2);
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Remove', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Visa •••• 4242 is removed.' })).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Payment methods' })).toBeFocused();
  await expect(cards).toHaveCount(1);
});

test('removing a card asks first: Keep it keeps the card, Remove removes it', async ({ page }) => {
  await signInAs(page, 'sam@cobalt.example');
  await page.goto('/payment-methods');
  const cards = page.getByRole('region', { name: 'Cards on file' }).getByRole('listitem');
  await expect(cards).toHaveCount(2);
  const onFile = async () =>
    (
      (await (await page.request.get('/api/payment-methods')).json()) as { paymentMethods: { last4: string }[] }
    ).paymentMethods
      .map((card) => card.last4)
      .sort();
  const remove = page.getByRole('button', { name: 'Remove Visa •••• 3155' });

  await remove.click();
  const dialog = page.getByRole('dialog', { name: 'Remove Visa •••• 3155?' });
  await expect(dialog).toContainText('It will no longer be kept on file, and nothing more will be charged to it.');
  await expect(dialog.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Keep it' }).click();
  await expect(dialog).toBeHidden();
  await expect(remove).toBeFocused();
  await expect(cards).toHaveCount(2);
  expect(await onFile()).toEqual(['0002', '3155']);

  await remove.click();
  await dialog.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Visa •••• 3155 is removed.' })).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: 'Payment methods' })).toBeFocused();
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('Visa •••• 0002');
  expect(await onFile()).toEqual(['0002']);
});

test('Tom, a member, sees the cards but cannot change them', async ({ page }) => {
  await signInAs(page, 'tom@northwind.example');
  await page.goto('/payment-methods');
  await expect(page.getByRole('region', { name: 'Cards on file' })).toContainText('Visa •••• 4242');
  await expect(page.getByText('Only the account’s owners and billing admins can change its cards.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add card' })).toHaveCount(0);
});
