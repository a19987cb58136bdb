import {
  escapeRegExp,
  expect,
  expectNoSeriousViolations,
  formatDate,
  type Mailbox,
  PORTAL_LOCALES,
  tabTo,
  test,
} from '@planshift/playwright';

test.describe.configure({ timeout: 90_000 });

/** The texts of the scenario's messages to an address with a subject that carry a mark. */
async function markedMails(mailbox: Mailbox, address: string, subject: string, mark: string): Promise<string[]> {
  const sent = (await mailbox.messages()).filter((mail) => mail.to.includes(address) && mail.subject === subject);
  const texts = await Promise.all(sent.map(async (mail) => (await mailbox.open(mail.id)).text ?? ''));
  return texts.filter((text) => text.includes(mark));
}

test.describe('Maria, an owner', () => {
  test.use({ persona: 'maria@northwind.example' });

  test('Maria asks sales about Enterprise from its plan card: stored, confirmed on screen and by e-mail, sales told once', async ({
    page,
    changeFlow,
    contactSalesPage: sales,
    mailbox,
  }) => {
    // The message carries this run's mark: the e-mails found are this request's.
    const mark = `run ${crypto.randomUUID()}`;
    await changeFlow.open();
    const contact = changeFlow.plan.planCard('Enterprise').getByRole('link', { name: 'Contact sales' });
    await expect(contact).toHaveAccessibleDescription('Enterprise is sold through our sales team.');
    await contact.click();

    await expect(sales.heading).toBeVisible();
    await expect(sales.form).toHaveAccessibleName('Your request about Enterprise');
    await expect(sales.form).toContainText('Plan: Enterprise');
    await expect(sales.seats).toHaveValue('50');
    await expect(sales.seats).toHaveAccessibleDescription(
      'Enterprise is sold for 50 to 10,000 seats; our sales team can tailor it.',
    );
    await expect(sales.contactName).toHaveValue('Maria Chen');
    await expect(sales.contactEmail).toHaveValue('maria@northwind.example');
    await expectNoSeriousViolations(page);

    await sales.seats.fill('0');
    await sales.send.click();
    await expect(sales.alert).toContainText('Your request was not sent');
    await expect(sales.seats).toBeFocused();
    await expect(sales.seats).toHaveAccessibleDescription(/^Enter a whole number of seats, at least 1\./);
    await expectNoSeriousViolations(page);

    await sales.sendRequest({ seats: 60, message: `Single sign-on for everyone, ${mark}.` });
    await expect(sales.sentHeading).toHaveText('Your request is with our sales team');
    await expect(sales.sentHeading).toBeFocused();
    const summary = sales.sentSummary;
    await expect(summary).toContainText(
      'We have e-mailed a confirmation to maria@northwind.example. Our sales team will answer you at that address.',
    );
    await expect(summary).toContainText('Enterprise');
    await expect(summary).toContainText('60');
    await expect(summary).toContainText(mark);
    await expect(summary).toContainText(formatDate(Date.UTC(2026, 10, 15, 10) / 1000));
    await expect(summary).not.toContainText('already sent');
    await expectNoSeriousViolations(page);
    // The confirmation is the stored request: a reload shows it again.
    await page.reload();
    await expect(sales.sentSummary).toContainText(mark);

    // The same request again (a resend) is the first one: sales is not told twice.
    await sales.goto('enterprise');
    await expect(page.getByRole('region', { name: 'Your recent requests' })).toContainText(
      'Enterprise × 60, sent on Nov 15, 2026 by Maria Chen',
    );
    await sales.sendRequest({ seats: 60, message: `Single sign-on for everyone, ${mark}.` });
    await expect(sales.sentSummary).toContainText(
      'You had already sent this request on Nov 15, 2026: our sales team has it, and it was not sent twice.',
    );

    // Through the outbox: one e-mail to sales (the configured address), one confirmation to Maria.
    const toSales = 'Sales request: Enterprise × 60 for Northwind Traders';
    const toMaria = 'Your request about Enterprise has reached our sales team';
    await expect
      .poll(() => markedMails(mailbox, 'sales@planshift.local', toSales, mark), { timeout: 20_000 })
      .toHaveLength(1);
    await expect
      .poll(() => markedMails(mailbox, 'maria@northwind.example', toMaria, mark), { timeout: 20_000 })
      .toHaveLength(1);
    const [salesText] = await markedMails(mailbox, 'sales@planshift.local', toSales, mark);
    expect(salesText).toContain('Has now: Pro × 10');
    expect(salesText).toContain('Contact: Maria Chen <maria@northwind.example>');
  });

  test('a fourth new request in a day waits, saying until when', async ({ page, contactSalesPage: sales }) => {
    for (const seats of [60, 70, 80]) {
      await sales.goto('enterprise');
      await sales.sendRequest({ seats });
      await expect(sales.sentHeading).toHaveText('Your request is with our sales team');
    }
    await sales.goto('enterprise');
    await sales.seats.fill('90');
    await sales.send.click();
    await expect(sales.alert).toHaveText(
      'You have sent our sales team three requests in the last day. You can send another from Nov 16, 2026, 10:00 UTC.',
    );
    await expect(sales.alert).toBeFocused();
    await expectNoSeriousViolations(page);
  });
});

