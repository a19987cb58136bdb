import { LOCALES, type Locale } from '@planshift/shared/account';
import { asCredit, shownAmount } from '@planshift/shared/documents';
import { type CurrencyCode, formatMoney, money } from '@planshift/shared/money';
import type { Instant } from '@planshift/shared/periods';
import { changeDescriptorSchema } from '@planshift/shared/quote';
import { z } from 'zod';
import { DOCUMENT_LABELS } from '../documents/document-labels';
import type { ConfirmedChangeSummary, DocumentRecord } from '../store/records';
import {
  CANCELLATION_PAYLOADS,
  cancellationResumed,
  cancellationScheduled,
  subscriptionEnded,
} from './cancellation-emails';
import { changeLines, namesFrom, namesIn } from './change-lines';
import { type EmailBlock, type EmailLayout, renderHtml, renderText } from './email-layout';
import { EMAIL_STRINGS } from './email-strings';
import { type MailAttachment, type MailContent, type OutboxMessage, UndeliverableMailError } from './outbox-dispatcher';
import { RECEIPT_STRINGS, receiptCard } from './receipt-strings';
import { composeSalesEmail } from './sales-emails';

/** A confirmed change as the e-mails describe it. */
export type ChangeSummary = ConfirmedChangeSummary;

export type ComposeDeps = Readonly<{
  findDocument: (accountId: string, documentId: string) => Promise<DocumentRecord | null>;
  findChange: (accountId: string, changeId: string) => Promise<ChangeSummary | null>;
  /** The document's PDF, as the portal's download serves it. */
  documentPdf: (accountId: string, document: DocumentRecord) => Promise<Buffer>;
  /** The name of the person an address belongs to in the account, if any: whom the e-mail greets. */
  addresseeName: (accountId: string, email: string) => Promise<string | null>;
}>;

const locale = z.enum(LOCALES);
const PAYLOADS = {
  change_confirmed: z.object({
    changeId: z.string(),
    invoiceId: z.string().nullable(),
    creditNoteId: z.string().nullable(),
    locale,
  }),
  renewal_invoiced: z.object({
    invoiceId: z.string(),
    locale,
    /** The scheduled change the renewal applied, with its items' names in the e-mail's language. */
    appliedChange: z
      .object({ changes: z.array(changeDescriptorSchema), itemNames: z.record(z.string(), z.string()) })
      .nullable()
      .default(null),
  }),
  renewal_failed: z.object({ invoiceId: z.string(), locale, nextAttemptAt: z.number().int().nullable() }),
  provisioning_completed: z.object({ changeId: z.string(), locale }),
  change_refunded: z.object({ orderId: z.string(), amount: z.int().positive(), currency: z.string(), locale }),
  ...CANCELLATION_PAYLOADS,
  payment_receipt: z.object({
    invoiceId: z.string(),
    amount: z.int().positive(),
    currency: z.string(),
    card: z.object({ brand: z.string(), last4: z.string() }).nullable(),
    locale,
  }),
};
type Kind = keyof typeof PAYLOADS;
type Payload<K extends Kind> = z.output<(typeof PAYLOADS)[K]>;

/** The e-mail an outbox message stands for, in the account's language, with its documents as PDFs. */
export async function composeEmail(message: OutboxMessage, deps: ComposeDeps): Promise<MailContent> {
  switch (message.kind) {
    case 'change_confirmed':
      return changeConfirmed(message, payload(message, 'change_confirmed'), deps);
    case 'renewal_invoiced':
      return renewalInvoiced(message, payload(message, 'renewal_invoiced'), deps);
    case 'renewal_failed':
      return renewalFailed(message, payload(message, 'renewal_failed'), deps);
    case 'provisioning_completed':
      return provisioningCompleted(message, payload(message, 'provisioning_completed'), deps);
    case 'change_refunded':
      return changeRefunded(message, payload(message, 'change_refunded'), deps);
    case 'cancellation_scheduled':
      return mail(message, cancellationScheduled(payload(message, 'cancellation_scheduled')), [], deps);
    case 'cancellation_resumed':
      return mail(message, cancellationResumed(payload(message, 'cancellation_resumed')), [], deps);
    case 'subscription_ended':
      return mail(message, subscriptionEnded(payload(message, 'subscription_ended')), [], deps);
    case 'sales_request':
    case 'sales_request_received':
      return composeSalesEmail({ ...message, kind: message.kind });
    case 'payment_receipt':
      return paymentReceipt(message, payload(message, 'payment_receipt'), deps);
    default:
      throw new UndeliverableMailError(`no e-mail for outbox kind "${message.kind}"`);
  }
}

