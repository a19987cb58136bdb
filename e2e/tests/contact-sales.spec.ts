import type { MailboxEntryView, MailboxView } from '@planshift/shared/api';
import { expect, type Page, test } from '@playwright/test';
import { expectNoSeriousViolations } from './a11y';
import { openChange, tabTo } from './change-flow';
import { date, resetToDemo, signInAs } from './demo';
import { translator } from './messages';

test.beforeEach(async ({ request }) => {
  await resetToDemo(request);
});

test.describe.configure({ timeout: 90_000 });

/** The development mailbox's messages to an address with a subject, once the outbox has sent them. */
async function mailsTo(page: Page, address: string, subject: string): Promise<MailboxEntryView[]> {
  const { messages } = (await (await page.request.get('/api/test/mailbox')).json()) as MailboxView;
  return messages.filter((mail) => mail.to.includes(address) && mail.subject === subject);
}

async function mailText(page: Page, id: string): Promise<string> {
  return ((await (await page.request.get(`/api/test/mailbox/${id}`)).json()) as { text: string }).text;
}

test('Maria asks sales about Enterprise from its plan card: stored, confirmed on screen and by e-mail, sales told once', async ({
  page,
}) => {
  // The mailbox outlives resets: the message carries this run's mark.
  const mark = `run ${crypto.randomUUID()}`;
  await openChange(page, 'maria@northwind.example');
  const enterprise = page
    .getByRole('region', { name: 'Plans' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Enterprise' }) });
  const contact = enterprise.getByRole('link', { name: 'Contact sales' });
  await expect(contact).toHaveAccessibleDescription('Enterprise is sold through our sales team.');
  await contact.click();

  await expect(page.getByRole('heading', { level: 1, name: 'Contact sales' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Your request about Enterprise' });
  await expect(form).toContainText('Plan: Enterprise');
  const seats = page.getByLabel('Seats wanted');
  await expect(seats).toHaveValue('50');
  await expect(seats).toHaveAccessibleDescription(
    'Enterprise is sold for 50 to 10,000 seats; our sales team can tailor it.',
  );
  await expect(page.getByLabel('Your name')).toHaveValue('Maria Chen');
  await expect(page.getByLabel('Your e-mail')).toHaveValue('maria@northwind.example');
  await expectNoSeriousViolations(page);

  await seats.fill('0');
  await page.getByRole('button', { name: 'Send to sales' }).click();
  await expect(page.getByRole('alert')).toContainText('Your request was not sent');
  await expect(seats).toBeFocused();
  await expect(seats).toHaveAccessibleDescription(/^Enter a whole number of seats, at least 1\./);
  await expectNoSeriousViolations(page);

  await seats.fill('60');
  await page.getByLabel('Message').fill(`Single sign-on for everyone, ${mark}.`);
  await page.getByRole('button', { name: 'Send to sales' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your request is with our sales team' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  const summary = page.getByRole('region', { name: 'Your request' });
  await expect(summary).toContainText(
    'We have e-mailed a confirmation to maria@northwind.example. Our sales team will answer you at that address.',
  );
  await expect(summary).toContainText('Enterprise');
  await expect(summary).toContainText('60');
  await expect(summary).toContainText(mark);
  await expect(summary).toContainText(date(Date.UTC(2026, 10, 15, 10) / 1000));
  await expect(summary).not.toContainText('already sent');
  await expectNoSeriousViolations(page);
  // The confirmation is the stored request: a reload shows it again.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Your request' })).toContainText(mark);

  // The same request again (a resend) is the first one: sales is not told twice.
  await page.goto('/contact-sales?plan=enterprise');
  await expect(page.getByRole('region', { name: 'Your recent requests' })).toContainText(
    'Enterprise × 60, sent on Nov 15, 2026 by Maria Chen',
  );
  await page.getByLabel('Seats wanted').fill('60');
  await page.getByLabel('Message').fill(`Single sign-on for everyone, ${mark}.`);
  await page.getByRole('button', { name: 'Send to sales' }).click();
  await expect(page.getByRole('region', { name: 'Your request' })).toContainText(
    'You had already sent this request on Nov 15, 2026: our sales team has it, and it was not sent twice.',
  );

  // Through the outbox: one e-mail to sales (the configured address), one confirmation to Maria.
  const toSales = 'Sales request: Enterprise × 60 for Northwind Traders';
  const toMaria = 'Your request about Enterprise has reached our sales team';
  const marked = async (address: string, subject: string) => {
    const texts = await Promise.all((await mailsTo(page, address, subject)).map((m) => mailText(page, m.id)));
    return texts.filter((text) => text.includes(mark));
  };
  await expect.poll(() => marked('sales@planshift.local', toSales), { timeout: 20_000 }).toHaveLength(1);
  await expect.poll(() => marked('maria@northwind.example', toMaria), { timeout: 20_000 }).toHaveLength(1);
  const [salesText] = await marked('sales@planshift.local', toSales);
  expect(salesText).toContain('Has now: Pro × 10');
  expect(salesText).toContain('Contact: Maria Chen <maria@northwind.example>');
});

test('Priya, whose Enterprise plan only sales can change, reaches the form from her account page', async ({ page }) => {
  await signInAs(page, 'priya@globex.example');
  await expect(page.getByRole('button', { name: 'Change', exact: true })).toHaveAttribute('aria-disabled', 'true');
  await page.getByRole('link', { name: 'Contact sales' }).click();
  await expect(page.getByRole('form', { name: 'Your request about Enterprise' })).toBeVisible();
  await expect(page.getByLabel('Seats wanted')).toHaveValue('120');
  await expect(page.getByLabel('Your name')).toHaveValue('Priya Raman');
});

test('the Contact sales form is usable by keyboard alone', async ({ page }) => {
  await signInAs(page, 'priya@globex.example');
  await tabTo(page, page.getByRole('link', { name: 'Contact sales' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByLabel('Seats wanted'));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('150');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Message')).toBeFocused();
  await page.keyboard.type('Thirty more seats for the new office.');
  await tabTo(page, page.getByRole('button', { name: 'Send to sales' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Your request is with our sales team' })).toBeFocused();
  await expect(page.getByRole('region', { name: 'Your request' })).toContainText('150');
});

test('a fourth new request in a day waits, saying until when', async ({ page }) => {
  await signInAs(page, 'maria@northwind.example');
  for (const seats of [60, 70, 80, 90]) {
    await page.goto('/contact-sales?plan=enterprise');
    await page.getByLabel('Seats wanted').fill(String(seats));
    await page.getByRole('button', { name: 'Send to sales' }).click();
    if (seats < 90)
      await expect(page.getByRole('heading', { level: 1, name: 'Your request is with our sales team' })).toBeVisible();
  }
  await expect(page.getByRole('alert')).toHaveText(
    'You have sent our sales team three requests in the last day. You can send another from Nov 16, 2026, 10:00 UTC.',
  );
  await expect(page.getByRole('alert')).toBeFocused();
  await expectNoSeriousViolations(page);
});

test('Tom, a member, is told to ask an owner or billing admin', async ({ page }) => {
  await signInAs(page, 'tom@northwind.example');
  await expect(page.getByRole('link', { name: 'Contact sales' })).toHaveCount(0);
  await page.goto('/contact-sales?plan=enterprise');
  await expect(page.getByRole('heading', { level: 1, name: 'Contact sales' })).toBeVisible();
  await expect(
    page.getByText("Only the account's owners and billing admins can contact sales on its behalf."),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send to sales' })).toHaveCount(0);
});

for (const locale of ['en', 'ro', 'el', 'fr', 'it', 'sv'] as const) {
  test(`${locale}: the Contact sales form and its confirmation pass axe, with and without errors`, async ({ page }) => {
    const t = await translator(locale);
    await page.addInitScript(`localStorage.setItem("planshift.locale", "${locale}")`);
    await signInAs(page, 'maria@northwind.example');
    await page.goto('/contact-sales?plan=enterprise');
    await expect(page.getByRole('heading', { level: 1, name: t('contactSales.title') })).toBeVisible();
    await expect(page.getByRole('form', { name: t('contactSales.formLabel', { plan: 'Enterprise' }) })).toBeVisible();
    await expectNoSeriousViolations(page);
    await page.getByLabel(t('contactSales.fields.contactEmail')).fill('maria');
    await page.getByRole('button', { name: t('contactSales.send') }).click();
    await expect(page.getByRole('alert')).toContainText(t('contactSales.notSent'));
    await expect(page.getByLabel(t('contactSales.fields.contactEmail'))).toHaveAccessibleDescription(
      new RegExp(`^${t('contactSales.errors.email').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
    await expectNoSeriousViolations(page);
    await page.getByLabel(t('contactSales.fields.contactEmail')).fill('maria@northwind.example');
    await page.getByRole('button', { name: t('contactSales.send') }).click();
    await expect(page.getByRole('heading', { level: 1, name: t('contactSales.sent.title') })).toBeVisible();
    await expectNoSeriousViolations(page);
  });
}
