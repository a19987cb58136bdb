import { amountFromPrinted } from '@planshift/shared/testing/arithmetic';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { expectNoSeriousViolations } from './a11y';
import {
  documents,
  expectServerAgrees,
  inEnglish,
  newDocuments,
  nextBillTable,
  openChange,
  row,
  todayTable,
} from './change-flow';
import { money, resetToDemo, signInAs } from './demo';
import { translator } from './messages';

// What the screens say must match what the numbers do: every line's arithmetic recomputes to
// its amount, credits are negative wherever they are shown (docs/decisions/014), and catalog
// names are in the language on screen.

test.beforeEach(async ({ request }) => {
  await resetToDemo(request);
});

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
    const header = (await line.getByRole('rowheader').textContent()) ?? '';
    const arithmetic = ARITHMETIC.exec(header)?.[0];
    if (!arithmetic) continue;
    const amount = AMOUNT.exec((await line.getByRole('cell').textContent()) ?? '')?.[0];
    if (!amount) throw new Error(`no amount beside "${header}"`);
    lines.push({ arithmetic, amount: cents(amount) });
  }
  return lines;
}

/** The amount a row shows (its cell, not the arithmetic in its header). */
async function shown(table: Locator, label: string): Promise<string> {
  return AMOUNT.exec((await row(table, label).getByRole('cell').textContent()) ?? '')?.[0] ?? '';
}

test('every line of the quote recomputes to the cent from the arithmetic printed beside it', async ({ page }) => {
  await inEnglish(page);
  await openChange(page, 'maria@northwind.example', '/change/review?plan=business&seats=12&addons=webinars:3');
  await expectServerAgrees(page);
  const today = await pricedLines(todayTable(page));
  const nextBill = await pricedLines(nextBillTable(page));
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
}) => {
  await inEnglish(page);
  // Olivia holds $45.00 of credit; Advanced × 2 → Professional × 4 credits the unused Advanced time.
  await openChange(page, 'olivia@kestrel.example', '/change/review?plan=professional&seats=4');
  await expectServerAgrees(page);
  const today = todayTable(page);
  expect(await shown(today, 'Credit for unused time: Advanced')).toMatch(/^-\$/);
  expect(await shown(today, 'Credits for unused time')).toMatch(/^-\$/);
  expect(await shown(today, 'Charges')).toMatch(/^\$/);
  expect(await shown(today, 'Account credit applied')).toBe('-$45.00');
  // The balance held is an amount, not a line: what is left of Olivia's credit.
  expect(await shown(today, 'Account credit left')).toBe('$0.00');
  expect(await shown(nextBillTable(page), 'Amount due')).toMatch(/^\$/);

  const before = await documents(page);
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your change is confirmed' })).toBeVisible();
  const issued = await newDocuments(page, before);
  const creditNote = issued.find((doc) => doc.kind === 'credit_note');
  const invoice = issued.find((doc) => doc.kind === 'invoice');
  if (!creditNote || !invoice) throw new Error('an upgrade issues an invoice and a credit note');
  const negative = money({ ...creditNote.total, amount: -creditNote.total.amount });
  const docs = page.getByRole('region', { name: 'Invoice and credit note' });
  await expect(docs).toContainText(`Credit note ${creditNote.number}: ${negative}`);
  await expect(docs).toContainText(`Invoice ${invoice.number}: ${money(invoice.total)}`);

  await page.getByRole('link', { name: 'Back to your subscription' }).first().click();
  const history = page.getByRole('region', { name: 'Invoices and credit notes' });
  await expect(history.getByRole('row', { name: new RegExp(creditNote.number) })).toContainText(negative);
  await expect(history.getByRole('row', { name: new RegExp(invoice.number) })).toContainText(money(invoice.total));
});

/** The portal's language switcher, as a person uses it. */
async function switchTo(page: Page, label: string, language: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).selectOption({ label: language });
}

test('catalog names are in the language on screen, and follow the switcher', async ({ page }) => {
  const it = await translator('it');
  await signInAs(page, 'giulia@vinea.example');
  await expect(page.getByRole('heading', { level: 1, name: it('account.title') })).toBeVisible();
  const facts = page.getByRole('region', { name: it('account.summaryHeading') });
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

  const fr = await translator('fr');
  await switchTo(page, it('header.language'), 'Français');
  await expect(page.getByRole('checkbox', { name: 'Pack d’espace disque (+5 Go)' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Visites illimitées' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: fr('changePlan.summary.heading') })).toContainText(
    'Pack d’espace disque (+5 Go)',
  );
});

test('a Greek customer sees her plan and its family in Greek, and a brand name as it is', async ({ page }) => {
  const el = await translator('el');
  await signInAs(page, 'eleni@helios.example');
  const facts = page.getByRole('region', { name: el('account.summaryHeading') });
  await expect(facts).toContainText('Δωρεάν');
  await expect(facts).toContainText(el('account.facts.planGroup', { group: 'Υψηλή κατηγορία' }));
  await page.goto('/change');
  await expect(page.getByRole('radio', { name: 'Δωρεάν' })).toBeChecked();
  // Premium is a brand: the catalog gives no Greek name, and the English one is shown.
  await expect(page.getByRole('radio', { name: 'Premium' })).toBeEnabled();
});
