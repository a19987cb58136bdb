import { beforeEach, describe, expect, it } from 'vitest';
import { confirmed, quote } from '../testing/chaos/race-steps';
import { checkInvariants } from '../testing/invariants';
import { pdfText } from '../testing/pdf-text';
import { type Client, type Json, type TestSystem, useDemoSystem } from '../testing/test-system';

const demo = useDemoSystem();
let system: TestSystem;
beforeEach(() => {
  system = demo();
});

const MONTHLY = { unit: 'month', count: 1 };
/** Moves with any write, even one undone. */
const writes = () => system.sql.writeMark();

const NEW_DETAILS = {
  name: 'Northwind Traders Europe B.V.',
  address: {
    line1: 'Keizersgracht 123',
    line2: '4th floor',
    city: 'Amsterdam',
    postalCode: '1015 CJ',
    region: 'Noord-Holland',
    country: 'NL',
  },
  taxId: 'nl 1234.56789.B01',
  email: 'invoices@northwind-europe.example',
};

/** Northwind's address as seeded: no line 2, no region. */
const SEEDED_ADDRESS = {
  line1: '500 Pine Street',
  line2: '',
  city: 'Seattle',
  postalCode: '98101',
  region: '',
  country: 'US',
};

/** Maria's upgrade to Business × 12, confirmed: an invoice and a credit note. */
const upgrade = async (client: Client): Promise<Json> =>
  confirmed(client, await quote(client, { planId: 'business', interval: MONTHLY, quantity: 12, addOns: [] }));

async function pdf(client: Client, documentId: string): Promise<string> {
  const response = await client.request('GET', `/api/documents/${documentId}/pdf`);
  expect(response.status).toBe(200);
  return pdfText(Buffer.from(await response.arrayBuffer()));
}

describe('GET /api/billing-details', () => {
  it('shows what new documents carry: the account’s name, address and billing e-mail, no tax ID yet', async () => {
    const maria = await system.signIn('maria@northwind.example');
    expect(await maria.json('GET', '/api/billing-details')).toEqual({
      status: 200,
      body: {
        billingDetails: {
          name: 'Northwind Traders',
          address: SEEDED_ADDRESS,
          taxId: null,
          email: 'accounts@northwind.example',
        },
        canEdit: true,
      },
    });
  });

  it('reads an address stored before billing details were editable, without line 2 or region', async () => {
    await system.sql.run(
      `update accounts set billing_address = ? where id = 'northwind-meetings'`,
      JSON.stringify({ line1: '500 Pine Street', city: 'Seattle', postalCode: '98101', country: 'US' }),
    );
    const maria = await system.signIn('maria@northwind.example');
    const { body } = await maria.json<Json>('GET', '/api/billing-details');
    expect(body.billingDetails.address).toEqual(SEEDED_ADDRESS);
  });

  it('shows them to a member, who may not change them', async () => {
    const tom = await system.signIn('tom@northwind.example');
    const { body } = await tom.json<Json>('GET', '/api/billing-details');
    expect(body.canEdit).toBe(false);
    expect(body.billingDetails.name).toBe('Northwind Traders');
  });
});

