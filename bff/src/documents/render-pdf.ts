import { createRequire } from 'node:module';
import type { Locale } from '@planshift/shared/account';
import { asCredit, shownAmount } from '@planshift/shared/documents';
import { formatMoney, money } from '@planshift/shared/money';
import type { Instant } from '@planshift/shared/periods';
import { lineArithmetic } from '@planshift/shared/quote';
import PDFDocument from 'pdfkit';
import type { DocumentRecord, IssuedLine } from '../store/records';
import { countryName } from './country-name';
import { customerLines } from './customer-block';
import { DOCUMENT_LABELS, type DocumentLabels, type PluralForms } from './document-labels';

const resolveFrom = createRequire(import.meta.url);

/**
 * DejaVu Sans, never pdfkit's built-in Helvetica, which has no Greek and no ș ț. It also has
 * the U+00A0, U+202F and U+2212 that Intl puts in amounts and dates, so no character is
 * replaced before drawing (render-pdf.test.ts checks every printed code point against it).
 * The package has no "exports" map, so its files resolve by path.
 */
export const DOCUMENT_FONT_FILES = {
  regular: resolveFrom.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: resolveFrom.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
} as const;

/**
 * Fonts are selected by file path, not by a registerFont alias: pdfkit 0.20 does not cache an
 * alias whose font is already loaded under another key (here the default font's path), so every
 * switch to it would re-read and re-parse the file (4× slower on a long invoice).
 */
const FONT = DOCUMENT_FONT_FILES;

export type RenderOptions = Readonly<{
  /** The related document's number, when the caller has it; otherwise its id is printed. */
  relatedDocumentNumber?: string;
}>;

const MARGIN = 50;
const FOOTER_HEIGHT = 30;
const MUTED = '#555555';
const TABLE = [
  { key: 'description', width: 166, align: 'left' },
  { key: 'period', width: 132, align: 'left' },
  { key: 'quantity', width: 42, align: 'right' },
  { key: 'unitPrice', width: 75, align: 'right' },
  { key: 'amount', width: 80, align: 'right' },
] as const;
/** Space kept clear between columns (on the side a cell's text is not aligned to). */
const CELL_PADDING = 6;
const CELL_GAP = 6;

type Cell = Readonly<{ bold?: string; text: string; note?: string }>;

type Context = Readonly<{
  doc: PDFKit.PDFDocument;
  document: DocumentRecord;
  labels: DocumentLabels;
  options: RenderOptions;
  /** An amount as it adds up on this document: a charge as it is. */
  money: (amount: number) => string;
  /** An amount of credit: negative, beside the charges (docs/decisions/014). */
  credit: (amount: number) => string;
  date: (instant: Instant) => string;
}>;

/** The issued document as an A4 PDF in its own language; the same document gives the same bytes. */
export function renderDocumentPdf(document: DocumentRecord, options: RenderOptions = {}): Promise<Buffer> {
  const labels: DocumentLabels = DOCUMENT_LABELS[document.locale];
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    // Passing the font here keeps Helvetica from ever being loaded as the default.
    font: FONT.regular,
    lang: document.locale,
    bufferPages: true,
    displayTitle: true,
    // A fixed creation date makes the file id, and so the bytes, depend on the document only.
    info: { Title: `${title(document, labels)} ${document.number}`, CreationDate: new Date(document.issuedAt * 1000) },
  });
  const bytes = collect(doc);
  const dates = new Intl.DateTimeFormat(document.locale, { timeZone: 'UTC', dateStyle: 'medium' });
  const ctx: Context = {
    doc,
    document,
    labels,
    options,
    money: (amount) => formatMoney(money(amount, document.currency), document.locale),
    credit: (amount) => formatMoney(asCredit(money(amount, document.currency)), document.locale),
    date: (instant) => dates.format(new Date(instant * 1000)),
  };
  drawHeading(ctx);
  drawParties(ctx);
  drawLines(ctx);
  drawTotals(ctx);
  drawFooters(ctx);
  doc.end();
  return bytes;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function title(document: DocumentRecord, labels: DocumentLabels): string {
  return document.kind === 'invoice' ? labels.invoice : labels.creditNote;
}

/** Fills `{name}` slots; a function replacer so that `$` in an item name is never a pattern. */
function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => values[name] ?? slot);
}

function field(labels: DocumentLabels, label: string, value: string): string {
  return fill(labels.field, { label, value });
}

function plural(locale: Locale, count: number, forms: PluralForms): string {
  const form = forms[new Intl.PluralRules(locale).select(count)] ?? forms.other;
  return form.replace('#', new Intl.NumberFormat(locale).format(count));
}

function contentWidth(doc: PDFKit.PDFDocument): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

/** The lowest y content may reach on a page, leaving room for the footer. */
function contentBottom(doc: PDFKit.PDFDocument): number {
  return doc.page.height - doc.page.margins.bottom - FOOTER_HEIGHT;
}

