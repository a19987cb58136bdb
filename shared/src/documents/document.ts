import type { CurrencyCode } from '../money/currencies';
import type { Money } from '../money/money';
import type { QuoteLine } from '../quote/quote';

/** An invoice or a credit note; a document is issued for a change or for a renewal. */
export const DOCUMENT_KINDS = ['invoice', 'credit_note'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_REASONS = ['change', 'renewal'] as const;
export type DocumentReason = (typeof DOCUMENT_REASONS)[number];

/** A line of an invoice or credit note; on a credit note the amount is what is credited (positive). */
export type DocumentLine = QuoteLine;

/** An invoice to issue: its lines add up to its total; credits pay it before the card does. */
export type InvoiceDraft = Readonly<{
  kind: 'invoice';
  reason: DocumentReason;
  currency: CurrencyCode;
  lines: readonly DocumentLine[];
  total: Money;
  /** The part of the total paid by the credit note issued with it. */
  creditNoteApplied: Money;
  /** The part of the total paid from the account's existing credit balance. */
  creditBalanceApplied: Money;
  amountDue: Money;
}>;

/** A credit note to issue for unused time: applied to the invoice first, the rest kept as credit. */
export type CreditNoteDraft = Readonly<{
  kind: 'credit_note';
  currency: CurrencyCode;
  lines: readonly DocumentLine[];
  total: Money;
  appliedToInvoice: Money;
  addedToCreditBalance: Money;
  forfeited: Money;
}>;
