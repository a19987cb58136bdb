import { expect, formatMoney, test } from '@planshift/playwright';

test.use({ persona: 'maria@northwind.example' });

test('Maria upgrades to Business: an invoice and a credit note', async ({ accountPage, changeFlow, documents }) => {
  const before = await documents.list();
  await changeFlow.open('plan', { plan: 'business' });
  await changeFlow.continueToReview();
  await changeFlow.review.confirm();
  await expect(changeFlow.result.heading).toBeVisible();
  const issued = await documents.issuedSince(before);
  expect(issued.map((doc) => doc.kind).sort()).toEqual(['credit_note', 'invoice']);
  await accountPage.goto();
  for (const doc of issued) {
    const shown = doc.kind === 'credit_note' ? { ...doc.total, amount: -doc.total.amount } : doc.total;
    await expect(accountPage.documentRow(doc.number)).toShowAmount(shown);
    expect(await documents.text(doc.id)).toContain(`Total ${formatMoney(shown)}`);
  }
});
