import type { Locale } from '@planshift/shared/account';
import { describe, expect, it } from 'vitest';
import type { Customer, DocumentRecord } from '../store/records';
import { pdfText } from '../testing/pdf-text';
import { customerLines } from './customer-block';
import { DOCUMENT_LABELS } from './document-labels';
import { renderDocumentPdf } from './render-pdf';

const field = (label: string, value: string) => `${label}: ${value}`;
const lines = (customer: Customer, locale: Locale = 'en') =>
  customerLines(customer, locale, DOCUMENT_LABELS[locale], field);

const lumiere: Customer = {
  name: 'Lumière Conseil SAS',
  email: 'compta@lumiere.example',
  address: {
    line1: '18 rue de Rivoli',
    line2: 'Bâtiment B',
    city: 'Paris',
    postalCode: '75004',
    region: 'Île-de-France',
    country: 'FR',
  },
  taxId: 'FR40303265045',
};

describe('the Billed to block', () => {
  it('prints every part of the billing details, the country in the document’s language', () => {
    expect(lines(lumiere, 'fr')).toEqual([
      'Lumière Conseil SAS',
      '18 rue de Rivoli',
      'Bâtiment B',
      '75004 Paris',
      'Île-de-France',
      'France',
      'N° de TVA: FR40303265045',
      'E-mail: compta@lumiere.example',
    ]);
    expect(lines(lumiere, 'el')).toContain('Γαλλία');
  });

  it('calls a tax ID outside the EU a tax ID, not a VAT number', () => {
    const us: Customer = {
      name: 'Northwind Traders Inc.',
      email: 'ap@northwind.example',
      address: {
        line1: '500 Pine Street',
        line2: '',
        city: 'Seattle',
        postalCode: '98101',
        region: 'WA',
        country: 'US',
      },
      taxId: '12-3456789',
    };
    expect(lines(us)).toContain('Tax ID: 12-3456789');
    expect(lines(us)).toContain('WA');
  });

  it('leaves out what a document issued before billing details were editable does not have', () => {
    const before: Customer = {
      name: 'Helios Bakery',
      email: 'eleni@helios.example',
      address: { line1: 'Ermou 42', city: 'Athens', postalCode: '105 63', country: 'GR' },
    };
    expect(lines(before)).toEqual([
      'Helios Bakery',
      'Ermou 42',
      '105 63 Athens',
      'Greece',
      'Email: eleni@helios.example',
    ]);
    // An address without a postal code prints the city alone.
    expect(lines({ ...before, address: { ...before.address, postalCode: '' } })).toContain('Athens');
  });

  it('is what the PDF prints', async () => {
    const document: DocumentRecord = {
      id: 'doc-1',
      kind: 'invoice',
      reason: 'renewal',
      number: 'INV-2026-000001',
      currency: 'EUR',
      total: 0,
      creditNoteApplied: 0,
      creditBalanceApplied: 0,
      forfeited: 0,
      amountDue: 0,
      amountPaid: 0,
      paidAt: null,
      relatedDocumentId: null,
      issuedAt: Date.UTC(2026, 10, 15) / 1000,
      locale: 'fr',
      seller: { name: 'Planshift Ltd', address: 'Dublin', vatId: 'IE1234567T', email: 'billing@planshift.example' },
      customer: lumiere,
      lines: [],
    };
    const text = await pdfText(await renderDocumentPdf(document));
    expect(text).toContain('Lumière Conseil SAS');
    expect(text).toContain('Bâtiment B');
    expect(text).toContain('Île-de-France');
    expect(text).toContain('N° de TVA : FR40303265045');
    expect(text).toContain('E-mail : compta@lumiere.example');
  });
});
