import { mkdirSync } from 'node:fs';
import {
  expect,
  expectNoSeriousViolations,
  formatDate,
  formatMoney,
  type PortalLocale,
  test,
  textOf,
  translator,
} from '@planshift/playwright';
import type { Locator, Page } from '@playwright/test';

// Each language end to end with a persona whose account speaks it: every screen checked by axe,
// the words taken from that language's messages, money and dates formatted by Intl for it, and
// the numbers on screen equal to the documents the server issued.

// The browser speaks the language too, so the sign-in page (before and after) is in it. A
// flat-price plan (Site Builder) has no seats step.
const cases: readonly {
  locale: PortalLocale;
  browser: string;
  who: string;
  selection: string;
  flat: boolean;
}[] = [
  { locale: 'en', browser: 'en-US', who: 'maria@northwind.example', selection: 'plan=business&seats=12', flat: false },
  { locale: 'ro', browser: 'ro-RO', who: 'andrei@carpati.example', selection: 'seats=5', flat: false },
  { locale: 'el', browser: 'el-GR', who: 'eleni@helios.example', selection: 'plan=premium', flat: true },
  { locale: 'fr', browser: 'fr-FR', who: 'claire@lumiere.example', selection: 'seats=6', flat: false },
  {
    locale: 'it',
    browser: 'it-IT',
    who: 'giulia@vinea.example',
    selection: 'addons=disk-pack:3,unlimited-visits:1',
    flat: true,
  },
  { locale: 'sv', browser: 'sv-SE', who: 'astrid@nordljus.example', selection: 'seats=5', flat: false },
];

// The SPA sets <html lang> to the language it shows; the e2e code has no DOM types.
const htmlLang = (page: Page) => page.evaluate<string>('document.documentElement.lang');

/** A row of a table by its exact header cell. */
const rowNamed = (summary: Locator, table: string, header: string) =>
  summary
    .getByRole('table', { name: table })
    .getByRole('row')
    .filter({ has: summary.page().getByRole('rowheader', { name: header, exact: true }) });

for (const { locale, browser, who, selection, flat } of cases) {
  test.describe(browser, () => {
    test.use({ locale: browser });
    test(`${locale}: every screen in the language, the quote summary pictured`, async ({
      page,
      scenario,
      signInPage,
      accountPage,
      changeFlow,
      header,
      documents,
    }, testInfo) => {
      // Seven screens, each checked by axe, and an order placed: longer than one journey.
      test.slow();
      const t = translator(locale);
      const quote = changeFlow.quote.region;

      // The sign-in page itself, in the browser's language: the persona's button signs in.
      await signInPage.goto();
      await expect(signInPage.heading).toHaveText(t('signIn.title'));
      expect(await htmlLang(page)).toBe(locale);
      await expectNoSeriousViolations(page);

      await signInPage.signInAs(scenario.persona(who));
      await expect(accountPage.heading).toHaveText(t('account.title'));
      expect(await htmlLang(page)).toBe(locale);
      const nextBill = (await accountPage.facts()).subscription.nextBill;
      if (nextBill) await expect(page.getByText(formatDate(nextBill.date, locale)).first()).toBeVisible();
      await expectNoSeriousViolations(page);

      const steps = [
        ['/change', t('changePlan.plansHeading')],
        ...(flat ? [] : [['/change/seats', t('changePlan.seats.heading')] as const]),
        ['/change/add-ons', t('changePlan.addOns.heading')],
        ['/change/review', t('changePlan.review.heading')],
      ] as const;
      for (const [path, heading] of steps) {
        await page.goto(`${path}?${selection}`);
        await expect(changeFlow.plan.heading).toHaveText(t('changePlan.title'));
        await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
        await expect(quote).toBeVisible();
        await expectNoSeriousViolations(page);
      }

      const today = t('changePlan.summary.todayCaption');
      const dueNowRow = rowNamed(quote, today, t('changePlan.summary.dueNow'));
      const dueNow = (await textOf(dueNowRow)).replace(t('changePlan.summary.dueNow'), '').trim();
      await expect(changeFlow.quote.serverCheck).toContainText(t('changePlan.server.agrees', { dueNow }));
      mkdirSync(testInfo.outputPath(), { recursive: true });
      const picture = testInfo.outputPath(`quote-summary-${locale}.png`);
      await quote.screenshot({ path: picture });
      await testInfo.attach(`quote summary (${locale})`, { path: picture, contentType: 'image/png' });

      const before = await documents.list();
      await changeFlow.review.placeOrder.click();
      await expect(changeFlow.result.heading).toHaveText(t('changePlan.done.title'));
      const issued = await documents.issuedSince(before);
      const [invoice, ...others] = issued.filter((doc) => doc.kind === 'invoice');
      if (!invoice || others.length > 0) throw new Error('one invoice is issued');
      // The documents' heading names what was issued: the invoice, with a credit note or without.
      const documentsHeading = issued.some((doc) => doc.kind === 'credit_note')
        ? t('changePlan.done.documentsHeading')
        : t('changeResult.invoiceHeading');
      expect(formatMoney(invoice.amountDue, locale)).toBe(dueNow);
      await expect(changeFlow.result.changedNow).toContainText(t('changePlan.done.charged', { amount: dueNow }));
      await expect(page.getByRole('region', { name: documentsHeading, exact: true })).toContainText(
        t('changePlan.done.document', {
          label: t('changePlan.done.invoice'),
          number: invoice.number,
          total: formatMoney(invoice.total, locale),
        }),
      );
      await expectNoSeriousViolations(page);

      await header.signOut();
      await expect(signInPage.heading).toHaveText(t('signIn.title'));
    });
  });
}