function payload<K extends Kind>(message: OutboxMessage, kind: K): Payload<K> {
  const parsed = PAYLOADS[kind].safeParse(message.payload);
  if (!parsed.success) throw new UndeliverableMailError(`malformed ${kind} payload: ${parsed.error.message}`);
  return parsed.data as Payload<K>;
}

async function changeConfirmed(message: OutboxMessage, p: Payload<'change_confirmed'>, deps: ComposeDeps) {
  const words = EMAIL_STRINGS[p.locale].changeConfirmed;
  const [change, invoice, creditNote] = await Promise.all([
    deps.findChange(message.accountId, p.changeId),
    p.invoiceId ? document(message, p.invoiceId, deps) : null,
    p.creditNoteId ? document(message, p.creditNoteId, deps) : null,
  ]);
  const f = formats(p.locale);
  const name = namesIn(change?.itemNames ?? {}, p.locale);
  const documents = [invoice, creditNote].filter((d): d is DocumentRecord => d !== null);
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: words.intro(f.date(change?.confirmedAt ?? message.createdAt)) },
  ];
  if (change?.appliedNow.length) {
    blocks.push({
      kind: 'list',
      heading: words.appliedNow,
      items: changeLines(change.appliedNow, p.locale, name),
    });
  }
  if (change?.scheduled?.changes.length) {
    const { effectiveAt, changes } = change.scheduled;
    blocks.push({
      kind: 'list',
      heading: words.scheduled(f.date(effectiveAt)),
      items: changeLines(changes, p.locale, name),
    });
  }
  if (change?.provisioning === 'pending') blocks.push({ kind: 'paragraph', text: words.provisioningPending });
  for (const d of documents) blocks.push({ kind: 'facts', rows: documentFacts(d, p.locale) });
  blocks.push({ kind: 'paragraph', text: documents.length ? words.documentsAttached : words.noDocuments });
  return mail(message, { locale: p.locale, subject: words.subject, blocks }, documents, deps);
}

async function renewalInvoiced(message: OutboxMessage, p: Payload<'renewal_invoiced'>, deps: ComposeDeps) {
  const words = EMAIL_STRINGS[p.locale].renewalInvoiced;
  const invoice = await document(message, p.invoiceId, deps);
  const f = formats(p.locale);
  const due =
    invoice.amountDue === 0 ? words.coveredByCredit : words.chargedToCard(f.money(invoice, invoice.amountDue));
  const blocks: EmailBlock[] = [{ kind: 'paragraph', text: words.intro(f.date(invoice.issuedAt)) }];
  if (p.appliedChange?.changes.length) {
    blocks.push({
      kind: 'list',
      heading: words.tookEffect(f.date(invoice.issuedAt)),
      items: changeLines(p.appliedChange.changes, p.locale, namesFrom(p.appliedChange.itemNames)),
    });
  }
  blocks.push({ kind: 'facts', rows: documentFacts(invoice, p.locale) }, { kind: 'paragraph', text: due });
  return mail(message, { locale: p.locale, subject: words.subject(invoice.number), blocks }, [invoice], deps);
}

async function renewalFailed(message: OutboxMessage, p: Payload<'renewal_failed'>, deps: ComposeDeps) {
  const words = EMAIL_STRINGS[p.locale].renewalFailed;
  const invoice = await document(message, p.invoiceId, deps);
  const f = formats(p.locale);
  const outstanding = f.money(invoice, invoice.amountDue - invoice.amountPaid);
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: words.intro(invoice.number, outstanding) },
    { kind: 'paragraph', text: p.nextAttemptAt === null ? words.noRetry : words.retryOn(f.date(p.nextAttemptAt)) },
    { kind: 'facts', rows: documentFacts(invoice, p.locale) },
  ];
  return mail(message, { locale: p.locale, subject: words.subject(invoice.number), blocks }, [invoice], deps);
}

async function provisioningCompleted(message: OutboxMessage, p: Payload<'provisioning_completed'>, deps: ComposeDeps) {
  const words = EMAIL_STRINGS[p.locale].provisioningCompleted;
  const change = await deps.findChange(message.accountId, p.changeId);
  if (!change) throw new UndeliverableMailError(`change ${p.changeId} not found`);
  const items = changeLines(change.appliedNow, p.locale, namesIn(change.itemNames, p.locale));
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: words.intro(formats(p.locale).date(change.confirmedAt)) },
    ...(items.length ? [{ kind: 'list' as const, heading: null, items }] : []),
  ];
  return mail(message, { locale: p.locale, subject: words.subject, blocks }, [], deps);
}

