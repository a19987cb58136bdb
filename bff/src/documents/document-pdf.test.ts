import { formatMoney } from '@planshift/shared/money';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DocumentRecord } from '../store/records';
import { confirmChange } from '../testing/confirm-change';
import { pdfText } from '../testing/pdf-text';
import { type Client, type Json, type TestSystem, useDemoSystem } from '../testing/test-system';
import { renderDocumentPdf } from './render-pdf';

const demo = useDemoSystem();
let system: TestSystem;
beforeEach(() => {
  system = demo();
});

const MONTHLY = { unit: 'month', count: 1 };

async function download(client: Client, documentId: string): Promise<Buffer> {
  const response = await client.request('GET', `/api/documents/${documentId}/pdf`);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

async function firstDocument(client: Client): Promise<{ accountId: string; document: DocumentRecord }> {
  const accountId = (await client.json<Json>('GET', '/api/account')).body.account.id;
  const { body } = await client.json<Json>('GET', '/api/documents');
  const document = await system.store.documents.find(accountId, body.documents[0].id);
  if (!document) throw new Error('the account has no document');
  return { accountId, document };
}

async function stored(accountId: string, documentId: string): Promise<Buffer | null> {
  return (await system.store.documents.findPdf(accountId, documentId))?.pdf ?? null;
}

/** Polls a condition the background pass brings about; the pass's own timing is not the test's business. */
async function until(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting for the background pass');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('GET /api/documents/{id}/pdf', () => {
  it('downloads the account’s invoice as a PDF in its language, and only for that account', async () => {
    const astrid = await system.signIn('astrid@nordljus.example');
    const { body } = await astrid.json<Json>('GET', '/api/documents');
    const invoice = body.documents[0];
    const response = await astrid.request('GET', `/api/documents/${invoice.id}/pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${invoice.number}.pdf"`);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain(invoice.number);
    expect(text).toContain('Faktura');
    expect(text).toContain(formatMoney(invoice.total, 'sv').replace(/[\u00a0\u202f]/g, ' '));

    const maria = await system.signIn('maria@northwind.example');
    expect((await maria.request('GET', `/api/documents/${invoice.id}/pdf`)).status).toBe(404);
    expect((await system.anonymous.request('GET', `/api/documents/${invoice.id}/pdf`)).status).toBe(401);
  });

  it('renders a PDF once, stores it, and serves the stored bytes: the same as a fresh render', async () => {
    const astrid = await system.signIn('astrid@nordljus.example');
    const { accountId, document } = await firstDocument(astrid);
    expect(await stored(accountId, document.id)).toBeNull();

    const first = await download(astrid, document.id);
    expect(first.equals(await renderDocumentPdf(document))).toBe(true);
    expect((await stored(accountId, document.id))?.equals(first)).toBe(true);
    expect((await download(astrid, document.id)).equals(first)).toBe(true);

    // Stored bytes are served as they are: nothing renders the document again.
    const marker = Buffer.from('%PDF-1.3 stored, not rendered');
    await system.sql.run('update document_pdfs set pdf = ? where document_id = ?', marker, document.id);
    expect((await download(astrid, document.id)).equals(marker)).toBe(true);

    // Stored or not, another account's document is not found and a visitor must sign in.
    const maria = await system.signIn('maria@northwind.example');
    expect((await maria.request('GET', `/api/documents/${document.id}/pdf`)).status).toBe(404);
    expect((await system.anonymous.request('GET', `/api/documents/${document.id}/pdf`)).status).toBe(401);
    expect((await astrid.request('GET', '/api/documents/no-such-document/pdf')).status).toBe(404);
  });

  it('keeps an unpaid invoice’s PDF unstored, since paying it changes what it prints', async () => {
    const james = await system.signIn('james@oakridge.example');
    const { accountId, document } = await firstDocument(james);
    expect(document.amountPaid).toBeLessThan(document.amountDue);
    expect(await pdfText(await download(james, document.id))).toContain('Balance remaining');
    expect(await stored(accountId, document.id)).toBeNull();

    expect((await james.json('POST', `/api/invoices/${document.id}/pay`, {})).status).toBe(200);
    const paid = await download(james, document.id);
    expect(await pdfText(paid)).not.toContain('Balance remaining');
    expect((await stored(accountId, document.id))?.equals(paid)).toBe(true);
  });
});

describe('the background PDF pass', () => {
  it('renders the seeded history, then each change’s documents as they are issued', async () => {
    system.pendingPdfs.start(60_000);
    try {
      await until(async () => (await system.store.documents.withoutPdf(1)).length === 0);
      const maria = await system.signIn('maria@northwind.example');
      const { accountId, document: seeded } = await firstDocument(maria);
      expect((await stored(accountId, seeded.id))?.equals(await renderDocumentPdf(seeded))).toBe(true);

      const confirmed = await confirmChange(maria, { planId: 'business', interval: MONTHLY, quantity: 12, addOns: [] });
      const issued = [confirmed.documents.invoice, confirmed.documents.creditNote].filter(Boolean);
      expect(issued.length).toBeGreaterThan(0);
      for (const { id } of issued) {
        // The kick renders it now; the 60-second timer would be too late for this wait.
        await until(async () => (await stored(accountId, id)) !== null, 30_000);
        const pdf = await stored(accountId, id);
        expect(pdf?.equals(await download(maria, id))).toBe(true);
      }
    } finally {
      await system.pendingPdfs.stop();
    }
  }, 120_000);
});