test.describe('Priya, whose Enterprise plan only sales can change', () => {
  test.use({ persona: 'priya@globex.example' });

  test('Priya, whose Enterprise plan only sales can change, reaches the form from her account page', async ({
    accountPage,
    contactSalesPage: sales,
  }) => {
    await accountPage.goto();
    await expect(accountPage.changeButton).toHaveAttribute('aria-disabled', 'true');
    await accountPage.contactSalesLink.click();
    await expect(sales.form).toHaveAccessibleName('Your request about Enterprise');
    await expect(sales.seats).toHaveValue('120');
    await expect(sales.contactName).toHaveValue('Priya Raman');
  });

  test('the Contact sales form is usable by keyboard alone', async ({ page, accountPage, contactSalesPage: sales }) => {
    await accountPage.goto();
    await tabTo(page, accountPage.contactSalesLink);
    await page.keyboard.press('Enter');
    await tabTo(page, sales.seats);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('150');
    await page.keyboard.press('Tab');
    await expect(sales.message).toBeFocused();
    await page.keyboard.type('Thirty more seats for the new office.');
    await tabTo(page, sales.send);
    await page.keyboard.press('Enter');
    await expect(sales.sentHeading).toHaveText('Your request is with our sales team');
    await expect(sales.sentHeading).toBeFocused();
    await expect(sales.sentSummary).toContainText('150');
  });
});

test.describe('Tom, a member', () => {
  test.use({ persona: 'tom@northwind.example' });

  test('Tom, a member, is told to ask an owner or billing admin', async ({
    page,
    accountPage,
    contactSalesPage: sales,
  }) => {
    await accountPage.goto();
    await expect(page.getByRole('link', { name: 'Contact sales' })).toHaveCount(0);
    await sales.goto('enterprise');
    await expect(sales.heading).toHaveText('Contact sales');
    await expect(
      page.getByText("Only the account's owners and billing admins can contact sales on its behalf."),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Send to sales' })).toHaveCount(0);
  });
});

for (const locale of PORTAL_LOCALES) {
  test.describe(locale, () => {
    test.use({ persona: 'maria@northwind.example', language: locale });

    test(`${locale}: the Contact sales form and its confirmation pass axe, with and without errors`, async ({
      page,
      portalLanguage,
      contactSalesPage: sales,
    }) => {
      const t = (key: string, values?: Record<string, string>) => portalLanguage.t(key, values);
      await sales.goto('enterprise');
      await expect(sales.heading).toHaveText(t('contactSales.title'));
      await expect(sales.form).toHaveAccessibleName(t('contactSales.formLabel', { plan: 'Enterprise' }));
      await expectNoSeriousViolations(page);
      await sales.contactEmail.fill('maria');
      await sales.send.click();
      await expect(sales.alert).toContainText(t('contactSales.notSent'));
      await expect(sales.contactEmail).toHaveAccessibleDescription(
        new RegExp(`^${escapeRegExp(t('contactSales.errors.email'))}`),
      );
      await expectNoSeriousViolations(page);
      await sales.sendRequest({ contactEmail: 'maria@northwind.example' });
      await expect(sales.sentHeading).toHaveText(t('contactSales.sent.title'));
      await expectNoSeriousViolations(page);
    });
  });
}
