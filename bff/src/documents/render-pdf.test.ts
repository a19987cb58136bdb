import { createRequire } from 'node:module';
import type { Locale } from '@planshift/shared/account';
import { type CurrencyCode, formatMoney } from '@planshift/shared/money';
import { shareText } from '@planshift/shared/quote';
import { describe, expect, it } from 'vitest';
import type { DocumentRecord, IssuedLine } from '../store/records';
import { normalise, pdfText } from '../testing/pdf-text';
import { DOCUMENT_LABELS } from './document-labels';
import { DOCUMENT_FONT_FILES, renderDocumentPdf } from './render-pdf';

const NOV_1 = Date.UTC(2026, 10, 1) / 1000;
const DEC_1 = Date.UTC(2026, 11, 1) / 1000;
const NOV_13 = Date.UTC(2026, 10, 13) / 1000;

type LineInput = Readonly<{
  kind?: IssuedLine['kind'];
  type?: 'plan' | 'add_on';
  itemName: string;
  quantity: number;
  unitAmount: number;
  amount: number;
  fraction?: IssuedLine['fraction'];
  capped?: boolean;
}>;

function line(currency: CurrencyCode, input: LineInput): IssuedLine {
  const fraction = input.fraction ?? { numerator: 18, denominator: 30, unit: 'day' };
  return {
    kind: input.kind ?? 'charge_remaining_time',
    item: { type: input.type ?? 'plan', id: input.itemName.toLowerCase(), priceId: `${input.itemName}-monthly` },
    itemName: input.itemName,
    quantity: input.quantity,
    unitAmount: { amount: input.unitAmount, currency },
    covers: { start: NOV_13, end: DEC_1 },
    billingPeriod: { start: NOV_1, end: DEC_1 },
    fraction,
    amount: { amount: input.amount, currency },
    capped: input.capped ?? false,
  };
}

function invoice(
  locale: Locale,
  currency: CurrencyCode,
  lines: readonly IssuedLine[],
  settled: Partial<DocumentRecord> = {},
): DocumentRecord {
  const total = lines.reduce((sum, l) => sum + l.amount.amount, 0);
  return {
    id: `doc-${locale}-${currency}`,
    kind: 'invoice',
    reason: 'change',
    number: `INV-2026-0000${lines.length}${locale.length}`,
    currency,
    total,
    creditNoteApplied: 0,
    creditBalanceApplied: 0,
    forfeited: 0,
    amountDue: total,
    amountPaid: total,
    paidAt: NOV_13 + 3600,
    relatedDocumentId: null,
    issuedAt: NOV_13 + 3600,
    locale,
    seller: {
      name: 'Planshift Ltd',
      address: '1 Harbour Street, Dublin D02 X285',
      country: 'IE',
      vatId: 'IE1234567T',
      email: 'billing@planshift.example',
    },
    customer: {
      name: 'Acme Customer',
      email: 'accounts@acme.example',
      address: { line1: '12 Main Road', city: 'Springfield', postalCode: '12345', country: 'IE' },
    },
    lines,
    ...settled,
  };
}

const greek = invoice(
  'el',
  'EUR',
  [
    line('EUR', { itemName: 'Business', quantity: 12, unitAmount: 2199, amount: 15833 }),
    line('EUR', { itemName: 'Priority Support', type: 'add_on', quantity: 1, unitAmount: 4900, amount: 2940 }),
  ],
  { number: 'INV-2026-000012', creditNoteApplied: 5000, amountDue: 13773, amountPaid: 13773 },
);

const swedish = invoice(
  'sv',
  'SEK',
  [
    line('SEK', {
      kind: 'renewal',
      itemName: 'Pro',
      quantity: 10,
      unitAmount: 149900,
      amount: 1499000,
      fraction: { numerator: 1, denominator: 1, unit: 'day' },
    }),
  ],
  { number: 'INV-2026-000013', reason: 'renewal', amountPaid: 0, paidAt: null },
);

