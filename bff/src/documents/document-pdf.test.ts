import { formatMoney } from '@planshift/shared/money';
import { beforeEach, describe, expect, it } from 'vitest';
import { pdfText } from '../testing/pdf-text';
import { type Json, type TestSystem, useDemoSystem } from '../testing/test-system';

const demo = useDemoSystem();
let system: TestSystem;
beforeEach(() => {
  system = demo();
});

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
});
