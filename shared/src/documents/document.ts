import type { CurrencyCode } from '../money/currencies';
import type { Money } from '../money/money';
import type { QuoteLine } from '../quote/quote';

/** A line of an invoice or credit note; on a credit note the amount is what is credited (positive). */
export type DocumentLine = QuoteLine;

/** An invoice to issue: its lines add up to its total; credits pay it before the card does. */
export type InvoiceDraft = Readonly<{
  kind: 'invoice';
  reason: 'change' | 'renewal';
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
