import type { CurrencyCode } from '../money/currencies';
import { money } from '../money/money';
import type { QuoteLine } from '../quote/quote';
import type { InvoiceDraft } from './document';

/** The renewal invoice for a new period: full-price lines, paid first from the account's credit. */
export function renewalInvoice(
  lines: readonly QuoteLine[],
  currency: CurrencyCode,
  creditBalance: number,
): InvoiceDraft {
  const total = lines.reduce((sum, line) => sum + line.amount.amount, 0);
  const creditApplied = Math.min(creditBalance, total);
  return {
    kind: 'invoice',
    reason: 'renewal',
    currency,
    lines,
    total: money(total, currency),
    creditNoteApplied: money(0, currency),
    creditBalanceApplied: money(creditApplied, currency),
    amountDue: money(total - creditApplied, currency),
  };
}