describe('PUT /api/billing-details', () => {
  it('saves the details, the VAT number compact and prefixed, and audits who changed what', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const saved = await maria.json<Json>('PUT', '/api/billing-details', NEW_DETAILS);
    const expected = { ...NEW_DETAILS, taxId: 'NL123456789B01' };
    expect(saved).toEqual({ status: 200, body: { billingDetails: expected, canEdit: true } });
    expect((await maria.json<Json>('GET', '/api/billing-details')).body.billingDetails).toEqual(expected);
    const audit = await system.sql.one<{ user_id: string; data: string }>(
      `select user_id, data from audit_events where action = 'account.billing_details_changed'`,
    );
    expect(audit?.user_id).toBe('u-maria');
    expect(JSON.parse(String(audit?.data))).toMatchObject({ before: { name: 'Northwind Traders' }, after: expected });
    // An empty tax ID removes it.
    const cleared = await maria.json<Json>('PUT', '/api/billing-details', { ...NEW_DETAILS, taxId: '  ' });
    expect(cleared.body.billingDetails.taxId).toBeNull();
  });

  it('answers every field at fault with its code, and changes nothing', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const before = await writes();
    const bad = await maria.json<Json>('PUT', '/api/billing-details', {
      ...NEW_DETAILS,
      name: '   ',
      email: 'not-an-address',
      address: { ...NEW_DETAILS.address, city: '' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.details.issues.map((i: Json) => [i.field, i.code])).toEqual([
      ['name', 'too_small'],
      ['address.city', 'too_small'],
      ['email', 'invalid_format'],
    ]);
    const country = await maria.json<Json>('PUT', '/api/billing-details', {
      ...NEW_DETAILS,
      address: { ...NEW_DETAILS.address, country: 'XX' },
    });
    expect(country).toMatchObject({ status: 400, body: { code: 'invalid_value', field: 'address.country' } });
    const lowerCase = await maria.json<Json>('PUT', '/api/billing-details', {
      ...NEW_DETAILS,
      address: { ...NEW_DETAILS.address, country: 'nl' },
    });
    expect(lowerCase).toMatchObject({ status: 400, body: { field: 'address.country' } });
    const missing = await maria.json<Json>('PUT', '/api/billing-details', { ...NEW_DETAILS, taxId: undefined });
    expect(missing).toMatchObject({ status: 400, body: { code: 'invalid_type', field: 'taxId' } });
    const extra = await maria.json<Json>('PUT', '/api/billing-details', { ...NEW_DETAILS, vat: 'x' });
    expect(extra).toMatchObject({ status: 400, body: { code: 'unknown_field', field: 'vat' } });
    expect(await writes()).toBe(before);
  });

  it('refuses a VAT number that does not fit the country, with the format to follow', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const before = await writes();
    for (const [country, taxId, example] of [
      ['FR', 'FR1234', 'FR40303265045'],
      ['GR', 'GR123456789', 'EL123456789'],
      ['SE', 'SE123456789012', 'SE123456789001'],
      ['IT', 'IT123', 'IT12345678901'],
      ['RO', 'RO0123', 'RO1234567'],
    ] as const) {
      const refused = await maria.json<Json>('PUT', '/api/billing-details', {
        ...NEW_DETAILS,
        address: { ...NEW_DETAILS.address, country },
        taxId,
      });
      expect(refused, `${country} ${taxId}`).toMatchObject({
        status: 400,
        body: { code: 'tax_id_invalid', field: 'taxId' },
      });
      expect(refused.body.details.issues[0].message).toContain(example);
    }
    // The same number is fine for its own country.
    const greek = await maria.json<Json>('PUT', '/api/billing-details', {
      ...NEW_DETAILS,
      address: { ...NEW_DETAILS.address, country: 'GR' },
      taxId: '123456789',
    });
    expect(greek.body.billingDetails.taxId).toBe('EL123456789');
    expect(await writes()).not.toBe(before);
  });

  it('is refused to a member without billing permission, and changes nothing', async () => {
    const tom = await system.signIn('tom@northwind.example');
    const before = await writes();
    expect(await tom.json('PUT', '/api/billing-details', NEW_DETAILS)).toMatchObject({
      status: 403,
      body: { code: 'no_billing_permission' },
    });
    expect(await writes()).toBe(before);
  });

  it('changes only the signed-in account', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const james = await system.signIn('james@oakridge.example');
    const jamesBefore = (await james.json<Json>('GET', '/api/billing-details')).body;
    await maria.json('PUT', '/api/billing-details', NEW_DETAILS);
    expect((await james.json<Json>('GET', '/api/billing-details')).body).toEqual(jamesBefore);
  });
});