function drawHeading({ doc, document, labels, options, date }: Context): void {
  doc.font(FONT.bold).fontSize(22).fillColor('black').text(title(document, labels), MARGIN, MARGIN);
  doc.font(FONT.regular).fontSize(12).text(document.number);
  doc.moveDown(0.5).fontSize(9).fillColor(MUTED);
  const reason = document.reason === 'change' ? labels.reasonChange : labels.reasonRenewal;
  const related = options.relatedDocumentNumber ?? document.relatedDocumentId;
  const relatedLabel = document.kind === 'invoice' ? labels.relatedCreditNote : labels.relatedInvoice;
  const facts = [
    field(labels, labels.issued, date(document.issuedAt)),
    field(labels, labels.currency, document.currency),
    reason,
    ...(related ? [field(labels, relatedLabel, related)] : []),
  ];
  for (const fact of facts) doc.text(fact);
  doc.fillColor('black').moveDown(1.5);
}

function drawBlock(doc: PDFKit.PDFDocument, x: number, y: number, heading: string, rows: readonly string[]): number {
  const width = contentWidth(doc) / 2 - 10;
  doc.font(FONT.bold).fontSize(9).fillColor(MUTED).text(heading, x, y, { width });
  doc.fillColor('black');
  rows.forEach((row, index) => {
    doc
      .font(index === 0 ? FONT.bold : FONT.regular)
      .fontSize(10)
      .text(row, { width });
  });
  return doc.y;
}

function drawParties({ doc, document, labels }: Context): void {
  const top = doc.y;
  const { seller, customer } = document;
  const sellerBottom = drawBlock(doc, MARGIN, top, labels.seller, [
    seller.name,
    seller.address,
    ...(seller.country ? [countryName(document.locale, seller.country)] : []),
    field(labels, labels.vatId, seller.vatId),
    field(labels, labels.email, seller.email),
  ]);
  const customerBottom = drawBlock(
    doc,
    MARGIN + contentWidth(doc) / 2 + 10,
    top,
    labels.customer,
    customerLines(customer, document.locale, labels, (label, value) => field(labels, label, value)),
  );
  doc.x = MARGIN;
  doc.y = Math.max(sellerBottom, customerBottom) + 24;
}

/**
 * How a line's amount came about, as the quote on screen explained it: "€21.99 × 12 seats ×
 * 17d 23h 30m/30 days", the exact share the engine priced, so the amount can be recomputed.
 */
function formula(line: IssuedLine, locale: Locale, labels: DocumentLabels): string {
  const count = new Intl.NumberFormat(locale).format(line.quantity);
  const quantity =
    line.quantity === 1 ? null : line.item.type === 'plan' ? plural(locale, line.quantity, labels.seats) : count;
  return lineArithmetic(line, locale, quantity);
}

function describe(line: IssuedLine, ctx: Context): Cell {
  const { labels, document } = ctx;
  const heading =
    line.kind === 'credit_unused_time'
      ? fill(labels.unusedTimeOn, { item: line.itemName })
      : line.kind === 'charge_remaining_time'
        ? fill(labels.remainingTimeOn, { item: line.itemName })
        : line.itemName;
  return {
    bold: heading,
    text: formula(line, document.locale, labels),
    ...(line.capped ? { note: labels.capped } : {}),
  };
}

function lineCells(line: IssuedLine, ctx: Context): readonly Cell[] {
  const locale = ctx.document.locale;
  return [
    describe(line, ctx),
    { text: `${unbroken(ctx.date(line.covers.start))} – ${unbroken(ctx.date(line.covers.end))}` },
    { text: new Intl.NumberFormat(locale).format(line.quantity) },
    { text: formatMoney(line.unitAmount, locale) },
    { text: formatMoney(shownAmount(ctx.document.kind, line.amount), locale) },
  ];
}

/** A date never wraps inside itself, so a narrow column breaks a period at its dash. */
function unbroken(text: string): string {
  return text.replace(/ /g, '\u00a0');
}

function cellParts(cell: Cell): readonly Readonly<{ text: string; font: 'regular' | 'bold'; size: number }>[] {
  return [
    ...(cell.bold ? [{ text: cell.bold, font: 'bold' as const, size: 9 }] : []),
    ...(cell.text || !cell.bold ? [{ text: cell.text, font: 'regular' as const, size: 9 }] : []),
    ...(cell.note ? [{ text: cell.note, font: 'regular' as const, size: 7.5 }] : []),
  ];
}

function cellHeight(doc: PDFKit.PDFDocument, cell: Cell, width: number): number {
  return cellParts(cell).reduce((sum, part) => {
    return sum + doc.font(FONT[part.font]).fontSize(part.size).heightOfString(part.text, { width });
  }, 0);
}