const romanianCreditNote: DocumentRecord = {
  ...invoice('ro', 'RON', [
    line('RON', {
      kind: 'credit_unused_time',
      itemName: 'Echipă',
      quantity: 5,
      unitAmount: 12000,
      amount: 24000,
      fraction: { numerator: 1_555_200, denominator: 2_592_000, unit: 'second' },
      capped: true,
    }),
  ]),
  kind: 'credit_note',
  number: 'CN-2026-000004',
  creditNoteApplied: 20000,
  creditBalanceApplied: 3000,
  forfeited: 1000,
  amountDue: 0,
  amountPaid: 0,
  paidAt: null,
  relatedDocumentId: 'doc-invoice-42',
  customer: {
    name: 'Soluții Digitale SRL',
    email: 'facturi@solutii.example',
    address: { line1: 'Strada Lăpușneanu 10', city: 'Iași', postalCode: '700057', country: 'RO' },
  },
};

const yen = invoice('en', 'JPY', [
  line('JPY', { itemName: 'Starter', quantity: 3, unitAmount: 1200, amount: 2160 }),
  line('JPY', { itemName: 'Extra Storage', type: 'add_on', quantity: 2, unitAmount: 500, amount: 600 }),
]);

const dinar = invoice(
  'en',
  'KWD',
  [
    line('KWD', {
      kind: 'charge_full_period',
      itemName: 'Enterprise',
      quantity: 1,
      unitAmount: 12345,
      amount: 12345,
      fraction: { numerator: 30, denominator: 30, unit: 'day' },
    }),
  ],
  { amountPaid: 0, paidAt: null },
);

function total(document: DocumentRecord): string {
  return normalise(formatMoney({ amount: document.total, currency: document.currency }, document.locale));
}