describe('documents and billing details', () => {
  it('new documents carry the new details and go to the new e-mail; issued ones keep theirs', async () => {
    const maria = await system.signIn('maria@northwind.example');
    const [old] = (await maria.json<Json>('GET', '/api/documents')).body.documents;
    const oldPdf = await pdf(maria, old.id);
    expect(oldPdf).toContain('Northwind Traders');
    expect(oldPdf).toContain('accounts@northwind.example');

    await maria.json('PUT', '/api/billing-details', NEW_DETAILS);
    const confirmation = await upgrade(maria);
    const invoice = (await maria.json<Json>('GET', `/api/documents/${confirmation.documents.invoice.id}`)).body;
    const creditNote = (await maria.json<Json>('GET', `/api/documents/${confirmation.documents.creditNote.id}`)).body;
    for (const document of [invoice, creditNote]) {
      expect(document.customer).toEqual({ ...NEW_DETAILS, taxId: 'NL123456789B01' });
    }
    const newPdf = await pdf(maria, invoice.id);
    for (const text of [
      'Northwind Traders Europe B.V.',
      'Keizersgracht 123',
      '4th floor',
      '1015 CJ Amsterdam',
      'Noord-Holland',
      'Netherlands',
      'VAT ID: NL123456789B01',
      'Email: invoices@northwind-europe.example',
    ]) {
      expect(newPdf).toContain(text);
    }

    // The invoice issued before still says what it said, in its record and its PDF.
    expect((await maria.json<Json>('GET', `/api/documents/${old.id}`)).body.customer).toEqual({
      name: 'Northwind Traders',
      email: 'accounts@northwind.example',
      address: SEEDED_ADDRESS,
      taxId: null,
    });
    const oldAgain = await pdf(maria, old.id);
    expect(oldAgain).toBe(oldPdf);
    expect(oldAgain).not.toContain('Europe B.V.');
    expect(oldAgain).not.toContain('NL123456789B01');

    const queued = await system.sql.all(`select recipient from outbox where kind = 'change_confirmed'`);
    expect(queued).toEqual([{ recipient: 'invoices@northwind-europe.example' }]);
    expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
  });

  it('a renewal at the period end carries the details as they are then', async () => {
    const maria = await system.signIn('maria@northwind.example');
    await maria.json('PUT', '/api/billing-details', NEW_DETAILS);
    const advanced = await system.anonymous.json('POST', '/api/test/clock/advance', { days: 31 });
    expect(advanced.status).toBe(200);
    const [renewal] = (await maria.json<Json>('GET', '/api/documents')).body.documents;
    expect(renewal.reason).toBe('renewal');
    const document = (await maria.json<Json>('GET', `/api/documents/${renewal.id}`)).body;
    expect(document.customer.name).toBe('Northwind Traders Europe B.V.');
    expect(document.customer.taxId).toBe('NL123456789B01');
    const queued = await system.sql.all(`select recipient from outbox where kind = 'renewal_invoiced'`);
    expect(queued).toContainEqual({ recipient: 'invoices@northwind-europe.example' });
  });

  it('changed while a confirm is charging the card, the change’s documents carry the details as they are when issued', async () => {
    system.payments.setDelay(300);
    const maria = await system.signIn('maria@northwind.example');
    const confirming = upgrade(maria);
    const pending = () => system.sql.count(`select count(*) from orders where status = 'pending'`);
    while ((await pending()) === 0) await new Promise((resolve) => setImmediate(resolve));
    // Not a writer of the subscription: the details change at once, without waiting for the order.
    expect((await maria.json('PUT', '/api/billing-details', NEW_DETAILS)).status).toBe(200);
    expect(await pending()).toBe(1);
    const confirmation = await confirming;
    system.payments.setDelay(0);
    for (const id of [confirmation.documents.invoice.id, confirmation.documents.creditNote.id]) {
      const document = (await maria.json<Json>('GET', `/api/documents/${id}`)).body;
      expect(document.customer).toEqual({ ...NEW_DETAILS, taxId: 'NL123456789B01' });
    }
    expect(await checkInvariants(system.sql, system.payments)).toEqual([]);
  });
});