/** Draws one table row at doc.y, first moving to a new page when it would not fit. */
function drawRow(ctx: Context, cells: readonly Cell[], header = false): void {
  const { doc } = ctx;
  const height = Math.max(
    ...TABLE.map((column, i) => cellHeight(doc, cells[i] ?? { text: '' }, column.width - CELL_PADDING)),
  );
  if (!header && doc.y + height > contentBottom(doc)) {
    doc.addPage();
    drawTableHeader(ctx);
  }
  const top = doc.y;
  let x = MARGIN;
  TABLE.forEach((column, i) => {
    doc.y = top;
    for (const part of cellParts(cells[i] ?? { text: '' })) {
      doc
        .font(FONT[part.font])
        .fontSize(part.size)
        .fillColor(part.size < 9 ? MUTED : 'black');
      const inset = column.align === 'right' ? CELL_PADDING : 0;
      doc.text(part.text, x + inset, doc.y, { width: column.width - CELL_PADDING, align: column.align });
    }
    x += column.width;
  });
  doc.x = MARGIN;
  doc.y = top + height + CELL_GAP;
  doc.fillColor('black');
}

function rule(doc: PDFKit.PDFDocument, y: number): void {
  doc
    .moveTo(MARGIN, y)
    .lineTo(MARGIN + contentWidth(doc), y)
    .lineWidth(0.5)
    .strokeColor('#999999')
    .stroke();
}

function drawTableHeader(ctx: Context): void {
  const { labels, doc } = ctx;
  const names = [labels.description, labels.period, labels.quantity, labels.unitPrice, labels.amount];
  drawRow(
    ctx,
    names.map((name) => ({ bold: name, text: '' })),
    true,
  );
  rule(doc, doc.y - CELL_GAP / 2);
  doc.y += CELL_GAP / 2;
}

function drawLines(ctx: Context): void {
  drawTableHeader(ctx);
  for (const line of ctx.document.lines) drawRow(ctx, lineCells(line, ctx));
  rule(ctx.doc, ctx.doc.y - CELL_GAP / 2);
  ctx.doc.y += CELL_GAP;
}

type TotalRow = Readonly<{ label: string; value: string; strong?: boolean }>;

function invoiceTotals(ctx: Context): readonly TotalRow[] {
  const { document: d, labels, money, credit } = ctx;
  const outstanding = d.amountDue - d.amountPaid;
  return [
    { label: labels.total, value: money(d.total), strong: true },
    // Credits that paid nothing of this invoice are left out rather than printed as zero.
    ...(d.creditNoteApplied !== 0 ? [{ label: labels.creditNoteApplied, value: credit(d.creditNoteApplied) }] : []),
    ...(d.creditBalanceApplied !== 0
      ? [{ label: labels.creditBalanceApplied, value: credit(d.creditBalanceApplied) }]
      : []),
    { label: labels.amountDue, value: money(d.amountDue), strong: true },
    { label: labels.amountPaid, value: money(d.amountPaid) },
    outstanding > 0
      ? { label: labels.balanceRemaining, value: money(outstanding), strong: true }
      : { label: labels.paid, value: d.paidAt === null ? '' : ctx.date(d.paidAt), strong: true },
  ];
}

/** A credit note's total and what became of it: every part a credit, so negative, adding up to the total. */
function creditNoteTotals({ document: d, labels, credit }: Context): readonly TotalRow[] {
  return [
    { label: labels.total, value: credit(d.total), strong: true },
    { label: labels.appliedToInvoice, value: credit(d.creditNoteApplied) },
    { label: labels.addedToCreditBalance, value: credit(d.creditBalanceApplied) },
    ...(d.forfeited !== 0 ? [{ label: labels.forfeited, value: credit(d.forfeited) }] : []),
  ];
}

function drawTotals(ctx: Context): void {
  const { doc } = ctx;
  const valueWidth = 100;
  const labelWidth = 200;
  const x = MARGIN + contentWidth(doc) - valueWidth - labelWidth;
  const rows = ctx.document.kind === 'invoice' ? invoiceTotals(ctx) : creditNoteTotals(ctx);
  for (const row of rows) {
    doc.font(row.strong ? FONT.bold : FONT.regular).fontSize(10);
    const height = Math.max(doc.heightOfString(row.label, { width: labelWidth }), doc.currentLineHeight());
    if (doc.y + height > contentBottom(doc)) doc.addPage();
    const top = doc.y;
    doc.text(row.label, x, top, { width: labelWidth });
    doc.text(row.value, x + labelWidth, top, { width: valueWidth, align: 'right' });
    doc.y = top + height + 4;
  }
}

/** The same footer on every page, drawn once all pages exist. */
function drawFooters({ doc, document, labels }: Context): void {
  const { start, count } = doc.bufferedPageRange();
  const text = `${fill(labels.footer, { email: document.seller.email })}  ·  ${document.seller.name}  ·  ${field(labels, labels.vatId, document.seller.vatId)}`;
  for (let page = start; page < start + count; page += 1) {
    doc.switchToPage(page);
    const width = contentWidth(doc);
    // Drawing below the bottom margin would make pdfkit start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(FONT.regular).fontSize(7.5).fillColor(MUTED);
    doc.text(text, MARGIN, doc.page.height - bottom - FOOTER_HEIGHT / 2, { width, align: 'center' });
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor('black');
}
