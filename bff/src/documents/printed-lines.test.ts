import { amountFromPrinted } from '@planshift/shared/testing/arithmetic';
import { beforeEach, describe, expect, it } from 'vitest';
import { confirmChange } from '../testing/confirm-change';
import { pdfText } from '../testing/pdf-text';
import { type Client, type Json, type TestSystem, useDemoSystem } from '../testing/test-system';

// Every line a PDF prints can be recomputed from what it prints: unit price × quantity × the
// exact share of the period, rounded once by the engine's rule (product.md §2a). A share
// printed as a rounded percentage (59.9%) did not reproduce its amount.

const demo = useDemoSystem();
let system: TestSystem;
beforeEach(() => {
  system = demo();
});

const MONTHLY = { unit: 'month', count: 1 };
const DATE = String.raw`[A-Z][a-z]{2} \d{1,2}, \d{4}`;
const USD = String.raw`\$[\d,]+\.\d{2}`;
/** A line as an English USD PDF prints it: arithmetic, period covered, quantity, unit price, amount. */
const LINE = new RegExp(`(${USD}(?: × [^×$]+?)*) ${DATE} – ${DATE} [\\d,]+ ${USD} (-?${USD})`, 'g');

const cents = (text: string): number => Number(text.replace(/[^\d-]/g, ''));

async function printedLines(client: Client, id: string): Promise<{ arithmetic: string; amount: number }[]> {
  const response = await client.request('GET', `/api/documents/${id}/pdf`);
  expect(response.status).toBe(200);
  const text = await pdfText(Buffer.from(await response.arrayBuffer()));
  return [...text.matchAll(LINE)].map(([, arithmetic = '', amount = '']) => ({ arithmetic, amount: cents(amount) }));
}

async function expectEveryLineRecomputes(client: Client, id: string): Promise<void> {
  const { body: document } = await client.json<Json>('GET', `/api/documents/${id}`);
  const printed = await printedLines(client, id);
  // Every line of the document is found, so none escapes the check.
  expect(printed).toHaveLength(document.lines.length);
  for (const [index, line] of printed.entries()) {
    const issued = document.lines[index];
    expect(Math.abs(line.amount)).toBe(Math.abs(issued.amount.amount));
    // Credits are negative (the credit note's lines included), charges positive.
    expect(Math.sign(line.amount)).toBe(document.kind === 'credit_note' || issued.amount.amount < 0 ? -1 : 1);
    if (issued.capped) expect(Math.abs(line.amount)).toBeLessThanOrEqual(amountFromPrinted(line.arithmetic, 'USD'));
    else expect(amountFromPrinted(line.arithmetic, 'USD')).toBe(Math.abs(line.amount));
  }
}

describe('the lines a PDF prints', { timeout: 60_000 }, () => {
  it('recompute to the cent on a change’s invoice and credit note (shares counted in seconds)', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const confirmed = await confirmChange(maria, {
      planId: 'business',
      interval: MONTHLY,
      quantity: 12,
      addOns: [{ addOnId: 'webinars', quantity: 3 }],
    });
    const { invoice, creditNote } = confirmed.documents;
    const printed = await printedLines(maria, invoice.id);
    // The share the screen shows, exact: 15 Nov 10:00 to 3 Dec 09:30 of a 30-day period.
    expect(printed[0]?.arithmetic).toBe('$21.99 × 12 seats × 17d 23h 30m/30 days');
    await expectEveryLineRecomputes(maria, invoice.id);
    await expectEveryLineRecomputes(maria, creditNote.id);
  });

  it('recompute on a renewal invoice, whose lines are whole periods', async () => {
    const ben = await system.signIn('ben@bluebird.example');
    expect((await system.anonymous.json('PUT', '/api/test/clock', { at: '2026-11-20T00:00:00Z' })).status).toBe(200);
    const { body } = await ben.json<Json>('GET', '/api/documents');
    const renewal = body.documents.find((doc: Json) => doc.reason === 'renewal' && doc.issuedAt === 1_795_132_800);
    expect(renewal).toBeDefined();
    await expectEveryLineRecomputes(ben, renewal.id);
  });
});

describe('the items a new document names', { timeout: 60_000 }, () => {
  it('are named in the customer’s language, and an issued document keeps the names it was issued with', async () => {
    const giulia = await system.signIn('giulia@vinea.example');
    const confirmed = await confirmChange(giulia, {
      planId: 'premium',
      interval: MONTHLY,
      quantity: 1,
      addOns: [
        { addOnId: 'disk-pack', quantity: 4 },
        { addOnId: 'unlimited-visits', quantity: 1 },
      ],
    });
    const { invoice } = confirmed.documents;
    const pdf = async () =>
      pdfText(Buffer.from(await (await giulia.request('GET', `/api/documents/${invoice.id}/pdf`)).arrayBuffer()));
    const printed = await pdf();
    expect(printed).toContain('Tempo residuo di Pacchetto spazio su disco (+5 GB)');
    expect(printed).not.toContain('Disk Space Pack');
    // The seller's country in Italian, like the customer's.
    expect(printed).toContain('Regno Unito');

    // The account now reads English: the invoice already issued is as it was.
    await system.sql.run("update accounts set locale = 'en' where id = 'vinea-sites'");
    await system.sql.run('delete from document_pdfs where document_id = ?', invoice.id);
    expect(await pdf()).toContain('Tempo residuo di Pacchetto spazio su disco (+5 GB)');
  });
});