describe('renderDocumentPdf', () => {
  const cases = [
    ['a Greek EUR invoice', greek],
    ['a Swedish SEK invoice', swedish],
    ['a Romanian RON credit note', romanianCreditNote],
    ['an English JPY invoice', yen],
    ['an English KWD invoice', dinar],
  ] as const;

  it.each(cases)('prints %s with its number, total and every line', async (_, document) => {
    const buffer = await renderDocumentPdf(document);
    expect(buffer.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(buffer);
    const labels = DOCUMENT_LABELS[document.locale];
    expect(text).toContain(document.kind === 'invoice' ? labels.invoice : labels.creditNote);
    expect(text).toContain(document.number);
    expect(text).toContain(total(document));
    expect(text).toContain(document.currency);
    for (const issued of document.lines) expect(text).toContain(issued.itemName);
  });

  it.each(cases)('embeds DejaVu Sans and never Helvetica in %s', async (_, document) => {
    const raw = (await renderDocumentPdf(document)).toString('latin1');
    expect(raw).toContain('DejaVuSans');
    expect(raw).not.toContain('Helvetica');
  });

  it.each(Object.keys(DOCUMENT_LABELS) as Locale[])('titles the document in %s', async (locale) => {
    const text = await pdfText(await renderDocumentPdf({ ...yen, locale }));
    const labels = DOCUMENT_LABELS[locale];
    expect(text).toContain(`${labels.invoice} ${yen.number}`);
    expect(text).toContain(normalise(formatMoney({ amount: yen.total, currency: 'JPY' }, locale)));
  });

  it('writes French labelled values with a space before the colon', async () => {
    const text = await pdfText(await renderDocumentPdf({ ...yen, locale: 'fr' }));
    expect(text).toContain('Devise : JPY');
  });

  it.each(cases)('renders %s to the same bytes every time', async (_, document) => {
    const first = await renderDocumentPdf(document);
    const second = await renderDocumentPdf(document);
    expect(first.equals(second)).toBe(true);
  });

  it('prints Greek words and euro amounts as Greek readers write them', async () => {
    const text = await pdfText(await renderDocumentPdf(greek));
    expect(text).toContain('Τιμολόγιο');
    expect(text).toContain('Σύνολο');
    expect(text).toContain('187,73 €');
    expect(text).toContain('21,99 € × 12 θέσεις × 18/30 ημέρες');
    // The seller's country, like the customer's, in the document's language.
    expect(text).toContain('Ιρλανδία');
    expect(text).toContain('-50,00 €');
  });

  it('prints Swedish kronor with a comma decimal and the balance left to pay', async () => {
    const text = await pdfText(await renderDocumentPdf(swedish));
    expect(text).toContain('Faktura');
    expect(text).toContain('14 990,00 kr');
    expect(text).toContain('Kvar att betala');
    expect(text).not.toContain('Betald');
  });

  it('prints a Romanian credit note with ș and ț and what became of the credit', async () => {
    const text = await pdfText(await renderDocumentPdf(romanianCreditNote));
    const printed = [
      'Notă de credit',
      'Preț unitar',
      'Iași',
      'Soluții Digitale SRL',
      'Timp neutilizat pentru Echipă',
      // 1,555,200 of 2,592,000 seconds is whole days: printed as days, not as a rounded 60 %.
      '120,00 RON × 5 locuri × 18/30 de zile',
      // A credit note's lines, total and parts are credits: negative, the parts adding up to the total.
      '-240,00 RON',
      'Total -240,00 RON',
      'Aplicat facturii -200,00 RON',
      'Adăugat la soldul de credit -30,00 RON',
      'Pierdut -10,00 RON',
      'doc-invoice-42',
    ];
    for (const words of printed) expect(text).toContain(words);
  });

  it('prints the related document number when the caller has it', async () => {
    const text = await pdfText(
      await renderDocumentPdf(romanianCreditNote, { relatedDocumentNumber: 'INV-2026-000042' }),
    );
    expect(text).toContain('Factura asociată: INV-2026-000042');
  });

  it('prints yen without decimals and dinars with three', async () => {
    expect(await pdfText(await renderDocumentPdf(yen))).toContain('¥2,760');
    const dinarText = await pdfText(await renderDocumentPdf(dinar));
    expect(dinarText).toContain('KWD 12.345');
    expect(dinarText).toContain('Balance remaining KWD 12.345');
  });
});

describe('document font', () => {
  type Font = { hasGlyphForCodePoint(codePoint: number): boolean };
  const fontkit = createRequire(import.meta.url)('fontkit') as { openSync(path: string): Font };
  const fonts = Object.values(DOCUMENT_FONT_FILES).map((file) => fontkit.openSync(file));

  function missing(text: string): string[] {
    return [...new Set(text)].filter((ch) => fonts.some((font) => !font.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0)));
  }

  it('has a glyph for every character of every label', () => {
    const text = Object.values(DOCUMENT_LABELS)
      .flatMap((labels) => Object.values(labels))
      .map((value) => (typeof value === 'string' ? value : Object.values(value).join(' ')))
      .join(' ');
    expect(missing(text)).toEqual([]);
  });

  it('has a glyph for the spaces, minus and separators Intl prints', () => {
    const samples = (Object.keys(DOCUMENT_LABELS) as Locale[]).flatMap((locale) => [
      formatMoney({ amount: -123456789, currency: 'EUR' }, locale),
      formatMoney({ amount: -123456789, currency: 'SEK' }, locale),
      formatMoney({ amount: -123456789, currency: 'JPY' }, locale),
      new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' }).format(new Date(NOV_1 * 1000)),
      shareText({ numerator: 1_553_412, denominator: 2_592_000, unit: 'second' }, locale) ?? '',
      shareText({ numerator: 18, denominator: 30, unit: 'day' }, locale) ?? '',
      new Intl.DisplayNames(locale, { type: 'region' }).of('GR') ?? '',
    ]);
    expect(missing(`${samples.join(' ')} – × · \u00a0\u202f\u2212`)).toEqual([]);
  });
});
