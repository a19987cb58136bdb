import {
  expect,
  formatMoney as money,
  rowStartingWith as row,
  formatShare as share,
  test,
  textOf,
} from '@planshift/playwright';

const cases = [
  // JPY has no minor unit: ¥3,300 per licence, never "¥3,300.00".
  { who: 'haruto@sakura.example', seats: 13, unit: '¥3,300', perMonth: /^¥[\d,]+$/ },
  // KWD has three decimals: 4.500 KWD per licence.
  { who: 'fatima@alnoor.example', seats: 6, unit: 'KWD 4.500', perMonth: /^KWD\s[\d,]+\.\d{3}$/ },
] as const;

for (const { who, seats, unit, perMonth } of cases) {
  test(`${who.split('@')[0]} adds a seat; amounts use the currency's own minor unit`, async ({
    page,
    signIn,
    changeFlow,
    documents,
  }) => {
    await signIn(who);
    await changeFlow.open('seats', { seats });
    const line = row(changeFlow.quote.today, `${who.startsWith('haruto') ? 'Business' : 'Pro'}, rest of this period`);
    await expect(line).toContainText(`${unit} × 1 seat × `);
    await changeFlow.quote.expectServerAgrees();
    const shown = await textOf(changeFlow.quote.today);
    const dueNow = (await textOf(row(changeFlow.quote.today, 'Due now'))).replace('Due now', '').trim();
    expect(dueNow).toMatch(perMonth);
    const nextBill = (await textOf(row(changeFlow.quote.nextBill, 'Amount due'))).replace('Amount due', '').trim();
    expect(nextBill).toMatch(perMonth);

    await page.goto(`/change/review${new URL(page.url()).search}`);
    await changeFlow.quote.expectServerAgrees();
    const before = await documents.list();
    await page.getByRole('button', { name: 'Place order' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your change is confirmed' })).toBeVisible();

    const [invoice] = await documents.issuedSince(before);
    if (invoice?.kind !== 'invoice') throw new Error('a seat added now is invoiced');
    const [charge] = invoice.lines;
    if (!charge) throw new Error('the invoice has its line');
    expect(shown).toContain(`${money(charge.unitAmount)} × 1 seat × ${share(charge.fraction)}`);
    expect(money(invoice.amountDue)).toBe(dueNow);
    await expect(page.getByRole('region', { name: 'What changed now' })).toContainText(
      `${dueNow} was charged to your card.`,
    );
    await expect(page.getByRole('region', { name: 'Invoice', exact: true })).toContainText(
      `Invoice ${invoice.number}: ${money(invoice.total)}`,
    );
  });
}
