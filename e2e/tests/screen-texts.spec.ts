import {
  expect,
  expectNoSeriousViolations,
  formatMoney,
  rowStartingWith,
  test,
  textOf,
  translator,
} from '@planshift/playwright';
import { amountFromPrinted } from '@planshift/shared/testing/arithmetic';
import type { Locator } from '@playwright/test';

// What the screens say must match what the numbers do: every line's arithmetic recomputes to
// its amount, credits are negative wherever they are shown (docs/decisions/014), and catalog
// names are in the language on screen.

/** A line's arithmetic as the quote prints it in English: price × quantity × exact share. */
const ARITHMETIC =
  /\$[\d,]+\.\d{2}(?: × (?:[\d,]+ (?:seats?|units?)|\d+[dhms](?: \d+[dhms])*\/[\d,]+ days|[\d,]+\/[\d,]+ days))*/;
const AMOUNT = /-?\$[\d,]+\.\d{2}/;
const cents = (text: string): number => Number(text.replace(/[^\d-]/g, ''));

/** Every priced line of a quote table: its printed arithmetic and the amount beside it. */
async function pricedLines(table: Locator): Promise<{ arithmetic: string; amount: number }[]> {
  const lines: { arithmetic: string; amount: number }[] = [];
  const withHeader = table.getByRole('row').filter({ has: table.page().getByRole('rowheader') });
  for (const line of await withHeader.all()) {
    const header = await textOf(line.getByRole('rowheader'));
    const arithmetic = ARITHMETIC.exec(header)?.[0];
    if (!arithmetic) continue;
    const amount = AMOUNT.exec(await textOf(line.getByRole('cell')))?.[0];
    if (!amount) throw new Error(`no amount beside "${header}"`);
    lines.push({ arithmetic, amount: cents(amount) });
  }
  return lines;
}

/** The amount a row shows (its cell, not the arithmetic in its header). */
async function shown(table: Locator, label: string): Promise<string> {
  return AMOUNT.exec(await textOf(rowStartingWith(table, label).getByRole('cell')))?.[0] ?? '';
}

test.describe('in English', () => {
  test.use({ language: 'en' });

  test('every line of the quote recomputes to the cent from the arithmetic printed beside it', async ({
    signIn,
    changeFlow,
  }) => {
    await signIn('maria@northwind.example');
    await changeFlow.open('review', { plan: 'business', seats: 12, addOns: { webinars: 3 } });
    await changeFlow.quote.expectServerAgrees();
    const today = await pricedLines(changeFlow.quote.today);
    const nextBill = await pricedLines(changeFlow.quote.nextBill);
    // The credit for Pro, the charges for Business and Webinars; then the next bill's two items.
    expect(today).toHaveLength(3);
    expect(nextBill).toHaveLength(2);
    for (const line of [...today, ...nextBill]) {
      expect(amountFromPrinted(line.arithmetic, 'USD'), line.arithmetic).toBe(Math.abs(line.amount));
    }
    expect(today[0]?.arithmetic).toBe('$14.99 × 10 seats × 17d 23h 30m/30 days');
  });

  test('credits are negative beside the charges: the quote, the next bill, the result page and the documents', async ({
    page,
    signIn,
    changeFlow,
    documents,
    accountPage,
  }) => {
    // Olivia holds $45.00 of credit; Advanced × 2 → Professional × 4 credits the unused Advanced time.
    await signIn('olivia@kestrel.example');
    await changeFlow.open('review', { plan: 'professional', seats: 4 });
    await changeFlow.quote.expectServerAgrees();
    const today = changeFlow.quote.today;
    expect(await shown(today, 'Credit for unused time: Advanced')).toMatch(/^-\$/);
    expect(await shown(today, 'Credits for unused time')).toMatch(/^-\$/);
    expect(await shown(today, 'Charges')).toMatch(/^\$/);
    expect(await shown(today, 'Account credit applied')).toBe('-$45.00');
    // The balance held is an amount, not a line: what is left of Olivia's credit.
    expect(await shown(today, 'Account credit left')).toBe('$0.00');
    expect(await shown(changeFlow.quote.nextBill, 'Amount due')).toMatch(/^\$/);

    const before = await documents.list();
    await changeFlow.review.placeOrder.click();
    await expect(changeFlow.result.heading).toHaveText('Your change is confirmed');
    const issued = await documents.issuedSince(before);
    const creditNote = issued.find((doc) => doc.kind === 'credit_note');
    const invoice = issued.find((doc) => doc.kind === 'invoice');
    if (!creditNote || !invoice) throw new Error('an upgrade issues an invoice and a credit note');
    const negative = formatMoney({ ...creditNote.total, amount: -creditNote.total.amount });
    const docs = page.getByRole('region', { name: 'Invoice and credit note' });
    await expect(docs).toContainText(`Credit note ${creditNote.number}: ${negative}`);
    await expect(docs).toContainText(`Invoice ${invoice.number}: ${formatMoney(invoice.total)}`);

    await changeFlow.result.backToAccount.first().click();
    await expect(accountPage.documentRow(creditNote.number)).toContainText(negative);
    await expect(accountPage.documentRow(invoice.number)).toContainText(formatMoney(invoice.total));
  });
});

test('catalog names are in the language on screen, and follow the switcher', async ({
  page,
  signIn,
  accountPage,
  header,
}) => {
  const it = translator('it');
  await signIn('giulia@vinea.example');
  await accountPage.goto();
  await expect(accountPage.heading).toHaveText(it('account.title'));
  const facts = accountPage.summary;
  await expect(facts).toContainText(it('account.facts.planGroup', { group: 'Fascia alta' }));
  await expect(facts).toContainText('Pacchetto spazio su disco (+5 GB)');
  await expect(facts).toContainText('Visite illimitate');

  await page.goto('/change/add-ons');
  const pack = page.getByRole('checkbox', { name: 'Pacchetto spazio su disco (+5 GB)' });
  await expect(pack).toBeChecked();
  await page.getByLabel(`${it('changePlan.addOns.quantity')} Pacchetto spazio su disco (+5 GB)`).fill('3');
  const quote = page.getByRole('complementary', { name: it('changePlan.summary.heading') });
  await expect(quote).toContainText(it('changePlan.line.remaining', { item: 'Pacchetto spazio su disco (+5 GB)' }));
  await expectNoSeriousViolations(page);

  const fr = translator('fr');
  // The switcher, as a person uses it: the language by its own name.
  await header.languageSelect.selectOption({ label: 'Français' });
  await expect(page.getByRole('checkbox', { name: 'Pack d’espace disque (+5 Go)' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Visites illimitées' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: fr('changePlan.summary.heading') })).toContainText(
    'Pack d’espace disque (+5 Go)',
  );
});

test('a Greek customer sees her plan and its family in Greek, and a brand name as it is', async ({
  page,
  signIn,
  accountPage,
}) => {
  const el = translator('el');
  await signIn('eleni@helios.example');
  await accountPage.goto();
  const facts = accountPage.summary;
  await expect(facts).toContainText('Δωρεάν');
  await expect(facts).toContainText(el('account.facts.planGroup', { group: 'Υψηλή κατηγορία' }));
  await page.goto('/change');
  await expect(page.getByRole('radio', { name: 'Δωρεάν' })).toBeChecked();
  // Premium is a brand: the catalog gives no Greek name, and the English one is shown.
  await expect(page.getByRole('radio', { name: 'Premium' })).toBeEnabled();
});