async function changeRefunded(message: OutboxMessage, p: Payload<'change_refunded'>, deps: ComposeDeps) {
  const words = EMAIL_STRINGS[p.locale].changeRefunded;
  const amount = formatMoney({ amount: p.amount, currency: p.currency as CurrencyCode }, p.locale);
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: words.intro(formats(p.locale).date(message.createdAt), amount) },
    { kind: 'paragraph', text: words.tryAgain },
  ];
  return mail(message, { locale: p.locale, subject: words.subject, blocks }, [], deps);
}

/** The receipt of an invoice the customer paid at the portal, with the invoice (now showing it paid) attached. */
async function paymentReceipt(message: OutboxMessage, p: Payload<'payment_receipt'>, deps: ComposeDeps) {
  const words = RECEIPT_STRINGS[p.locale];
  const invoice = await document(message, p.invoiceId, deps);
  const amount = formatMoney({ amount: p.amount, currency: p.currency as CurrencyCode }, p.locale);
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: words.intro(amount, formats(p.locale).date(message.createdAt), receiptCard(p.card)) },
    { kind: 'facts', rows: documentFacts(invoice, p.locale) },
    { kind: 'paragraph', text: words.paid(invoice.number) },
  ];
  return mail(message, { locale: p.locale, subject: words.subject(invoice.number), blocks }, [invoice], deps);
}

/** A document the message names; it was written in the same transaction, so a missing one never appears later. */
async function document(message: OutboxMessage, id: string, deps: ComposeDeps): Promise<DocumentRecord> {
  const found = await deps.findDocument(message.accountId, id);
  if (!found) throw new UndeliverableMailError(`document ${id} not found for outbox message ${message.id}`);
  return found;
}

async function mail(
  message: OutboxMessage,
  content: Pick<EmailLayout, 'locale' | 'subject' | 'blocks'>,
  documents: readonly DocumentRecord[],
  deps: ComposeDeps,
): Promise<MailContent> {
  const words = EMAIL_STRINGS[content.locale];
  const [name, attachments] = await Promise.all([
    deps.addresseeName(message.accountId, message.recipient),
    Promise.all(documents.map((d) => attachment(message, d, deps))),
  ]);
  const layout: EmailLayout = {
    ...content,
    greeting: name ? words.greeting(name) : words.greetingNoName,
    signOff: words.signOff,
  };
  return { subject: layout.subject, text: renderText(layout), html: renderHtml(layout), attachments };
}

async function attachment(message: OutboxMessage, d: DocumentRecord, deps: ComposeDeps): Promise<MailAttachment> {
  const content = await deps.documentPdf(message.accountId, d);
  return { filename: `${d.number}.pdf`, content, contentType: 'application/pdf' };
}

/**
 * A document's totals as its PDF prints them, in the e-mail's language: charges positive,
 * credits (a credit note's total and its parts, credit applied to an invoice) negative
 * (docs/decisions/014).
 */
function documentFacts(d: DocumentRecord, locale: Locale): [string, string][] {
  const labels = DOCUMENT_LABELS[locale];
  const charge = (amount: number) => formatMoney(money(amount, d.currency), locale);
  const credit = (amount: number) => formatMoney(asCredit(money(amount, d.currency)), locale);
  const rows: [string, string][] = [[d.kind === 'invoice' ? labels.invoice : labels.creditNote, d.number]];
  rows.push([labels.total, formatMoney(shownAmount(d.kind, money(d.total, d.currency)), locale)]);
  if (d.kind === 'credit_note') {
    // Unlike the PDF, the e-mail leaves out the parts that are zero: it is a summary.
    if (d.creditNoteApplied !== 0) rows.push([labels.appliedToInvoice, credit(d.creditNoteApplied)]);
    if (d.creditBalanceApplied !== 0) rows.push([labels.addedToCreditBalance, credit(d.creditBalanceApplied)]);
    if (d.forfeited !== 0) rows.push([labels.forfeited, credit(d.forfeited)]);
    return rows;
  }
  if (d.creditNoteApplied !== 0) rows.push([labels.creditNoteApplied, credit(d.creditNoteApplied)]);
  if (d.creditBalanceApplied !== 0) rows.push([labels.creditBalanceApplied, credit(d.creditBalanceApplied)]);
  rows.push([labels.amountDue, charge(d.amountDue)]);
  if (d.amountPaid !== 0) rows.push([labels.amountPaid, charge(d.amountPaid)]);
  return rows;
}

function formats(locale: Locale) {
  const dates = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'long' });
  return {
    date: (instant: Instant) => dates.format(new Date(instant * 1000)),
    money: (d: DocumentRecord, amount: number) => formatMoney({ amount, currency: d.currency }, locale),
  };
}
