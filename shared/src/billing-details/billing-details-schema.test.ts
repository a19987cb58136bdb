import { describe, expect, it } from 'vitest';
import { billingDetailsInputSchema, toBillingDetails } from './billing-details-schema';

const valid = {
  name: ' Lumière Conseil SAS ',
  address: { line1: '18 rue de Rivoli', line2: '', city: 'Paris', postalCode: '75004', region: '', country: 'FR' },
  taxId: 'fr 40 303 265 045',
  email: 'compta@lumiere.example',
};

describe('billingDetailsInputSchema', () => {
  it('takes the details as typed, and keeps the VAT number compact and prefixed', () => {
    const parsed = billingDetailsInputSchema.parse(valid);
    expect(parsed.name).toBe('Lumière Conseil SAS');
    expect(toBillingDetails(parsed)).toEqual({ ...valid, name: 'Lumière Conseil SAS', taxId: 'FR40303265045' });
    expect(toBillingDetails(billingDetailsInputSchema.parse({ ...valid, taxId: null })).taxId).toBeNull();
    expect(toBillingDetails(billingDetailsInputSchema.parse({ ...valid, taxId: '' })).taxId).toBeNull();
  });

  it('names the API’s code for a VAT number that does not fit, beside every other field at fault', () => {
    const result = billingDetailsInputSchema.safeParse({ ...valid, name: '', taxId: 'FR123' });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['name', 'too_small'],
      ['taxId', 'custom'],
    ]);
    const taxIssue = result.error?.issues[1];
    expect(taxIssue?.code === 'custom' && taxIssue.params).toEqual({
      code: 'tax_id_invalid',
      example: 'FR40303265045',
    });
  });

  it('checks the VAT number only against a valid country', () => {
    const result = billingDetailsInputSchema.safeParse({ ...valid, address: { ...valid.address, country: 'France' } });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['address.country']);
    expect(billingDetailsInputSchema.safeParse(null).success).toBe(false);
  });
});
