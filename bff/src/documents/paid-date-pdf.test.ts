import { describe, expect, it } from 'vitest';
import { invoiceFixture, NOV_13 } from '../email/email-test-fixtures';
import { pdfText } from '../testing/pdf-text';
import { renderDocumentPdf } from './render-pdf';

describe('an invoice’s PDF once it is paid', () => {
  it('prints the day it was paid beside Paid, in the document’s language', async () => {
    const english = await pdfText(await renderDocumentPdf(invoiceFixture({ locale: 'en', paidAt: NOV_13 })));
    expect(english).toContain('Paid Nov 13, 2026');
    const greek = await pdfText(await renderDocumentPdf(invoiceFixture({ paidAt: NOV_13 })));
    expect(greek).toContain('Εξοφλήθηκε 13 Νοε 2026');
  });

  it('prints the balance left while it is not', async () => {
    const unpaid = await pdfText(
      await renderDocumentPdf(invoiceFixture({ locale: 'en', amountPaid: 0, paidAt: null })),
    );
    expect(unpaid).toContain('Balance remaining');
    expect(unpaid).not.toContain('Paid Nov');
  });
});
